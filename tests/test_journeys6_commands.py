"""Journeys with the voice commands (2026-12-02, `voice text` and the real
conversation over the shipped content): words said twice, "start again",
"what was that", and "louder" at its limit.

Each was found by walking through `voice text` as a user would; each test
failed before its fix (docs/user-journeys.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.loader import load_knowledge
from voice.conversation import Conversation, phrases
from voice.speech_out.base import VoiceSettings

from .conftest import CONTENT, voice_text_replies

#: A shipped entry read in more than one part ("Shall I go on?").
LONG_QUESTION = "how can caregivers cope"


@pytest.fixture
def talk() -> Conversation:
    return Conversation(load_knowledge([CONTENT]), settings=VoiceSettings(rate=150, volume=0.7))


@pytest.mark.parametrize(("said", "command"), [
    ("stop stop stop", "stop"), ("stop, stop", "stop"), ("louder louder", "louder"),
    ("slower slower please", "slower"), ("repeat repeat", "repeat"),
])
def test_a_command_said_twice_or_more_is_that_command(talk: Conversation, said: str,
                                                      command: str) -> None:
    """"stop stop stop" was declined as a question ("I don't have an answer
    for that ..."), and three of those read out the whole topic list."""
    talk.respond(LONG_QUESTION)
    reply = talk.respond(said)
    assert reply.command == command, reply.say
    assert reply.outcome == "command"


def test_yes_said_twice_answers_the_offer(talk: Conversation) -> None:
    offer = talk.respond("spasms")
    assert offer.outcome == "confirm", offer.say
    reply = talk.respond("yes yes")
    assert reply.outcome == "answer" and reply.match == offer.match


def test_no_no_to_an_offer_is_no(talk: Conversation) -> None:
    assert talk.respond("spasms").outcome == "confirm"
    reply = talk.respond("no no no")
    assert reply.command == "no" and reply.say == phrases.ASK_AGAIN


def test_start_again_reads_the_answer_from_its_beginning(talk: Conversation) -> None:
    first = talk.respond(LONG_QUESTION)
    assert first.more, "the entry must be long enough to be read in parts"
    second = talk.respond("go on")
    assert second.say != first.say
    again = talk.respond("start again")
    assert again.outcome == "answer" and again.match == first.match
    # The first part again (the note on medical advice was said once already).
    assert first.say.endswith(again.say) and again.more
    # ... and "go on" goes on from there, as the first time.
    assert talk.respond("go on").say == second.say
    # Going back is not confused by it: nothing came before this answer.
    assert talk.respond("go back").say == phrases.NOTHING_BEFORE


def test_start_over_after_the_topic_list_reads_the_list_again(talk: Conversation) -> None:
    listed = talk.respond("list topics")
    talk.respond("more")
    assert talk.respond("start over").say == listed.say


def test_start_again_with_nothing_said_says_how_to_begin(talk: Conversation) -> None:
    reply = talk.respond("start again")
    assert reply.outcome == "command" and reply.say == phrases.NOTHING_TO_REPEAT


@pytest.mark.parametrize("said", ["what was that", "read it again", "I didn't understand"])
def test_asking_what_was_said_repeats_it(talk: Conversation, said: str) -> None:
    """These were declined as questions: a user who missed the answer was
    told it was not about the content."""
    first = talk.respond(LONG_QUESTION)
    reply = talk.respond(said)
    assert reply.command == "repeat" and reply.say == first.say


def test_louder_at_its_limit_says_what_to_do_next(talk: Conversation) -> None:
    for _ in range(4):
        reply = talk.respond("louder")
    assert reply.settings.volume == 1.0 and "as loud as" in reply.say
    assert "'repeat'" in reply.say and "ask me a question" in reply.say
    softer = talk.respond("quieter")
    assert "more quietly" in softer.say and "'repeat'" in softer.say
    for _ in range(10):
        reply = talk.respond("slower")
    assert "slowest" in reply.say and "ask me a question" in reply.say


def test_the_journey_through_voice_text(tmp_path: Path) -> None:
    """The same journey as a user types it into the real `voice text`."""
    lines = ["stop stop stop", "yes yes", LONG_QUESTION, "start again", "what was that",
             "louder", "louder", "louder", "louder"]
    replies = voice_text_replies(lines, tmp_path)
    assert len(replies) == len(lines)
    assert [r["outcome"] for r in replies[:2]] == ["command", "command"], replies[:2]
    assert replies[0]["command"] == "stop"
    answer, again, what = replies[2:5]
    assert answer["outcome"] == "answer" and answer["say"].startswith(phrases.DISCLAIMER)
    assert again["outcome"] == "answer" and answer["say"].endswith(again["say"])
    assert what["command"] == "repeat" and what["say"] == again["say"]
    assert "ask me a question" in replies[-1]["say"]
