"""A question is not turned into a command by the fuzzy pass: "what is it"
(Whisper's hearing of a spoken half sentence "what is a" in 5 of 13 voices,
and a question of its own) scored 90 against the "yes" phrasing "that is it"
and was taken for "yes": after "Did you mean ...?" it confirmed the offer
and read the answer in full. A near-spelling of a command still counts."""

from __future__ import annotations

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation.commands import find_command
from voice.conversation.conversation import Conversation
from voice.matching import Matcher


@pytest.mark.parametrize("said", ["what is it", "What is it?", "what's it", "how is it"])
def test_a_question_is_no_yes(said: str) -> None:
    assert find_command(said) is None
    assert find_command(said, yes_no_asked=True) is None


@pytest.mark.parametrize("said, command", [
    ("that is it", "yes"), ("thats it", "yes"), ("what els", "more"), ("repeet that", "repeat"),
])
def test_near_spellings_of_commands_still_count(said: str, command: str) -> None:
    assert find_command(said) == command


def test_what_is_it_does_not_confirm_an_offer(kb: KnowledgeBase, matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    assert talk.respond("what is a spasm").outcome == "answer"
    offer = talk.respond("what else")  # "Would you like to hear about ...? Please say yes or no."
    assert offer.outcome == "confirm" and offer.match is not None, offer.say
    reply = talk.respond("what is it")
    assert reply.command != "yes", reply.say
    assert reply.outcome != "answer", reply.say
