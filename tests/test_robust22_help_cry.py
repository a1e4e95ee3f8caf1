""""HELP!!!" or "Help!" is a cry: where to get help is said first.

Found driving `voice text`: "HELP!!!" typed got only the list of commands,
as a calm "help" does; "I need help" already got the urgent line first
and "help help" is taken for an emergency.
"""

from __future__ import annotations

import pytest

from voice.content.loader import load_knowledge
from voice.conversation import Conversation, phrases

from .conftest import CONTENT


@pytest.fixture
def talk() -> Conversation:
    return Conversation(load_knowledge([CONTENT]))


@pytest.mark.parametrize("cry", ["HELP!!!", "Help!", "help !!"])
def test_a_cried_help_gets_the_urgent_line_first(talk: Conversation, cry: str) -> None:
    reply = talk.respond(cry)
    assert reply.say.startswith(phrases.URGENT_HELP_FIRST), reply.say
    assert "You can also say" in reply.say  # the commands still follow


@pytest.mark.parametrize("calm", ["help", "Help.", "help?"])
def test_a_calm_help_gets_the_commands(talk: Conversation, calm: str) -> None:
    reply = talk.respond(calm)
    assert reply.command == "help" and not reply.say.startswith(phrases.URGENT_HELP_FIRST)
