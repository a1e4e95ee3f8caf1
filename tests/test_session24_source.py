"""Session 24: asked where the answers come from, or whether to trust them.
In `voice text`, "where does your information come from" was declined with
"For example, you can ask: Conclusion"; "who wrote this" and "can I trust
you" were declined too. A user deciding whether to act on what is read out
is told it is the text stored on the device, read as written, and not
medical advice (voice/conversation/commands.py ``asks_about_source``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, phrases
from voice.conversation.commands import asks_about_source
from voice.matching.matcher import Matcher

from .conftest import every_typed_line, voice_text_replies

SOURCE_QUESTIONS = [
    "where does your information come from?", "Where do your answers come from",
    "who wrote this?", "can I trust you", "what are your sources", "is this information reliable",
    "how do you know that", "do you search the internet", "where do you get this from",
    "is this accurate?", "should I believe you",
]


@pytest.mark.parametrize("said", SOURCE_QUESTIONS)
def test_asked_where_answers_come_from_it_says_so(kb: KnowledgeBase, matcher: Matcher,
                                                  said: str) -> None:
    for heard in (False, True):
        reply = Conversation(kb, matcher).respond(said, heard=heard)
        assert (reply.outcome, reply.command, reply.say) == ("command", "source", phrases.SOURCE)


@pytest.mark.parametrize("said", [
    "where do spasms come from", "where does the pain come from", "can I trust my doctor",
    "who wrote about ALS first", "is this normal", "is this serious",
    "how do you know if you have ms",
    "is my diet accurate", "what is the source of my cramps", "where does that come from",
    "where do you get spasms", "who wrote this song",
])
def test_questions_with_those_words_are_not_taken(said: str) -> None:
    assert not asks_about_source(said)


def test_no_line_of_the_question_sets_is_taken_for_one() -> None:
    """Counted over every typed set (in scope, out of scope, everyday
    requests, health questions, emergencies), not read line by line."""
    lines = every_typed_line()
    assert sum(asks_about_source(t) for t in lines) == 0


def test_what_it_says_is_true() -> None:
    """Nothing is looked up at run time (tests/test_privacy.py proves no
    socket is opened) and an answer is its entry's text as written."""
    say = phrases.SOURCE.lower()
    assert "not medical advice" in say and "internet" in say and "this device" in say
    assert say.rstrip().endswith("what would you like to know?")


def test_in_voice_text(tmp_path: Path) -> None:
    replies = voice_text_replies(["where does your information come from", "who wrote this"],
                                 tmp_path)
    assert [r["command"] for r in replies] == ["source", "source"]
    assert all(r["say"] == phrases.SOURCE for r in replies)
