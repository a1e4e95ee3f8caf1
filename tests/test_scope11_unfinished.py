"""A line broken off mid-sentence ("what is the", "how do I") is asked to be
finished, not declined as off the subject: a user who tires mid-sentence, or
lets go of the button, must not be told their question is not covered
(voice/conversation/unfinished.py). Typed and spoken alike."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest

from voice.app import Assistant, build_assistant
from voice.cli.options import config_from_args
from voice.content.loader import load_knowledge
from voice.conversation import Conversation, phrases
from voice.conversation.unfinished import heard_part, is_unfinished
from voice.speech_in.base import Transcript

from .conftest import CONTENT
from .test_listen import spoken, start_listen, wait_for_ready

FINISH = "What would you like to know about?"


@pytest.fixture
def talk() -> Conversation:
    return Conversation(load_knowledge([CONTENT]))


def assistant() -> Assistant:
    args = argparse.Namespace(config=None, content=None, no_speak=True, speak_to=None)
    return build_assistant(config_from_args(args), args, json_lines=True, persist=False)


@pytest.mark.parametrize("line", [
    "what is the", "How do I?", "can you tell me about", "what about", "is there",
    "tell me about", "i want to know", "what is the um", "how can we", "what are the ...",
])
def test_a_half_sentence_is_asked_to_be_finished(talk: Conversation, line: str) -> None:
    reply = talk.respond(line)
    assert reply.outcome == "no_match"
    assert reply.say == f"I only heard '{heard_part(line)}'. {FINISH}"
    assert "don't have an answer" not in reply.say


def test_the_words_quoted_are_the_users_without_the_trailing_hesitation() -> None:
    assert heard_part("What is the um...") == "What is the"
    assert heard_part("How do I?") == "How do I"
    assert phrases.only_heard("what is the") == (
        "I only heard 'what is the'. What would you like to know about?")


@pytest.mark.parametrize("line", [
    # Whole questions, some of them short or ending in a small word.
    "why me", "who are you", "how are you", "what is it", "what about me",
    "how can i help her", "is there anything new", "who can i talk to",
    "What are the treatments for Niemann-Pick disease type A ?",
    "who won the football", "play some music", "hello",
    # Complete, though made of a question's opening words only.
    "what can I ask", "what do I do", "what can you do", "what is it about", "do you know",
])
def test_a_whole_sentence_is_not_taken_for_a_half(line: str) -> None:
    assert not is_unfinished(line)


def test_a_half_sentence_found_by_the_matcher_is_still_answered(talk: Conversation) -> None:
    # Broken off, but what it asks is clear: not asked again.
    reply = talk.respond("what are the early signs of")
    assert reply.outcome in ("answer", "confirm")


def test_a_half_sentence_is_not_counted_as_a_misunderstanding(talk: Conversation) -> None:
    # Three misunderstandings in a row bring the list of topics; a user who
    # keeps tiring mid-sentence is asked to finish each time instead.
    for _ in range(4):
        reply = talk.respond("how do i")
        assert reply.say.endswith(FINISH)
    finished = talk.respond("is there a cure")
    assert finished.outcome == "answer"


def test_an_off_subject_line_is_still_declined(talk: Conversation) -> None:
    reply = talk.respond("who will win the football tomorrow")
    assert reply.outcome == "no_match" and "don't have an answer" in reply.say


def test_heard_the_same_as_typed() -> None:
    # The voice path: what a recognizer heard, with its punctuation.
    reply = assistant().handle_heard(Transcript("What is the...", "whisper"))
    assert reply["outcome"] == "no_match"
    assert reply["say"] == f"I only heard 'What is the'. {FINISH}"


def test_listen_asks_to_finish_a_half_sentence(virtual_mic: Any, tmp_path: Path) -> None:
    """Said aloud (espeak-ng into the null sink), heard by the default recognizer."""
    half = spoken("how do I", "half-sentence.wav")
    proc = start_listen(virtual_mic, "--once", "--json", "--no-speak", "--no-cues",
                        tmp_path=tmp_path)
    try:
        wait_for_ready(proc, timeout=120)
        virtual_mic.play(half)
        out, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    reply = json.loads(out.splitlines()[-1])
    assert "how do i" in reply["transcript"].lower(), reply
    assert reply["outcome"] == "no_match", reply
    assert reply["say"].startswith("I only heard '") and reply["say"].endswith(FINISH), reply

