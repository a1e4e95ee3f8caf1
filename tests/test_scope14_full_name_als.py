"""ALS said by its full name is ALS (synonyms.py, branch scope14). The
content names "amyotrophic lateral sclerosis (ALS)", but the matcher scored
"what causes amyotrophic lateral sclerosis" 40 (below the offer, declined),
against 69 for "what causes als": its two rare words ("amyotrophic",
"lateral") pulled every such question to the section that lists the
conditions. MedQuAD's questions about the content's own conditions, written
by NIH's editors (tests/data/medquad-ours-*.tsv), showed it: 5 of its 6 ALS
questions with an entry were declined. No typed tuning line of tests/data
changes outcome (docs/out-of-scope.md)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.matching import Matcher

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("asked, entry_id", [
    ("what causes amyotrophic lateral sclerosis", "causes-and-risk-factors"),
    ("is amyotrophic lateral sclerosis hereditary", "are-neuromuscular-disorders-hereditary"),
    ("how is amyotrophic lateral sclerosis diagnosed", "diagnosis-and-medical-evaluations"),
    ("what are the first signs of amyotrophic lateral sclerosis",
     "what-are-the-early-signs-of-neuromuscular-disorders"),
    ("is there a cure for amyotrophic lateral sclerosis",
     "is-there-a-cure-for-neuromuscular-disorders"),
])
def test_the_full_name_is_answered_like_als(kb: KnowledgeBase, matcher: Matcher, asked: str,
                                            entry_id: str) -> None:
    reply = Conversation(kb, matcher).respond(asked)
    assert reply.outcome in ("answer", "confirm"), reply.say
    assert reply.match is not None and reply.match.id == entry_id, reply.say
    # As its short name is.
    short = Conversation(kb, matcher).respond(asked.replace("amyotrophic lateral sclerosis", "als"))
    assert short.match is not None and short.match.id == entry_id, short.say


def test_a_caregivers_question_with_the_full_name(kb: KnowledgeBase, matcher: Matcher) -> None:
    reply = Conversation(kb, matcher).respond(
        "my dad has amyotrophic lateral sclerosis where can we find support")
    assert reply.outcome in ("answer", "confirm"), reply.say
    assert reply.match is not None and reply.match.id in (
        "coping-strategies-for-individuals-and-caregivers", "community-support-and-awareness")


def test_the_full_name_still_says_what_is_asked(kb: KnowledgeBase, matcher: Matcher) -> None:
    """Only the full name is folded: "lateral" alone is no condition."""
    reply = Conversation(kb, matcher).respond("what is a lateral pass in football")
    assert reply.outcome == "no_match", reply.say


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def test_medquad_ours_halves_are_split_by_question_type() -> None:
    """scripts/make_medquad_ours_sets.py: a question type (a template) is in
    one half only; every question is labelled with entries of the content or
    '*' (ours, no one entry)."""
    tuning, heldout = _rows("medquad-ours-tuning.tsv"), _rows("medquad-ours-heldout.tsv")
    assert len(tuning) + len(heldout) == 56
    assert all(hashlib.sha1(t.lower().encode()).digest()[0] % 2 == 0 for _, _, t in tuning)
    assert all(hashlib.sha1(t.lower().encode()).digest()[0] % 2 == 1 for _, _, t in heldout)
    assert not {q.lower() for q, _, _ in tuning} & {q.lower() for q, _, _ in heldout}
