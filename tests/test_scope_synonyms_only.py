"""A question that reaches the content only through synonyms and names a word
no word model has seen goes one step down (Matcher.synonyms_only,
ScopeModel.synonyms_only; branch scope10, docs/out-of-scope.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.loader import load_knowledge
from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.matching import Matcher

CONTENT = Path(__file__).resolve().parent.parent / "content"


def _outcome(matcher: Matcher, question: str) -> str:
    return Conversation(matcher.kb, matcher=matcher).respond(question).outcome


def _without(kb: KnowledgeBase) -> Matcher:
    m = Matcher(kb)
    m.require_said = False
    return m


def test_an_offer_carried_by_a_synonym_only_is_declined(kb: KnowledgeBase) -> None:
    """"pill" is medication only through synonyms.py, and no model has seen
    "smoke" (health-tuning2.tsv, judged only)."""
    question = "can i take the pill if i smoke"
    assert _outcome(Matcher(kb), question) == "no_match"
    assert _outcome(_without(kb), question) == "confirm"  # what it did before


@pytest.mark.parametrize("question", [
    # Also carried by generic words only (branch scope8): both signs, two
    # steps down (health-tuning3.tsv, judged only). They were offered.
    "how do i get over a fear of flying",
    "is it bad to drink water straight after eating",
])
def test_both_weak_signs_decline_an_answer(kb: KnowledgeBase, question: str) -> None:
    assert _outcome(Matcher(kb), question) == "no_match"
    assert _outcome(_without(kb), question) == "confirm"


@pytest.mark.parametrize("question, entry", [
    # A clipped word is the word itself: "physio" is physiotherapy said.
    ("do physio sessions actually make a difference", "what-role-does-physical-therapy"),
    # Refers back to the condition.
    ("what are my choices for treating it", "treatment-approaches-for-long-term"),
])
def test_colloquial_questions_of_ours_are_left_alone(kb: KnowledgeBase, question: str,
                                                     entry: str) -> None:
    m = Matcher(kb)
    top = m.rank(question)[0].entry
    assert not m.synonyms_only(question, top)
    result = m.match(question)
    assert result.outcome in ("answer", "confirm")
    shown = [result.entry] if result.outcome == "answer" else result.offered
    assert any(e is not None and e.id.startswith(entry) for e in shown), (question, shown)


def test_a_caregivers_page_makes_the_word_its_own(tmp_path: Path) -> None:
    """Which words a model has seen comes from the loaded content too: a page
    about smoking makes "smoke" a word of the content's."""
    question = "can i take the pill if i smoke"
    (tmp_path / "smoking.md").write_text(
        "# Smoking\n\n## Stopping smoking\n\nSmoke makes circulation worse; your GP can help "
        "you stop smoking with patches or tablets.\n\n"
        "Also asked:\n- should i stop smoking\n\nKeywords: smoke, smoking\n", encoding="utf-8")
    bigger = Matcher(load_knowledge([CONTENT, tmp_path]))
    top = bigger.rank(question)[0].entry
    assert not bigger.synonyms_only(question, top)
    assert _outcome(bigger, question) in ("answer", "confirm")
