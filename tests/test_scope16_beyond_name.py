"""A question that names only a condition and asks something else about it
than what it is is never answered outright (``Matcher.asks_beyond_name``,
branch scope16).

Found by the lead, typed into ``voice text``: "what helps MS", "what helps
ms" and "what helps multiple sclerosis" were each answered outright with the
section that lists the conditions ("Chronic muscle spasms occur when ...
disorders like multiple sclerosis ... contribute significantly to chronic
spasms."), which does not say what helps. "helps", "get", "good for" are
words the matcher does not score, so the condition's name alone carried the
match. Such a question is now offered ("Did you mean ...?"), never read in
full; "what is ms", "tell me about ms" and the name alone are still
answered. The full names of MS, myasthenia gravis and motor neurone disease
are one name each (synonyms.py), as "amyotrophic lateral sclerosis" is, so
"how is myasthenia gravis treated" offers Treatment Approaches first, as
"how is ms treated" does. No typed tuning line of tests/data changes
outcome (scripts/dump_tuning_outcomes.py, docs/out-of-scope.md)."""

from __future__ import annotations

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.matching import Matcher

DESCRIBES = "recognizing-chronic-spasms-and-neuromuscular-disorders"
NAMES = ("MS", "ms", "multiple sclerosis", "ALS", "als", "myasthenia gravis",
         "motor neurone disease")


@pytest.mark.parametrize("asked", [
    "what helps MS", "what helps ms", "what helps multiple sclerosis", "what helps ALS",
    "what helps myasthenia gravis", "what can help with ms", "what is good for ms",
    "what is good for multiple sclerosis", "how do you get als",
    "how do you get myasthenia gravis", "what helps motor neurone disease",
    "what treats multiple sclerosis", "what treats myasthenia gravis",
])
def test_a_name_alone_does_not_answer_what_else_is_asked(
        kb: KnowledgeBase, matcher: Matcher, asked: str) -> None:
    reply = Conversation(kb, matcher).respond(asked)
    assert reply.outcome != "answer", reply.say
    assert "Chronic muscle spasms occur" not in reply.say


def test_the_conversation_goes_on_after_the_offer(kb: KnowledgeBase, matcher: Matcher) -> None:
    """Typed as the lead did: the offer says what the content has on MS; a
    no gets the way forward, and the next question is answered as before."""
    conv = Conversation(kb, matcher)
    offer = conv.respond("what helps MS")
    assert offer.outcome == "confirm", offer.say
    assert "Did you mean" in offer.say
    no = conv.respond("no")
    assert "Chronic muscle spasms occur" not in no.say
    assert "other words" in no.say or "list topics" in no.say, no.say
    again = conv.respond("what is ms")
    assert again.outcome == "answer" and again.match is not None
    assert again.match.id == DESCRIBES


@pytest.mark.parametrize("name", NAMES)
def test_what_the_condition_is_is_still_answered(
        kb: KnowledgeBase, matcher: Matcher, name: str) -> None:
    for asked in (f"what is {name}", f"tell me about {name}", name):
        reply = Conversation(kb, matcher).respond(asked)
        assert reply.outcome == "answer", (asked, reply.say)
        assert reply.match is not None and reply.match.id == DESCRIBES, asked


@pytest.mark.parametrize("name", ["multiple sclerosis", "myasthenia gravis", "ms", "als"])
def test_treated_offers_treatment_first_by_any_name(
        kb: KnowledgeBase, matcher: Matcher, name: str) -> None:
    """Counted word by word, "multiple sclerosis" and "myasthenia gravis"
    pulled "how is X treated" to the section that lists the conditions
    (55.8 against Treatment Approaches' 38.0)."""
    for asked in (f"how is {name} treated", f"what treats {name}"):
        reply = Conversation(kb, matcher).respond(asked)
        assert reply.outcome == "confirm", (asked, reply.say)
        assert reply.match is not None
        assert reply.match.id == "treatment-approaches-for-long-term-management", (asked, reply.say)


@pytest.mark.parametrize("asked, entry_id", [
    ("how is multiple sclerosis diagnosed", "diagnosis-and-medical-evaluations"),
    ("how is myasthenia gravis diagnosed", "diagnosis-and-medical-evaluations"),
    ("what causes multiple sclerosis", "causes-and-risk-factors"),
    ("what causes myasthenia gravis", "causes-and-risk-factors"),
    ("is multiple sclerosis hereditary", "are-neuromuscular-disorders-hereditary"),
])
def test_the_full_name_finds_the_entry_the_short_name_finds(
        kb: KnowledgeBase, matcher: Matcher, asked: str, entry_id: str) -> None:
    reply = Conversation(kb, matcher).respond(asked)
    assert reply.outcome in ("answer", "confirm"), reply.say
    assert reply.match is not None and reply.match.id == entry_id, reply.say


def test_complications_of_ms_are_not_answered_with_the_description(
        kb: KnowledgeBase, matcher: Matcher) -> None:
    """MedQuAD's "What are the complications of Multiple sclerosis ?" (its
    tuning half; the content has no entry on complications) was answered
    outright with the section that lists the conditions."""
    for name in ("Multiple sclerosis", "Myasthenia gravis"):
        reply = Conversation(kb, matcher).respond(f"What are the complications of {name} ?")
        assert reply.outcome != "answer", reply.say


def test_mindfulness_is_not_read_as_a_condition(kb: KnowledgeBase, matcher: Matcher) -> None:
    """Motor neurone disease is not folded onto "mnd": as a content word it
    became what "mindfulness" was repaired to (health-tuning3.tsv)."""
    reply = Conversation(kb, matcher).respond("what is mindfulness and does it work")
    assert reply.outcome == "no_match", reply.say
