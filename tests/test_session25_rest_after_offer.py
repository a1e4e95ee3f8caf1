"""Session 25: a question that broke off on "and", "or", "because"... and got
a "Did you mean ...?" keeps waiting for its rest. In `voice text` (and in
push to talk, which does not wait after "and" as `voice listen` does),
"what helps with spasms and" was offered two entries, and the rest said next
was taken on its own: "sleep" sent the assistant to sleep ("Goodbye. I'll
stay quiet now."), and "fatigue" was read the Impact on Daily Life section in
full, the question it finished forgotten. Now the offer says the rest can
still be said, and the rest is joined to the words heard."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, phrases
from voice.matching.matcher import Matcher

from .conftest import voice_text_replies

HALF = "what helps with spasms and"


@pytest.mark.parametrize("heard", [False, True])
def test_sleep_after_a_half_question_is_its_rest(kb: KnowledgeBase, matcher: Matcher,
                                                  heard: bool) -> None:
    talk = Conversation(kb, matcher)
    offer = talk.respond(HALF, heard=heard)
    assert offer.outcome == "confirm"
    assert offer.say.endswith(phrases.OR_SAY_THE_REST)
    rest = talk.respond("sleep", heard=heard)
    assert rest.command != "sleep" and not rest.asleep, rest.say
    whole = Conversation(kb, matcher).respond(f"{HALF} sleep", heard=heard)
    assert (rest.outcome, rest.match) == (whole.outcome, whole.match)


@pytest.mark.parametrize("heard", [False, True])
def test_a_word_after_a_half_question_finishes_it(kb: KnowledgeBase, matcher: Matcher,
                                                  heard: bool) -> None:
    talk = Conversation(kb, matcher)
    talk.respond(HALF, heard=heard)
    rest = talk.respond("fatigue", heard=heard)
    whole = Conversation(kb, matcher).respond(f"{HALF} fatigue", heard=heard)
    alone = Conversation(kb, matcher).respond("fatigue", heard=heard)
    # The line alone is another reply (typed: an entry read outright); the
    # rest gets what the whole question gets.
    assert (alone.outcome, alone.match) != (whole.outcome, whole.match)
    assert (rest.outcome, rest.match) == (whole.outcome, whole.match)


def test_the_offer_itself_is_still_answered(kb: KnowledgeBase, matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    offer = talk.respond(HALF)
    chosen = talk.respond("yes")
    assert chosen.outcome == "answer" and chosen.match == offer.match
    talk = Conversation(kb, matcher)
    talk.respond(HALF)
    assert talk.respond("the second one").outcome == "answer"
    talk = Conversation(kb, matcher)
    talk.respond(HALF)
    assert talk.respond("no").outcome == "command"


def test_a_new_question_after_the_offer_stands_on_its_own(kb: KnowledgeBase,
                                                          matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    talk.respond(HALF)
    new = talk.respond("is there a cure")
    alone = Conversation(kb, matcher).respond("is there a cure")
    assert (new.outcome, new.match) == (alone.outcome, alone.match)


def test_sleep_still_sleeps_otherwise(kb: KnowledgeBase, matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    offer = talk.respond("what helps with spasms")  # a whole question
    assert phrases.OR_SAY_THE_REST not in offer.say
    assert talk.respond("sleep").command == "sleep"
    talk = Conversation(kb, matcher)
    talk.respond(HALF)
    assert talk.respond("go to sleep").command == "sleep"


def test_typed_in_voice_text(tmp_path: Path) -> None:
    replies = voice_text_replies([HALF, "sleep", "what is spasticity"], tmp_path)
    assert phrases.OR_SAY_THE_REST in replies[0]["say"]
    assert "Goodbye" not in replies[1]["say"]
    assert replies[2]["outcome"] == "answer"  # awake, answering
