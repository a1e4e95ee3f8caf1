"""Every title and "Also asked" line of the content is answered with the
entry it was written for (voice/matching/matcher.py ``written_for``).

Before, 20 of the shipped content's 497 lines were not: "what is it like
living with this" and "where do i start" were declined as off the subject
(everyday words only), "what treatments are there" offered, "tell me about
chronic spasms" answered with another entry. An editor or a caregiver who
writes a line for an entry means that line to be answered by it. None of
tests/data's question lines (held out too, counted only) changes outcome."""

from __future__ import annotations

import dataclasses

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import Conversation
from voice.matching.matcher import Matcher


def test_every_line_of_the_content_is_answered_by_its_own_entry(
        kb: KnowledgeBase, matcher: Matcher) -> None:
    wrong = []
    for entry in kb.entries:
        for line in (entry.title, *entry.phrasings):
            got = matcher.match(line)
            if got.outcome != "answer" or got.entry is None or got.entry.id != entry.id:
                wrong.append((line, entry.id, got.outcome, got.entry and got.entry.id))
    assert not wrong, wrong


@pytest.mark.parametrize("heard", [False, True])
def test_what_is_it_like_living_with_this_is_read_impact_on_daily_life(
        kb: KnowledgeBase, matcher: Matcher, heard: bool) -> None:
    reply = Conversation(kb, matcher).respond("What is it like living with this?", heard=heard)
    assert reply.outcome == "answer", reply.say
    assert reply.match is not None and reply.match.id == "impact-on-daily-life"


def test_a_line_written_for_two_entries_is_not_taken_for_either(
        kb: KnowledgeBase) -> None:
    line = "what is it like living with this"
    entries = [dataclasses.replace(e, phrasings=(*e.phrasings, line))
               if e.id == "coping-strategies-for-individuals-and-caregivers" else e
               for e in kb.entries]
    matcher = Matcher(dataclasses.replace(kb, entries=entries))
    assert matcher.written_for(line) is None  # which one was meant is not known
    assert matcher.written_for("where do i start") is not None


def test_a_doubtful_hearing_of_such_a_line_is_only_offered(matcher: Matcher) -> None:
    got = matcher.match("where do i start", doubtful=True)
    assert got.outcome == "confirm"
    assert got.entry is not None and got.entry.id == "introduction"
