"""Someone the user cares for told as low, and a medicine's effect asked
(session 42, typed into `voice ask`):

- "he's been really down since he was diagnosed" was read Diagnosis and
  Medical Evaluations in full (on "diagnosed"): a wrong answer read;
- "my mum is very low" was offered Physical Therapy (its "low impact");
- "my wife cries a lot since the diagnosis" was declined plainly;
- "do muscle relaxants make you sleepy" was offered Medication, which names
  no such effect.

Real `voice text`, and the pure rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation.someone_low import someone_low

from .conftest import offered_id as _offered
from .conftest import voice_text_replies

COPING = "coping-strategies-for-individuals-and-caregivers"
MEDICATION = "medication"


@pytest.mark.parametrize("said", [
    "he's been really down since he was diagnosed",
    "my mum is very low",
    "my wife cries a lot since the diagnosis",
    "she is not herself lately",
])
def test_someone_low_is_met_kindly(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    say = str(reply["say"])
    assert say.startswith("It's hard to see someone you care for struggling"), reply
    assert "emergency number" in say, reply
    assert reply["answer"] is None and _offered(reply) == COPING, reply


@pytest.mark.parametrize("said", [
    "my son is sad his team lost", "my dad is low on battery", "the battery is low",
    "i am low", "he is down the pub", "is he low",
])
def test_other_lows_are_not_taken(said: str) -> None:
    """Guards (the rule alone): what about is named, or no person, or a
    question, or the user's own mood (feelings.py's)."""
    assert not someone_low(said)


@pytest.mark.parametrize("said", [
    "do muscle relaxants make you sleepy", "does baclofen make you tired",
    "can the tablets make him dizzy",
])
def test_a_medicines_effect_is_a_side_effect(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith("What I know doesn't list the side effects"), reply
    assert reply["answer"] is None and _offered(reply) == MEDICATION, reply


def test_exercise_making_you_tired_is_no_side_effect(tmp_path: Path) -> None:
    """Guard (passes before too): exercise is no medicine."""
    (reply,) = voice_text_replies(["does exercise make you tired"], tmp_path)
    assert "side effects" not in str(reply["say"]), reply
