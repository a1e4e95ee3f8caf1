"""Session 39 (branch scope49, issue 14): "being done" and "been done" say
that others are at work on a thing, not what can be done for it
(voice/matching/synonyms.py, REWRITES).

"done" is a content word only through Treatment Approaches' "Also asked"
line "what can be done about it". MedQuAD's "what research (or clinical
trials) is being done for Multiple Sclerosis ?" (medquad-ours-tuning) put
42% of its weight on it and scored Recent Advancements 42.4, below an offer;
now 70.2, offered. "what can be done for my spasms" still asks for
treatment and keeps Treatment Approaches (a first version that made "done"
a function word everywhere lost it to Causes and Risk Factors).

Chosen on the tuning halves (docs/out-of-scope.md, session 39): 4 in-scope
tuning lines gained, none lost, no uncovered or everyday tuning line moves.
Every test here fails without the rewrite."""

from __future__ import annotations

import pytest

from voice.matching import normalize, sure_ours
from voice.matching.matcher import Matcher

RESEARCH = "recent-advancements-and-research"
TREATMENT = "treatment-approaches-for-long-term-management"
CURE = "is-there-a-cure-for-neuromuscular-disorders"

#: medquad-ours-tuning's four lines of the shape, declined before (39-43).
_RESEARCH_DONE = (
    "what research (or clinical trials) is being done for Multiple Sclerosis ?",
    "what research (or clinical trials) is being done for Myasthenia Gravis ?",
    "what research (or clinical trials) is being done for Motor Neuron Diseases ?",
    "what research (or clinical trials) is being done for Spasticity ?",
)


@pytest.mark.parametrize("line", _RESEARCH_DONE)
def test_research_being_done_is_offered(matcher: Matcher, line: str) -> None:
    """Offered Recent Advancements on its own score, sure_ours off as shipped."""
    assert sure_ours.ON is False
    result = matcher.match(line)
    assert result.outcome == "confirm", (line, result.outcome, result.score)
    assert result.entry is not None and result.entry.id == RESEARCH
    assert result.score >= matcher.confirm_threshold


def test_done_left_out_after_being_and_been() -> None:
    assert "done" not in normalize.prepare("what is being done for ms").split()
    assert "done" not in normalize.prepare("has anything been done about it").split()


def test_being_done_about_a_cure_is_the_cure_faq(matcher: Matcher) -> None:
    """Before: 42.8, declined, "done" pulling Treatment Approaches close."""
    result = matcher.match("is anything being done to find a cure")
    assert result.outcome != "no_match" and result.entry is not None
    assert result.entry.id == CURE
    assert matcher.content_tokens("is anything being done to find a cure") == ["cure"]


@pytest.mark.parametrize("line", ("what can be done for my spasms",
                                  "what can be done about cramps",
                                  "what can be done about ms"))
def test_what_can_be_done_still_asks_for_treatment(matcher: Matcher, line: str) -> None:
    """The modal "can be done" keeps its word: Treatment Approaches first.
    (Fails if "done" is made a function word: Causes and Risk Factors,
    Recognizing ... first.) The token count says the rewrite is what left
    "being done" alone here."""
    result = matcher.match(line)
    assert result.outcome != "no_match" and result.entry is not None
    assert result.entry.id == TREATMENT, (line, result.entry.id)
    assert "done" in matcher.content_tokens(line)
    assert "done" not in matcher.content_tokens(line.replace("can be done", "is being done"))
