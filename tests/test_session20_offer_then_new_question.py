"""Session 20: a whole new question said to a "Did you mean ...?".

Found using `voice text`: "how much magnesium should I take" is offered
Dietary Adjustments; "who will win the football tomorrow" said next was met with
"Sorry, I didn't catch that. Did you mean: Dietary Adjustments?", as if the
clear sentence had been a "yes" misheard. A line of five words or more that
matches nothing is a new question, declined as any other
(conversation.OFFERED_NEW_QUESTION_WORDS); a shorter one is still taken for
a reply not caught, and the offer asked again.
"""

from __future__ import annotations

from pathlib import Path

from voice.content.model import KnowledgeBase
from voice.conversation import Conversation
from voice.matching.matcher import Matcher

from .conftest import voice_text_replies

OFFERED = "how much magnesium should I take"
NOT_CAUGHT = "Sorry, I didn't catch that"


def test_a_new_question_said_to_an_offer_is_declined_not_met_with_the_offer(
        kb: KnowledgeBase, matcher: Matcher) -> None:
    for line in ("who will win the football tomorrow",
                 "I had a stroke last year, what exercises help"):
        talk = Conversation(kb, matcher)
        assert talk.respond(OFFERED).outcome == "confirm"
        reply = talk.respond(line)
        assert reply.outcome == "no_match", line
        assert not reply.say.startswith(NOT_CAUGHT), (line, reply.say)
        assert "Did you mean" not in reply.say, (line, reply.say)
        # The offer is gone: a "yes" now is not taken for the diet entry.
        assert talk.respond("yes").match is None


def test_a_short_line_said_to_an_offer_is_still_asked_again(
        kb: KnowledgeBase, matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    talk.respond(OFFERED)
    again = talk.respond("yes the")
    assert again.say.startswith(NOT_CAUGHT) and "Did you mean" in again.say
    assert talk.respond("yes").match is not None


def test_through_voice_text(tmp_path: Path) -> None:
    offer, weather = voice_text_replies([OFFERED, "who will win the football tomorrow"], tmp_path)
    assert offer["outcome"] == "confirm"
    assert weather["outcome"] == "no_match"
    assert not weather["say"].startswith(NOT_CAUGHT)
