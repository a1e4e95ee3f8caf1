"""Lines typed into `voice text` (session 45, branch typed45b) that were each
read an entry in full that does not answer them, as a person with MS, ALS
or myasthenia gravis, or their carer, would type them:

- "does ms get worse", "does mg get worse" were read the FAQ on when spasms
  need a doctor, where "will it get worse" was met as a fear for the
  future: now met the same way;
- "i have ms and my legs feel heavy", "my legs feel like jelly", "i keep
  tripping" were read the early-signs FAQ, which lists signs and says
  nothing to one who has them now: a sign told, with when to get help at
  once, that FAQ and the one on seeing a doctor offered (seen_now.py);
- "does cold water help spasms" was read the lifestyle FAQ (water folded
  onto its "hydration"): the content says nothing of cold;
- "how do i find a physio" was read the physiotherapy FAQ, which says what
  physio does, not how to get it: who can help, that FAQ offered.

And guards: lines that keep their answer ("what are the early signs",
"what role does physical therapy play") or reply, with "spasms at night"
alone and "will my als get worse", already met on main.

Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import offered_id as _offered
from .conftest import voice_text_replies

SEEK = "when-should-someone-seek-medical-attention-for-muscle-spasms"
EARLY = "what-are-the-early-signs-of-neuromuscular-disorders"
PHYSIO = "what-role-does-physical-therapy-play-in-managing-these-conditions"
LIFESTYLE = "can-lifestyle-changes-help-manage-chronic-spasms"
CURE = "is-there-a-cure-for-neuromuscular-disorders"
RECOGNIZING = "recognizing-chronic-spasms-and-neuromuscular-disorders"
WORRY = "That's a hard thing to be wondering about."
SIGN = "I can't judge symptoms. If this came on suddenly"
SERVICES = "What I know doesn't cover how to get care or referrals where you live."
COLD = "What I know doesn't cover heat, cold or the weather."
SPASM_TOLD = "Muscles that jump, twitch, lock or curl up by themselves can be spasms"


@pytest.mark.parametrize("said", [
    "does ms get worse",
    "does mg get worse",
    "Does ALS always get worse over time?",
    "does ms progress",
])
def test_whether_the_condition_gets_worse_is_met_as_the_fear_it_is(tmp_path: Path,
                                                                   said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(WORRY), reply
    assert reply["outcome"] == "confirm" and _offered(reply) == CURE, reply


@pytest.mark.parametrize("said", ["will it get worse", "will my als get worse"])
def test_will_it_get_worse_keeps_its_kind_word(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(WORRY) and _offered(reply) == CURE, reply


@pytest.mark.parametrize(("said", "entry"), [
    # Symptoms at a time or in the heat ask about symptoms, not the future.
    ("do spasms get worse", SEEK),
    ("does it get worse at night", SEEK),
])
def test_symptoms_getting_worse_are_no_fear_for_the_future(tmp_path: Path, said: str,
                                                           entry: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert not str(reply["say"]).startswith(WORRY), reply
    assert _offered(reply) == entry, reply


def test_ms_worse_in_the_heat_stays_the_heat(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["does ms get worse in the heat"], tmp_path)
    assert str(reply["say"]).startswith(COLD), reply


@pytest.mark.parametrize("said", [
    "i have ms and my legs feel heavy",
    "my legs feel like jelly",
    "i keep tripping",
    "my legs feel weak",
    "my husband has als and his legs keep giving way",
    "i trip over my own feet",
    "my arms feel heavy",
])
def test_weak_or_heavy_limbs_and_tripping_told_get_when_to_get_help(tmp_path: Path,
                                                                     said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(SIGN), reply
    assert reply["outcome"] == "confirm" and _offered(reply) == EARLY, reply
    assert "When should someone seek medical attention" in str(reply["say"]), reply


@pytest.mark.parametrize(("choice", "entry"), [("the first one", EARLY),
                                               ("the second one", SEEK)])
def test_a_sign_told_then_chosen_reads_the_entry(tmp_path: Path, choice: str,
                                                 entry: str) -> None:
    _, reply = voice_text_replies(["my legs feel like jelly", choice], tmp_path)
    assert reply["outcome"] == "answer" and _offered(reply) == entry, reply


@pytest.mark.parametrize("said", ["i can't swallow properly", "he is very confused"])
def test_other_signs_seen_now_keep_when_to_see_a_doctor_first(tmp_path: Path,
                                                              said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(SIGN) and _offered(reply) == SEEK, reply


@pytest.mark.parametrize("said", [
    "what are the early signs",
    "what are the early signs of ms",
])
def test_the_early_signs_asked_keep_their_answer(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["outcome"] == "answer" and _offered(reply) == EARLY, reply


def test_falling_told_keeps_its_own_reply(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["i keep falling"], tmp_path)
    assert str(reply["say"]).startswith("Falls can be serious."), reply


@pytest.mark.parametrize("said", ["spasms at night", "my legs keep jumping at night"])
def test_spasms_told_at_night_stay_a_spasm_told(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(SPASM_TOLD), reply
    assert reply["outcome"] == "confirm" and _offered(reply) == RECOGNIZING, reply


def test_no_i_meant_spasms_at_night_is_a_spasm_told(tmp_path: Path) -> None:
    _, reply = voice_text_replies(["what helps spasms", "no i meant spasms at night"], tmp_path)
    assert str(reply["say"]).startswith(SPASM_TOLD), reply
    assert reply["outcome"] == "confirm", reply


def test_spasms_and_sleep_keep_their_answer(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["do spasms affect sleep"], tmp_path)
    assert reply["outcome"] == "answer" and _offered(reply) == "impact-on-daily-life", reply


@pytest.mark.parametrize("said", [
    "does cold water help spasms",
    "is cold water swimming good for ms",
    "do cold showers help my spasms",
])
def test_cold_water_is_said_not_covered(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(COLD), reply
    assert _offered(reply) is None, reply


@pytest.mark.parametrize(("said", "outcome", "entry"), [
    ("does drinking water help spasms", "answer", LIFESTYLE),
    ("does a hot bath help spasms", "answer", "alternative-therapies"),
])
def test_water_the_content_names_keeps_its_answer(tmp_path: Path, said: str, outcome: str,
                                                  entry: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["outcome"] == outcome and _offered(reply) == entry, reply


@pytest.mark.parametrize("said", [
    "how do i find a physio",
    "where can i find a physiotherapist near me",
    "how can i get physio",
    "how do we get him referred to physio",
])
def test_finding_a_physio_gets_who_can_help_and_physio_offered(tmp_path: Path,
                                                               said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(SERVICES), reply
    assert reply["outcome"] == "confirm" and _offered(reply) == PHYSIO, reply


@pytest.mark.parametrize(("said", "outcome"), [
    ("what role does physical therapy play", "answer"),
    ("what role does physical therapy play in managing these conditions", "answer"),
    ("how often should someone with als see a physio", "confirm"),
    # A guard since session 36 (test_scope36_nothing_asked.py).
    ("where can i get physio", "answer"),
])
def test_what_physio_does_keeps_its_reply(tmp_path: Path, said: str, outcome: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert not str(reply["say"]).startswith(SERVICES), reply
    assert reply["outcome"] == outcome and _offered(reply) == PHYSIO, reply


def test_physio_on_the_nhs_keeps_who_can_help(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["can i get physio on the nhs"], tmp_path)
    assert str(reply["say"]).startswith(SERVICES) and _offered(reply) == PHYSIO, reply
