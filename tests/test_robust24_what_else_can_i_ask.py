"""'What else can I ask?' after an answer (session 23, branch robust24,
`voice text`): "what else can I ask you" was answered, in full, with the
Introduction (score 95.5), a wrong answer read to someone who asked how to
use the assistant; "what else can I ask", "what are the commands",
"commands" and the like were declined as off the subject."""

from __future__ import annotations

import pytest

from voice.content.loader import load_knowledge
from voice.conversation import Conversation

from .conftest import CONTENT

ASKED = ["what else can I ask you", "What else can I ask?", "what else do you know",
         "what other questions can I ask", "what other things can I ask",
         "give me some examples", "what are the commands", "commands"]


@pytest.mark.parametrize("said", ASKED)
def test_asked_after_an_answer_it_says_what_can_be_asked(said: str) -> None:
    talk = Conversation(load_knowledge([CONTENT]))
    assert talk.respond("is there a cure").outcome == "answer"
    reply = talk.respond(said)
    assert (reply.outcome, reply.command) == ("command", "help"), (said, reply.say)
    assert "You can also say" in reply.say


@pytest.mark.parametrize("said", ["what else can I do for my spasms",
                                  "what other treatments are there",
                                  "can you give me some examples of exercises"])
def test_questions_near_those_words_are_still_questions(said: str) -> None:
    reply = Conversation(load_knowledge([CONTENT])).respond(said)
    assert reply.outcome != "command", (said, reply.say)
