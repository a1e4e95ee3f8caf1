"""Session 27 (branch scope31, issue 14): telling two things apart, or
whether one has a thing, and the entry says neither.

"how do i know if i'm depressed or just sad" was read Coping Strategies in
full: depressed and sad are both mood to the content, so the entry about
coping scored as if it answered, and nothing in it tells the two apart or
says how one knows. What is asked is one of asked_not_said's kinds: two
things the content reads as one ("X or just Y", "the difference between")
that the answer never tells apart (``asks_apart``), or how one tells
whether one has a thing ("how do i know if i'm ...") where the answer gives
no signs, symptoms or tests (``asks_know_if``). Such an entry is offered,
never read; a "yes" reads it. Lines whose entry does tell, and the editors'
own lines, keep their outcome.

Typed through the Conversation as `voice text` does (shipped content)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.conversation.reply import Reply
from voice.matching.matcher import Matcher

COPING = "coping-strategies-for-individuals-and-caregivers"
DAILY_LIFE = "impact-on-daily-life"
SIGNS = "what-are-the-early-signs-of-neuromuscular-disorders"


@pytest.mark.parametrize(("line", "entry"), [
    ("how do i know if i'm depressed or just sad", COPING),
    ("how do i know if i'm stressed or anxious", COPING),
    ("is it anxiety or just stress", COPING),
    ("how do i know if it's fatigue or just tiredness", DAILY_LIFE),
    ("is it fatigue or just being tired", DAILY_LIFE),
    ("how do i know if i'm depressed", COPING),
    ("how can i tell if i'm depressed", COPING),
])
def test_an_entry_that_does_not_tell_is_offered_not_read(typed: Callable[[str], Reply],
                                                         line: str, entry: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == entry, (line, reply.match, reply.say)


def test_yes_reads_the_entry_offered(kb: KnowledgeBase, matcher: Matcher) -> None:
    conversation = Conversation(kb, matcher=matcher)
    offered = conversation.respond("how do i know if i'm depressed or just sad")
    assert offered.outcome == "confirm", offered.say
    read = conversation.respond("yes")
    assert read.outcome == "answer", read.say
    assert read.match is not None and read.match.id == COPING, read.say


@pytest.mark.parametrize(("line", "entry"), [
    # The entry gives signs: how one knows.
    ("how would i know if i've got it", SIGNS),
    ("how can i tell if something is wrong with my nerves", SIGNS),
    ("how do i know if i have a neuromuscular disorder", SIGNS),
    # Alternatives the content tells apart by their words: a choice.
    ("is swimming or yoga good", "the-role-of-exercise-and-rehabilitation"),
    ("is it treatable or curable", "is-there-a-cure-for-neuromuscular-disorders"),
    ("is it stress or depression", COPING),
    # One side the other with "not" in it: yes or no, not two things.
    ("is it curable or incurable", "is-there-a-cure-for-neuromuscular-disorders"),
    ("is it treatable or untreatable", "is-there-a-cure-for-neuromuscular-disorders"),
    # A choice, not whether one has a thing (the editors' "do i need a wheelchair").
    ("how do i know if i need a wheelchair", "assistive-devices"),
    ("when should i see a doctor", "when-should-someone-seek-medical-attention-for-muscle-spasms"),
    ("how do i know when to see a doctor",
     "when-should-someone-seek-medical-attention-for-muscle-spasms"),
])
def test_lines_whose_entry_tells_are_still_answered(typed: Callable[[str], Reply],
                                                    line: str, entry: str) -> None:
    reply = typed(line)
    assert reply.outcome == "answer", (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == entry, (line, reply.match, reply.say)
