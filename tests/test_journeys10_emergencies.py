"""Session 10: emergencies in a caregiver's or a frightened user's own words.

Each of these was declined ("I don't have an answer for that in what I
know") or met as a feeling ("I can't feel my arm and my face is numb":
"Thank you for telling me how you feel"): breath that cannot be caught,
gasping, a fit ("she's fitting"), going floppy or grey, not responding,
something stuck in the throat, the signs of a stroke, a myasthenic crisis.
Now: call the emergency number first. Questions near those words stay
questions, and no line of tests/data's sets is taken (counted only).
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

from voice.app import Assistant
from voice.audio.clip import read_wav
from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, phrases
from voice.matching import emergency
from voice.matching.emergency import is_emergency
from voice.speech_in.whisper import WhisperRecognizer

from .conftest import REPO, every_question_line, voice_text_replies

sys.path.insert(0, str(REPO / "scripts"))
from benchmark_audio import pad  # type: ignore[import-not-found, unused-ignore]
from make_spoken_questions import (  # type: ignore[import-not-found, unused-ignore]
    Variant,
    speak,
)

SEEN = [
    "she can't catch her breath", "I can't get my breath", "he's gasping",
    "he is gasping for air", "she's fitting", "he has gone floppy", "he won't respond",
    "my wife does not respond", "something is stuck in my throat",
    "he can't swallow and is turning grey", "she's gone grey",
    "one side of my face has dropped", "my speech is slurred suddenly",
    "I can't feel my arm and my face is numb", "my face is numb and my arm is weak",
    "my husband is having a myasthenic crisis",
]


@pytest.mark.parametrize("seen", SEEN)
def test_told_in_their_own_words_it_is_an_emergency(kb: KnowledgeBase, seen: str) -> None:
    reply = Conversation(kb).respond(seen)
    assert reply.outcome == "emergency" and reply.say == phrases.EMERGENCY, reply.say


@pytest.mark.parametrize("asked", [
    "what is a myasthenic crisis", "why is my face numb and my arm weak",
    "will he respond to treatment", "my hair is going grey", "my hair's going grey",
    "does baclofen help with fitting", "is numbness in my face an early sign",
])
def test_questions_near_those_words_are_not(asked: str) -> None:
    assert not is_emergency(asked)


def test_no_line_of_the_question_sets_is_taken(kb: KnowledgeBase,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Every line of tests/data (held out too, counted only) and every "Also
    asked" line is an emergency exactly when it was before these patterns."""
    lines = every_question_line(kb)
    assert len(lines) > 9000
    now = [is_emergency(q) for q in lines]
    monkeypatch.setattr(emergency, "_RE", re.compile(
        "|".join(f"(?:{p})" for p in emergency._PATTERNS)))
    assert not any(is_emergency(s) for s in SEEN)
    assert sum(a != is_emergency(q) for a, q in zip(now, lines, strict=True)) == 0


def test_the_journey_through_voice_text(tmp_path: Path) -> None:
    replies = voice_text_replies(["my husband has MS", "he's gasping",
                                  "I can't feel my arm and my face is numb"], tmp_path)
    assert [r["outcome"] for r in replies[1:]] == ["emergency", "emergency"]


@pytest.mark.parametrize("said", [
    "she can't catch her breath", "I can't feel my arm and my face is numb",
    # Heard "one side on my face has dropped", "... a myostatic crisis".
    "one side of my face has dropped",
    # Heard '... a myostatic crisis' on an AVX2 EPYC, '... a my hispanic
    # crisis' on an AVX-512 EPYC's AVX2 path (tests/conftest.py): both are
    # emergencies (emergency.py CRISIS_WORDS, branch hear13).
    "my husband is having a myasthenic crisis",
])
def test_said_aloud_it_is_an_emergency(kb: KnowledgeBase, whisper_tiny: WhisperRecognizer,
                                       said: str) -> None:
    """espeak-ng's voice heard by the real Whisper tiny.en, through the
    assistant's spoken path (Assistant.handle_heard, as `voice listen`).
    Heard wrongly, not taken: "he's gasping" ("he's casting"), "she's
    fitting" ("she's fiving"), "he won't respond" ("he won't risk harm")."""
    heard = whisper_tiny.transcribe(pad(read_wav(speak(said, Variant("en-us")))))
    got = Assistant(Conversation(kb), None, out=io.StringIO(),
                    json_lines=True).handle_heard(heard)
    assert got["outcome"] == "emergency", got
