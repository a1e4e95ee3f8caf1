"""Session 37 (branch scope47, issue 14): between two entries scored nearly
alike, the one whose own lines the question is worded like is named first
(voice/matching/close_phrase.py). Only the order changes: the scores stay in
their places, so whether a line is answered, offered or declined does not.

Chosen on the tuning halves only (docs/out-of-scope.md, session 37). These
tests turn the rule on, whatever ``close_phrase.ON`` ships as."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from voice.content.model import Entry
from voice.conversation.reply import Reply
from voice.matching import close_phrase
from voice.matching.matcher import Candidate, Matcher

DATA = Path(__file__).parent / "data"
DEVICES = "assistive-devices"
LIFESTYLE = "can-lifestyle-changes-help-manage-chronic-spasms"
SEEK = "when-should-someone-seek-medical-attention-for-muscle-spasms"
SIGNS = "what-are-the-early-signs-of-neuromuscular-disorders"
IMPACT = "impact-on-daily-life"
SUPPORT = "community-support-and-awareness"


@pytest.fixture(autouse=True)
def _on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(close_phrase, "ON", True)


@pytest.mark.parametrize(("line", "first", "second"), [
    # tuning32: the lifestyle FAQ's keyword "home" carried it (52.5 / 46.7);
    # the line is nearly Assistive Devices' own "what devices can help at home".
    ("what equipment can help at home", DEVICES, LIFESTYLE),
    # tuning32: "day to day" -> daily carried Impact on Daily Life (69.4 / 68.1).
    ("what simple changes can i make day to day", LIFESTYLE, IMPACT),
    # tuning32: "looking at" is the early-signs FAQ's word (50.1 / 46.1).
    ("how do i know when my cramps need looking at", SEEK, SIGNS),
])
def test_the_entry_worded_like_the_question_is_named_first(
        typed: Callable[[str], Reply], matcher: Matcher, line: str, first: str,
        second: str) -> None:
    result = matcher.match(line)
    assert result.outcome == "confirm", (line, result.outcome)
    assert [e.id for e in result.offered] == [first, second], (line, result.offered)
    reply = typed(line)
    assert reply.outcome == "confirm" and reply.match is not None, (line, reply.say)
    assert reply.match.id == first, (line, reply.say)


def test_only_the_order_changes(matcher: Matcher, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every in-scope line of the tuning halves: outcome and scores in
    their places the same with the rule off; what moves, moves among the
    two offered (never answered: the top of a close pair is never read)."""
    lines = []
    for name in ("tuning.tsv", "inscope5-tuning.tsv", "inscope17-tuning.tsv",
                 "inscope18-tuning.tsv", "tuning32/inscope-tuning32.tsv"):
        lines += [row.split("\t")[0] for row in (DATA / name).read_text().splitlines()
                  if row.strip() and not row.startswith("#")]
    on = [matcher.match(q) for q in lines]
    monkeypatch.setattr(close_phrase, "ON", False)
    off = [matcher.match(q) for q in lines]
    moved = 0
    for q, a, b in zip(lines, on, off, strict=True):
        assert a.outcome == b.outcome, q
        assert [c.score for c in a.candidates] == [c.score for c in b.candidates], q
        if [e.id for e in a.offered] != [e.id for e in b.offered]:
            moved += 1
            assert a.outcome == "confirm", q
            assert {e.id for e in a.offered} == {e.id for e in b.offered}, q
    assert moved >= 3


def test_paying_asked_keeps_the_entry_that_speaks_of_it(matcher: Matcher) -> None:
    """"will insurance pay for my wheelchair" is worded like Assistive
    Devices' lines, but what is asked (paying) is Community Support's
    (tests/test_scope33_money.py): harm, paying or a cause asked, the
    wording decides nothing."""
    result = matcher.match("will insurance pay for my wheelchair")
    assert [e.id for e in result.offered][:1] == [SUPPORT]
    lines = {c.entry.id: matcher._items[matcher._index[c.entry.id]].phrases
             for c in result.candidates[:2]}
    said = "will money money for my wheelchair"
    assert close_phrase.worded_like(said, lines[DEVICES]) > close_phrase.worded_like(
        said, lines[SUPPORT])


def _cand(id_: str, score: float) -> Candidate:
    return Candidate(Entry(id=id_, kind="section", title=id_, answer="x"), score)


LINES = {"a": ["what is a spasm"], "b": ["what devices can help at home"]}


def test_reorder_swaps_keeping_the_scores_in_their_places() -> None:
    cands = [_cand("a", 52.5), _cand("b", 48.0), _cand("c", 30.0)]
    out = close_phrase.reorder(cands, lambda c: LINES.get(c.entry.id, []),
                               "what device can help at home", 6.0, 45.0, 97.0)
    assert [(c.entry.id, c.score) for c in out] == [("b", 52.5), ("a", 48.0), ("c", 30.0)]


@pytest.mark.parametrize(("first", "second", "settled"), [
    (52.5, 46.5, False),  # 6 apart: not close, the second is not offered
    (97.0, 95.0, False),  # sure: answered despite a close second
    (44.0, 42.0, False),  # under the confirm threshold: declined
    (52.5, 50.0, True),  # put first on purpose (shape, definition, harm asked)
])
def test_reorder_leaves(first: float, second: float, settled: bool) -> None:
    cands = [_cand("a", first), _cand("b", second)]
    out = close_phrase.reorder(cands, lambda c: LINES[c.entry.id],
                               "what device can help at home", 6.0, 45.0, 97.0,
                               lambda a, b: settled)
    assert [c.entry.id for c in out] == ["a", "b"]


def test_reorder_needs_the_wording_to_outweigh_the_gap(monkeypatch: pytest.MonkeyPatch) -> None:
    cands = [_cand("a", 52.5), _cand("b", 48.0)]
    lead = (close_phrase.worded_like("what device can help at home", LINES["b"])
            - close_phrase.worded_like("what device can help at home", LINES["a"]))
    monkeypatch.setattr(close_phrase, "WEIGHT", 4.5 / lead * 0.99)
    out = close_phrase.reorder(cands, lambda c: LINES[c.entry.id],
                               "what device can help at home", 6.0, 45.0, 97.0)
    assert [c.entry.id for c in out] == ["a", "b"]
    monkeypatch.setattr(close_phrase, "ON", False)
    assert close_phrase.reorder(cands, lambda c: LINES[c.entry.id],
                                "what device can help at home", 6.0, 45.0, 97.0) == cands
