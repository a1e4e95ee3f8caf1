"""Trial (branch scope11, off as shipped): a question of everyday words only
that is worded like one of the content's own titles or "Also asked" lines,
and much less like any everyday request, is ours although its word evidence
falls a little short (ScopeModel.nearer_ours, scope.NEARER_OURS_AT;
docs/out-of-scope.md). Checked as the tuning's leave-one-out does: the
phrasing itself taken out of the content, so the question must be carried by
the other phrasings. Kept so that scripts/tune_scope.py --nearer-ours
measures what the docs say."""

from __future__ import annotations

import dataclasses

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.matching import Matcher, scope


def _without_phrasing(kb: KnowledgeBase, phrasing: str) -> tuple[KnowledgeBase, str]:
    """``kb`` without ``phrasing``, and the id of the entry that had it."""
    owner = next(e for e in kb.entries if phrasing in e.phrasings)
    entries = tuple(dataclasses.replace(e, phrasings=tuple(p for p in e.phrasings
                                                           if p != phrasing))
                    if e is owner else e for e in kb.entries)
    return KnowledgeBase(entries), owner.id


@pytest.mark.parametrize("question", [
    # "when should i call the doctor" was the first example; since branch
    # scope22 calling a doctor reads as seeing one (synonyms.REWRITES), and
    # the FAQ's "see a doctor" carries it without its own line.
    "what treatment do doctors recommend", "what foods should i avoid",
    "what is the usual treatment",
])
def test_everyday_words_worded_like_the_content_are_ours(
        kb: KnowledgeBase, question: str, monkeypatch: pytest.MonkeyPatch) -> None:
    smaller, entry_id = _without_phrasing(kb, question)
    assert scope.NEARER_OURS_AT is None  # off as shipped: declined, as before
    assert Matcher(smaller).match(question).outcome == "no_match"
    monkeypatch.setattr(scope, "NEARER_OURS_AT", 72.0)  # the trial
    result = Matcher(smaller).match(question)
    shown = [result.entry] if result.outcome == "answer" else result.offered
    assert any(e is not None and e.id == entry_id for e in shown), result


@pytest.mark.parametrize("question", [
    # Tuning halves: an everyday request, an uncovered health question named
    # by a word of the off-topic list, one naming an uncovered subject.
    "is there a food festival in the area",
    "which covid symptoms appear first",
    "what are the early signs of prostate cancer",
    "how do i treat piles",
])
def test_what_is_not_ours_stays_declined(kb: KnowledgeBase, question: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(scope, "NEARER_OURS_AT", 72.0)  # even with the trial on
    reply = Conversation(kb, matcher=Matcher(kb)).respond(question)
    assert reply.outcome == "no_match", reply.say
