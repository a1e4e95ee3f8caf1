"""A half sentence said aloud is asked to be finished even as Whisper hears
it: tiny.en writes the last "the" of "what is the" as "that", and a bare
"what is that" with no answer before it to point at is asked to be finished
(voice/conversation/unfinished.py ``BARE_POINTER``), not declined as off the
subject. After an answer it is left as it was."""

from __future__ import annotations

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, unfinished
from voice.speech_in.base import Transcript
from voice.speech_in.whisper import WhisperRecognizer

from .test_asked_by_audio import BENCHMARK_VARIANTS, hear, reply

ASKED = "What would you like to know about?"


@pytest.mark.parametrize("said", ["what is that", "what's that", "What's that?", "um what is that"])
def test_a_bare_what_is_that_with_nothing_before_is_asked_to_be_finished(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, said: str) -> None:
    got = Conversation(kb).respond(said)
    assert got.outcome == "no_match" and got.say.startswith("I only heard") and ASKED in got.say
    monkeypatch.setattr(unfinished, "BARE_POINTER", False)
    assert "I only heard" not in Conversation(kb).respond(said).say


def test_after_an_answer_it_is_left_as_it_was(kb: KnowledgeBase) -> None:
    talk = Conversation(kb)
    assert talk.respond("what is baclofen").outcome == "answer"
    assert "I only heard" not in talk.respond("what is that").say
    assert "I only heard" not in Conversation(kb).respond("what is this").say


def test_the_rest_said_next_is_joined_to_it(kb: KnowledgeBase) -> None:
    talk = Conversation(kb)
    talk.respond("what's that")
    got = talk.respond("baclofen")
    assert got.outcome == "answer" and got.match is not None and got.match.id == "medication"


def test_heard_as_whisper_heard_it(kb: KnowledgeBase) -> None:
    # espeak-ng en-us "what is the", as tiny.en heard it (AVX2 path).
    said = Transcript("what is that", "whisper", 0.9,
                      words=(("what", 0.93), ("is", 0.9), ("that", 0.88)))
    got = reply(kb, said)
    assert got["outcome"] == "no_match" and "I only heard 'what is that'" in got["say"], got


def test_spoken_half_sentences_are_asked_to_be_finished(
        kb: KnowledgeBase, whisper_tiny: WhisperRecognizer) -> None:
    """Over 2 half sentences x 6 espeak-ng conditions (which voices are heard
    "... that" differs by CPU): none is answered, and at least two are asked
    to be finished (here 5; with BARE_POINTER off, none)."""
    asked = 0
    for half in ("what is the", "what's the"):
        for voice in BENCHMARK_VARIANTS:
            got = reply(kb, hear(whisper_tiny, half, voice))
            assert got["outcome"] != "answer", (half, voice.name, got)
            asked += "I only heard" in got["say"]
    assert asked >= 2, asked
