"""Session 12: emergencies as a caregiver tells them, typed and said aloud.

Typed, "he's seizing", "she's not waking up", "I can't wake him", "his
breathing is very shallow", "she's gone limp" ... were declined or answered
from the content (voice/matching/emergency.py, _CAREGIVER_SAID). Said aloud,
espeak-ng's "he's gasping for air" was heard "he's got info error" and "she
won't respond" "she went to respond": the emergency decode's prompt now has
those words (voice/speech_in/whisper/emergencies.py, EMERGENCY_PROMPT).
An emergency is met with the advice first, whatever the conversation was
doing: never with an article entry.
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
from voice.matching.matcher import Matcher
from voice.matching.normalize import clean
from voice.speech_in.whisper import WhisperRecognizer

from .conftest import REPO, every_question_line, voice_text_replies

sys.path.insert(0, str(REPO / "scripts"))
from benchmark_audio import pad  # type: ignore[import-not-found, unused-ignore]
from make_spoken_questions import (  # type: ignore[import-not-found, unused-ignore]
    Variant,
    speak,
)

#: The brief's emergencies (already taken typed) and a caregiver's.
BRIEF = ["he's gasping for air", "she won't respond", "he's not responding",
         "I can't breathe", "my chest hurts", "she's choking", "he collapsed",
         "he's having a seizure", "she fell and can't get up"]
#: Typed, each was declined or answered from the content before.
CAREGIVER = [
    "he's seizing", "she is seizing", "he's been seizing for five minutes",
    "he's having convulsions", "she's convulsing", "he's having seizures",
    "the seizure won't stop", "he's shaking and won't stop", "he's shaking all over",
    "she's not waking up", "he won't wake", "I can't wake him", "i cannot wake her up",
    "he's turning blue", "he's breathing funny", "his breathing is very shallow",
    "he is barely breathing", "his breathing has stopped", "she's gone limp",
    "she's not conscious", "she fell and hurt her head", "he's fallen and hurt himself",
    "he can't get off the floor", "she's stuck on the floor",
    "she went to respond",
]


@pytest.mark.parametrize("said", CAREGIVER)
def test_a_caregivers_words_are_an_emergency(kb: KnowledgeBase, matcher: Matcher,
                                             said: str) -> None:
    for heard in (False, True):
        reply = Conversation(kb, matcher).respond(said, heard=heard)
        assert reply.outcome == "emergency" and reply.say == phrases.EMERGENCY, reply.say
        assert reply.match is None and reply.answer is None


#: Questions near those words: no emergency.
NEAR = ["why are my muscles seizing up", "can seizures be treated",
        "my son is having seizures more often, should we change medication",
        "does shaking stop with medication", "my leg went limp after a spasm",
        "why does my breathing stop at night",
        "i fell and hurt myself last year can exercise help",
        "she went to respond to the letter"]


def test_no_line_of_the_question_sets_is_taken(kb: KnowledgeBase) -> None:
    """Every line of tests/data (held out too, counted only) and every "Also
    asked" line: none is taken by the new patterns, so scripts/benchmark.py's
    figures cannot move; nor is any question near them."""
    assert not any(is_emergency(q) for q in NEAR)
    lines = every_question_line(kb)
    assert len(lines) > 9000
    new = re.compile("|".join(f"(?:{p})" for p in emergency._CAREGIVER_SAID))
    assert all(new.search(clean(s)) for s in CAREGIVER)
    assert sum(bool(new.search(clean(q))) for q in lines) == 0


def test_first_whatever_the_conversation_was_doing(tmp_path: Path) -> None:
    """Through `voice text`: in the middle of an answer, at "Did you mean",
    after "I only heard 'what is the'": the advice, not an entry."""
    replies = voice_text_replies(
        ["what medication helps spasms", "he's seizing", "spasticity", "she's gone limp",
         "what is the", "I can't wake him", "go on"], tmp_path)
    said = [r["outcome"] for r in replies]
    assert said[1] == said[3] == said[5] == "emergency", said
    assert replies[1]["say"] == phrases.EMERGENCY


def test_said_aloud_it_is_an_emergency(kb: KnowledgeBase,
                                       whisper_tiny: WhisperRecognizer) -> None:
    """The brief's emergencies (typed, each was one already) said by espeak-ng
    (en-us, en+f3) and flite (slt), heard by the real Whisper tiny.en through
    the assistant's spoken path (Assistant.handle_heard, as `voice listen`).
    Missed before: en-us "he's gasping for air" ("he's got info error"),
    en+f3 "he's gasping for air" and "she won't respond"."""
    missed = []
    for voice in (Variant("en-us"), Variant("en+f3"), Variant("slt", synth="flite")):
        for said in BRIEF:
            heard = whisper_tiny.transcribe(pad(read_wav(speak(said, voice))))
            got = Assistant(Conversation(kb), None, out=io.StringIO(),
                            json_lines=True).handle_heard(heard)
            if got["outcome"] != "emergency":
                missed.append((voice.name, said, heard.text))
    assert missed == []
