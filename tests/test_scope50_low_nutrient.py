"""Session 40 (branch scope50, issue 14): "low" before a nutrient the content
names says a deficiency of it (voice/matching/synonyms.py, REWRITES).

"low" is a content word only through Physical Therapy's keyword "low
impact". "could low magnesium be behind my cramping calves"
(inscope17-tuning) put 35% of its weight on it and was declined (Dietary
Adjustments 41.3, below an offer); read as "deficiency of magnesium", the
Causes section's own word ("can vitamin deficiency cause cramps"), it is
offered Causes and Risk Factors (61.0).

Chosen on the tuning halves (docs/out-of-scope.md, session 40): 2 in-scope
tuning lines gained, none lost, no out-of-scope tuning line and no
leave-one-out line moves. Every test here fails without the rewrite."""

from __future__ import annotations

import pytest

from voice.matching import normalize
from voice.matching.matcher import Matcher

CAUSES = "causes-and-risk-factors"
DIET = "dietary-adjustments"

#: The two tuning lines declined before (Dietary Adjustments 41-42).
_LOW_MAGNESIUM = (
    "could low magnesium be behind my cramping calves",
    "can low magnesium set off my cramps",
)


@pytest.mark.parametrize("line", _LOW_MAGNESIUM)
def test_low_magnesium_is_offered_causes(matcher: Matcher, line: str) -> None:
    result = matcher.match(line)
    assert result.outcome == "confirm", (line, result.outcome, result.score)
    assert result.entry is not None and result.entry.id in (CAUSES, DIET)


@pytest.mark.parametrize("said", ("low magnesium", "low vitamin d", "low levels of potassium",
                                  "low calcium"))
def test_low_before_a_nutrient_is_a_deficiency(matcher: Matcher, said: str) -> None:
    """And only there: Physical Therapy's "low impact" keeps its word, and
    MedQuAD's uncovered "low sodium level" (a nutrient the content never
    names) is declined as before."""
    words = normalize.prepare(said).split()
    assert "low" not in words and "deficiency" in words
    assert "low" in normalize.prepare("what about low impact exercise").split()
    result = matcher.match("what about low impact exercise")
    assert result.entry is not None and result.entry.id == "physical-therapy"
    assert "low" in normalize.prepare("low sodium level").split()
    assert matcher.match("low sodium level").outcome == "no_match"
