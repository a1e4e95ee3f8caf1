"""Session 35 (branch scope42, issue 14): a question asked of one relative,
declined on its score, is read again as asked of oneself and what that
finds is offered (voice/matching/as_own.py).

tests/data/tuning32's "should my mum see a neurologist" (35.9) and "my son
was just diagnosed with ms, where do we begin" (44.6) were declined by
``Matcher.match``: "mum", "son" fold to "family", the hereditary FAQ's word,
and weigh against the entry asked for. Asked of oneself they reach the
seek-medical-attention FAQ and the Introduction. Lines about a relative that
are not ours stay declined: the rewritten line meets every check again.

Typed as `voice text` does, and through ``Matcher.match`` as
scripts/benchmark.py counts (shipped content)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation.reply import Reply
from voice.matching import as_own
from voice.matching.matcher import Matcher

SEEK = "when-should-someone-seek-medical-attention-for-muscle-spasms"
INTRO = "introduction"


@pytest.mark.parametrize(("line", "own"), [
    ("should my mum see a neurologist", "should i see a neurologist"),
    ("my son was just diagnosed with ms, where do we begin",
     "i was just diagnosed with ms where do we begin"),
    ("can my wife still live on her own", "can i still live on my own"),
    ("is my dad going to get worse", "am i going to get worse"),
    ("does my elderly mum need a wheelchair", "do i need a wheelchair"),
    ("my husband's legs keep jerking at night, what helps",
     "my legs keep jerking at night what helps"),
    ("what can my husband do about his stiff legs", "what can i do about my stiff legs"),
    ("my mum keeps getting spasms in her back, what can she do",
     "i keeps getting spasms in my back what can i do"),
])
def test_asked_of_a_relative_is_asked_of_oneself(line: str, own: str) -> None:
    assert as_own.as_own(line) == own


@pytest.mark.parametrize("line", [
    "will my son get it",                       # inheritance: the relative is asked of
    "could my daughter inherit ms",
    "should my son be tested",
    "how do i help my son",                     # the asker cares for them
    "what should i tell my mum",
    "can i look after my dad at home",
    "will a physio help my husband walk better",
    "can my kids get it",                       # a group, not one person
    "my mum and my dad both have cramps",       # two people
    "what are the early signs my husband should look out for",  # not the subject
    "how do spasms start",                      # no relative
])
def test_not_read_as_ones_own(line: str) -> None:
    assert as_own.as_own(line) is None


@pytest.mark.parametrize(("line", "entry"), [
    ("should my mum see a neurologist", SEEK),
    ("my son was just diagnosed with ms, where do we begin", INTRO),
])
def test_declined_before_now_offered(matcher: Matcher, line: str, entry: str) -> None:
    result = matcher.match(line)
    assert result.outcome == "confirm", (line, result.outcome, result.score)
    assert result.entry is not None and result.entry.id == entry
    # The user's words, not the rewrite, are what was asked.
    assert result.query == line


def test_typed_the_begin_line_is_offered_the_introduction(typed: Callable[[str], Reply]) -> None:
    reply = typed("my son was just diagnosed with ms, where do we begin")
    assert reply.outcome == "confirm", reply.say
    assert reply.match is not None and reply.match.id == INTRO


def test_the_switch_restores_the_decline(matcher: Matcher,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert matcher.match("should my mum see a neurologist").outcome == "confirm"
    monkeypatch.setattr(as_own, "ON", False)
    assert matcher.match("should my mum see a neurologist").outcome == "no_match"


def test_never_read_unasked(matcher: Matcher) -> None:
    # "should i see a neurologist" itself is offered; a rewrite is never
    # answered outright, even where the rewritten line would be.
    assert matcher.match("is my son's condition curable").outcome == "answer"  # not declined
    for line in ("should my mum see a neurologist",
                 "my son was just diagnosed with ms, where do we begin"):
        assert matcher.match(line).outcome != "answer"


def test_a_line_a_check_declined_is_not_retried(matcher: Matcher) -> None:
    # Declined by the scope model, not on its score: the rewrite ("can i
    # still live on my own") would offer the lifestyle FAQ, not the entry
    # asked for (tuning32 wants Impact on Daily Life): left declined.
    assert matcher.match("can my wife still live on her own").outcome == "no_match"


@pytest.mark.parametrize("line", [
    "my wife's birthday is next week what should i get her",
    "what should my husband cook tonight",
    "my son's homework is too hard for him",
    "can my dad still drive a lorry",
    "should my mum see a dentist",
    "my son was just diagnosed with diabetes, where do we begin",
    "my wife has a cold what should she take",
    "my daughter has acne what can she do",
    "can my mum fly after her knee replacement",
    "my dad had a stroke, will he recover",
    "does my husband need a new passport",
    "my son's phone won't turn on",
])
def test_a_relatives_other_things_stay_declined(typed: Callable[[str], Reply],
                                                line: str) -> None:
    reply = typed(line)
    assert reply.outcome not in ("answer", "confirm"), (line, reply.outcome, reply.say)


def test_not_tried_without_the_scope_check(kb: KnowledgeBase) -> None:
    # Nothing would judge the rewritten line: the benchmark's "without"
    # column stays main's (Question Doctors' tuning half took one more).
    plain = Matcher(kb, check_scope=False)
    assert plain.match("should my mum see a neurologist").outcome == "no_match"
