"""Session 25: "how many topics are there", "what are the topics" and "read
me everything" were declined in `voice text` ("Sorry, I don't have an answer
for that ... you can ask: ..." two titles). They are asking for the list of
topics; "how many" is told the number first."""

from __future__ import annotations

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, phrases
from voice.conversation.commands import find_command
from voice.matching.matcher import Matcher

ASKED = ["how many topics are there", "How many topics do you have?", "what are the topics",
         "what topics do you have", "read me everything", "read the whole article"]


@pytest.mark.parametrize("said", ASKED)
def test_the_list_of_topics_is_read(kb: KnowledgeBase, matcher: Matcher, said: str) -> None:
    reply = Conversation(kb, matcher).respond(said)
    assert reply.command == "topics" and phrases.TOPICS_INTRO in reply.say, reply.say


def test_how_many_is_told_the_number(kb: KnowledgeBase, matcher: Matcher) -> None:
    reply = Conversation(kb, matcher).respond("how many topics are there")
    assert reply.say.startswith(f"I know about {len(kb.entries)} topics.")
    assert not Conversation(kb, matcher).respond("list topics").say.startswith("I know")


def test_read_it_all_still_goes_on_with_an_answer() -> None:
    assert find_command("read it all") != "topics"



@pytest.mark.parametrize("said", ["can you say it slower", "say that slower please",
                                  "could you say it more slowly"])
def test_say_it_slower_says_it_again_slower(kb: KnowledgeBase, matcher: Matcher,
                                            said: str) -> None:
    """Session 25: "can you say it slower" was declined ("Sorry, I don't have
    an answer for that either"), the answer not said again."""
    talk = Conversation(kb, matcher)
    first = talk.respond("what is spasticity")
    again = talk.respond(said)
    assert again.command == "again_slower", again.say
    assert again.settings.rate < first.settings.rate
