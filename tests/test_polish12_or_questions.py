"""Session 12: "is it treatable or curable?" and the questions near it get
the cure FAQ. Typed, the or-questions were answered already; "is it
incurable" was declined ("incurable" is no word of the content), and Whisper
writes espeak-ng's spoken "curable" "cureable", so the spoken question was
only offered. voice/matching/synonyms.py folds both onto "cure"."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from voice.app import Assistant
from voice.audio.clip import read_wav
from voice.content.model import KnowledgeBase
from voice.conversation import Conversation
from voice.matching.matcher import Matcher
from voice.speech_in.whisper import WhisperRecognizer

from .conftest import REPO, every_question_line, voice_text_replies

sys.path.insert(0, str(REPO / "scripts"))
from benchmark_audio import pad  # type: ignore[import-not-found, unused-ignore]
from make_spoken_questions import (  # type: ignore[import-not-found, unused-ignore]
    Variant,
    speak,
)

CURE = "is-there-a-cure-for-neuromuscular-disorders"


@pytest.mark.parametrize("asked", [
    "is it incurable", "is MS incurable", "is it incurable or can it be treated",
    "is it uncurable", "is it treatable or cureable",
])
def test_answered_by_the_cure_faq(kb: KnowledgeBase, matcher: Matcher, asked: str) -> None:
    for heard in (False, True):
        reply = Conversation(kb, matcher).respond(asked, heard=heard)
        assert reply.outcome == "answer", reply.say
        assert reply.match is not None and reply.match.id == CURE


def test_through_voice_text(kb: KnowledgeBase, tmp_path: Path) -> None:
    replies = voice_text_replies(["is it treatable or curable?", "is it incurable"], tmp_path)
    # The second is the entry just read: said so and offered again, not read
    # twice running (session 25, Conversation._read_already).
    assert [(r["outcome"], r["match"]["id"]) for r in replies] == [("answer", CURE),
                                                                   ("confirm", CURE)]
    assert "in the part I just read" in replies[1]["say"]
    # No line of tests/data's sets (held out too: counted only) has the new
    # words, so scripts/benchmark.py's figures cannot move.
    lines = every_question_line(kb)
    assert sum(w in q.lower() for q in lines for w in ("cureable", "incurable", "uncurable")) == 0


@pytest.mark.parametrize("voice", [Variant("en-us"), Variant("en+f3")])
def test_said_aloud(kb: KnowledgeBase, whisper_tiny: WhisperRecognizer, voice: Variant) -> None:
    """Heard "is it treatable or cureable" by the real Whisper tiny.en: only
    offered before."""
    heard = whisper_tiny.transcribe(pad(read_wav(speak("is it treatable or curable", voice))))
    got = Assistant(Conversation(kb), None, out=io.StringIO(),
                    json_lines=True).handle_heard(heard)
    assert got["outcome"] == "answer" and got["match"]["id"] == CURE, got
