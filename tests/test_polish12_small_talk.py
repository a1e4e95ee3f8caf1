"""Session 12: what a tired user says around the questions, tried in
`voice text`. "who made you", "are you a robot", "is this a real person",
"how do you work" were declined or offered an entry; "never mind" and
"forget it" were declined, and the third such line read out the whole topic
list; "what does that mean" after an answer was declined as off the subject;
"you're not helping" likewise; "can I talk to a doctor" offered Coping
Strategies. Now each is a command (voice/conversation/commands.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, phrases
from voice.matching.matcher import Matcher

from .conftest import voice_text_replies


@pytest.mark.parametrize("said", [
    "who made you", "are you a robot", "is this a real person", "how do you work",
    "am I talking to a robot", "are you real",
])
def test_about_the_assistant(kb: KnowledgeBase, matcher: Matcher, said: str) -> None:
    for heard in (False, True):
        reply = Conversation(kb, matcher).respond(said, heard=heard)
        assert reply.command == "about" and reply.say == phrases.ABOUT_ME


@pytest.mark.parametrize("said", ["never mind", "forget it", "it doesn't matter", "skip it"])
def test_letting_it_drop_is_not_a_misunderstanding(kb: KnowledgeBase, matcher: Matcher,
                                                   said: str) -> None:
    talk = Conversation(kb, matcher)
    assert talk.respond("spasticity").outcome == "confirm"
    for _ in range(3):
        # Three in a row read out the topic list, as misunderstandings.
        reply = talk.respond(said)
        assert reply.command == "never_mind" and reply.say == phrases.NEVER_MIND
    assert not talk.asks_yes_no  # the offer is dropped: "yes" now is no answer to it


def test_never_mind_mid_answer_keeps_the_rest_for_go_on(kb: KnowledgeBase,
                                                        matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    first = talk.respond("how can I cope")
    assert first.more, first.say
    dropped = talk.respond("never mind")
    assert dropped.stop_speaking and dropped.say == phrases.NEVER_MIND
    rest = talk.respond("go on")
    assert rest.outcome == "answer" and rest.match == first.match


@pytest.mark.parametrize("said", ["what does that mean", "can you explain that more simply",
                                  "that's too complicated"])
def test_an_answer_not_understood(kb: KnowledgeBase, matcher: Matcher, said: str) -> None:
    talk = Conversation(kb, matcher)
    assert talk.respond(said).say == phrases.NOTHING_READ_YET
    talk.respond("what medication helps spasms")
    reply = talk.respond(said)
    assert reply.command == "simpler" and reply.say == phrases.SIMPLER


def test_through_voice_text(tmp_path: Path) -> None:
    replies = voice_text_replies(
        ["what medication helps spasms", "what does that mean", "you're not helping",
         "never mind", "who made you", "can I talk to a doctor"], tmp_path)
    said = [(r["outcome"], r.get("command")) for r in replies]
    assert said == [("answer", None), ("command", "simpler"), ("confirm", "wrong"),
                    ("command", "never_mind"), ("command", "about"), ("command", "call")]
    assert replies[-1]["say"] == phrases.CANNOT_CALL


@pytest.mark.parametrize(("typed", "command"), [
    ("repeat pls", "repeat"), ("wat", "repeat"), ("thank u", "thanks"), ("ty", "thanks"),
    ("yes plz", "yes"), ("nah", "no"), ("shut up", "stop"),
    ("what was the last thing you said", "repeat"), ("i didnt hear the end", "repeat"),
    ("can you say that in a different way", "simpler"),
])
def test_shorthand_and_plain_words_are_commands(kb: KnowledgeBase, matcher: Matcher,
                                                typed: str, command: str) -> None:
    # Each was declined, and three in a row read out the whole topic list.
    talk = Conversation(kb, matcher)
    talk.respond("what medication helps spasms")
    for _ in range(3):
        reply = talk.respond(typed)
        assert reply.command == command and "1, Introduction" not in reply.say
