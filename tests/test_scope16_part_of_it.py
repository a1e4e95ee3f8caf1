"""Two in-scope questions of dev.tsv that the scope check declined (branch
scope16, tuning material): "im worn out by the afternoon is that part of it"
(a question whether what was said belongs to the condition needs a little
less evidence: ``matcher.PART_OF_IT_SLACK``) and "i've got a referral to
neurology what will they do to me" ("referral" is a doctor's word,
synonyms.py). No other typed tuning line of tests/data changes outcome
(scripts/dump_tuning_outcomes.py)."""

from __future__ import annotations

from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.matching import Matcher
from voice.matching.matcher import _asks_if_part_of_it


def test_worn_out_is_that_part_of_it_is_offered(kb: KnowledgeBase, matcher: Matcher) -> None:
    reply = Conversation(kb, matcher).respond("im worn out by the afternoon is that part of it")
    assert reply.outcome == "confirm", reply.say
    assert reply.match is not None and reply.match.id == "impact-on-daily-life"


def test_a_referral_to_neurology(kb: KnowledgeBase, matcher: Matcher) -> None:
    conv = Conversation(kb, matcher)
    for asked in ("i've got a referral to neurology what will they do to me",
                  "i have been referred to a neurologist"):
        reply = conv.respond(asked)
        assert reply.outcome in ("answer", "confirm"), reply.say
        assert reply.match is not None
        assert reply.match.id == "diagnosis-and-medical-evaluations", reply.say


def test_the_shape_is_narrow() -> None:
    assert _asks_if_part_of_it("i am sleep by the afternoon is that part of it")
    assert _asks_if_part_of_it("i have gone weakness could it be this")
    assert _asks_if_part_of_it("my legs shake at night could that be it")
    # K-QA: "it" is a thing the question named.
    assert not _asks_if_part_of_it("about the bumps is there anything i can do about it")
    assert not _asks_if_part_of_it("will hydroxyzine be ok to take with it")
    assert not _asks_if_part_of_it("what time is it")


def test_an_uncovered_subject_is_still_declined(kb: KnowledgeBase, matcher: Matcher) -> None:
    """The slack is small: a health subject the content does not cover,
    asked the same way, is still declined."""
    for asked in ("my tooth hurts is that part of it", "i have a rash on my arm could that be it",
                  "i keep getting heartburn could that be it"):
        reply = Conversation(kb, matcher).respond(asked)
        assert reply.outcome == "no_match", (asked, reply.say)
