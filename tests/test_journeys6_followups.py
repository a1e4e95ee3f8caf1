"""Journeys: follow-ups and topics chosen by number (2026-12-02, `voice
text` over the shipped content). "Tell me more" after a whole answer met a
dead end; "more about that", "the third one", "what is number five" were
declined as questions (docs/user-journeys.md). Each test failed before its fix.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.loader import load_knowledge
from voice.conversation import Conversation, phrases
from voice.conversation.choices import find_choice

from .conftest import CONTENT, voice_text_replies


@pytest.fixture
def talk() -> Conversation:
    return Conversation(load_knowledge([CONTENT]))


def test_tell_me_more_after_a_whole_answer_offers_the_nearest_entry(talk: Conversation) -> None:
    first = talk.respond("is there a cure")
    assert first.outcome == "answer" and not first.more
    more = talk.respond("tell me more")
    assert more.outcome == "confirm" and more.match is not None
    assert more.match != first.match
    assert more.say.startswith(phrases.ALL_ON_THAT) and "yes or no" in more.say
    # Offered, never read unasked; "yes" reads it.
    yes = talk.respond("yes")
    assert yes.outcome == "answer" and yes.match == more.match
    # Nothing learned from it: "tell me more" is no way of asking.
    assert not len(talk.phrasings)


def test_go_on_before_any_answer_says_so(talk: Conversation) -> None:
    """Right after "help", "go on" said "That's all I have on that"."""
    talk.respond("help")
    assert talk.respond("go on").say == phrases.NOTHING_READ_YET
    assert talk.respond("tell me more").say == phrases.NOTHING_READ_YET


def test_tell_me_more_with_nothing_near_still_says_what_to_do(talk: Conversation) -> None:
    talk.respond("is there a cure")
    talk.respond("tell me more")
    talk.respond("yes")  # the offered entry, read whole: nothing else near
    assert talk.respond("tell me more").say == phrases.NO_MORE


@pytest.mark.parametrize("said", ["more about that", "tell me more about that",
                                  "tell me more about it"])
def test_more_about_that_is_more(talk: Conversation, said: str) -> None:
    first = talk.respond("how can caregivers cope")
    assert first.more
    reply = talk.respond(said)
    assert reply.outcome == "answer" and reply.match == first.match, reply.say


@pytest.mark.parametrize(("said", "number"), [
    ("the third one", 3), ("third", 3), ("the fifth topic", 5), ("I want the ninth one", 9),
    ("what is number five", 5), ("tell me about number five", 5),
    ("can you read number twenty one", 21),
])
def test_topics_chosen_as_people_say_it(talk: Conversation, said: str, number: int) -> None:
    talk.respond("list topics")
    reply = talk.respond(said)
    assert reply.outcome == "answer", reply.say
    assert reply.match == talk.kb.entries[number - 1]


@pytest.mark.parametrize("said", ["third world countries", "is there a third option",
                                  "what is five", "what is it about"])
def test_words_near_a_choice_are_not_one(said: str) -> None:
    assert find_choice(said) is None


def test_through_voice_text(tmp_path: Path) -> None:
    lines = ["is there a cure", "tell me more", "no", "list topics", "the third one"]
    replies = voice_text_replies(lines, tmp_path)
    assert [r["outcome"] for r in replies] == ["answer", "confirm", "command", "command",
                                               "answer"], replies
    assert replies[-1]["match"]["title"] == "Causes and Risk Factors"
