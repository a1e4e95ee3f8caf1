"""A question that says who has the condition (or names only it) and asks
what to do is never answered with the section that says what the condition
is (issue 14, branch scope17; ``Matcher.asks_beyond_name``).

Found by the lead, typed into ``voice text``: "my husband has chronic
spasms, what do I do" was read in full with "Recognizing Chronic Spasms and
Neuromuscular Disorders", which describes and lists the conditions and says
nothing of what helps. "chronic spasms" was not counted as a condition's
name (nor "a neuromuscular disorder"), "what do I do about MS" was excluded
by its "about", and "my husband has MS, what now" by "now", a word the
content never uses. Over 11 shapes x 9 names x 3 askers
(scripts/beyond_name_shapes.py), 15 of 207 lines were read the listing
section in full and 4 another entry; now none is answered: each is offered,
and the chronic-spasms ones offer "Can lifestyle changes help manage chronic
spasms?" first (the entries that say what the condition is go last:
``Matcher._definitions_last``). No typed line of the tuning sets changes
outcome (scripts/dump_tuning_outcomes.py with the fifth sets added)."""

from __future__ import annotations

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.conversation.on_behalf import asked_for
from voice.matching import Matcher

DESCRIBES = "recognizing-chronic-spasms-and-neuromuscular-disorders"
LIFESTYLE = "can-lifestyle-changes-help-manage-chronic-spasms"


@pytest.mark.parametrize("asked", [
    "my husband has chronic spasms, what do I do",
    "my husband has chronic spasms, what should we do",
    "I have chronic spasms, what should I do",
    "my husband has MS, what now",
    "my husband has multiple sclerosis, what now",
    "my husband has motor neurone disease, what now",
    "my son has a neuromuscular disorder, what now",
    "my mother has a neuromuscular disorder, what now",
    "what do I do about MS",
    "what can we do about ALS",
    "what do I do about myasthenia gravis",
    "how do I help someone with a neuromuscular disorder",
    "my husband has chronic spasms, how can I help him",
])
def test_what_to_do_is_offered_never_read(
        kb: KnowledgeBase, matcher: Matcher, asked: str) -> None:
    reply = Conversation(kb, matcher).respond(asked)
    assert reply.outcome == "confirm", (asked, reply.say)
    assert reply.answer is None
    assert "Chronic muscle spasms occur" not in reply.say


@pytest.mark.parametrize("asked", [
    "my husband has chronic spasms, what do I do",
    "I have chronic spasms, what should I do",
    "what do I do about chronic spasms",
    "my husband has chronic spasms, what now",
])
def test_chronic_spasms_offer_what_helps_first(
        kb: KnowledgeBase, matcher: Matcher, asked: str) -> None:
    """The description scores first (93.0 against 85.9) but is what the
    question does not ask: the entry on what helps is offered first."""
    reply = Conversation(kb, matcher).respond(asked)
    assert reply.outcome == "confirm", reply.say
    assert reply.match is not None and reply.match.id == LIFESTYLE, reply.say


@pytest.mark.parametrize("asked", [
    "what is ms", "tell me about ms", "what do you know about ms", "what are chronic spasms",
    "my legs jerk by themselves what's going on",
])
def test_what_it_is_is_still_answered(kb: KnowledgeBase, matcher: Matcher, asked: str) -> None:
    reply = Conversation(kb, matcher).respond(asked)
    assert reply.outcome == "answer", (asked, reply.say)
    assert reply.match is not None and reply.match.id == DESCRIBES


def test_why_still_asks_for_causes(kb: KnowledgeBase, matcher: Matcher) -> None:
    reply = Conversation(kb, matcher).respond("why do i get spasms")
    assert reply.outcome == "answer", reply.say
    assert reply.match is not None and reply.match.id == "causes-and-risk-factors"


def test_what_now_after_a_telling_is_a_question() -> None:
    """Two words asked after the telling are a question of their own."""
    assert asked_for("my son has a neuromuscular disorder, what now") == "what now"
    assert asked_for("my husband has MS and") is None
