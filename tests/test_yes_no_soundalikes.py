"""A "no" heard as "now" is a no, but only as the answer to a yes/no
question (Whisper heard real speakers' "no" as "now"; tests/data/real)."""

from __future__ import annotations

import pytest

from voice.content.loader import parse_markdown
from voice.content.model import KnowledgeBase
from voice.conversation import Conversation
from voice.conversation.commands import find_command

from .test_conversation import TWINS  # two entries a one-word question cannot tell apart


@pytest.fixture
def twins() -> Conversation:
    return Conversation(KnowledgeBase(tuple(parse_markdown(TWINS, "twins.md"))))


@pytest.mark.parametrize("heard", ["now", "Now.", "know"])
def test_now_answers_did_you_mean_as_no(twins: Conversation, heard: str) -> None:
    assert twins.respond("braces").outcome == "confirm"
    assert twins.asks_yes_no
    reply = twins.respond(heard)
    assert reply.outcome == "command" and reply.command == "no"
    assert not twins.asks_yes_no, "the offer was declined"


def test_now_alone_is_no_reply(twins: Conversation) -> None:
    assert not twins.asks_yes_no
    assert twins.respond("now").command != "no"
    assert find_command("now") is None and find_command("now", yes_no_asked=True) == "no"
    # A question with "now" in it is never a no.
    assert find_command("why now", yes_no_asked=True) is None
