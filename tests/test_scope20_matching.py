"""Branch scope20 (issue 14), typed through the Conversation as `voice text`
does, with the shipped content and models (no fakes):

- a stroke is no condition of ours: "how do i cope with looking after my
  husband after his stroke" was offered Coping Strategies. The illness is
  WordNet's third sense of "stroke" and sits under "attack", no root of
  scripts/build_health_subjects.py; and the article cites "the National
  Institute of Neurological Disorders and Stroke", which made the word ours;
- "what helps cramp in my calf at night when pregnant" was offered the spasm
  entries by conversation/at_night.py, which did not ask whether another
  health subject is named;
- "how much vitamin d should i take in winter" (health-tuning5) was read
  Dietary Adjustments in full, which says vitamin D matters, not how much.
"""

from __future__ import annotations

import pytest

DIET = "dietary-adjustments"
AT_NIGHT_FIRST = "can-lifestyle-changes-help-manage-chronic-spasms"


@pytest.mark.parametrize("text", [
    "how do i cope with looking after my husband after his stroke",
    "can physio help after a stroke",
    "is a stroke a neuromuscular disorder",
])
def test_a_stroke_is_declined(typed, text: str) -> None:  # type: ignore[no-untyped-def]
    r = typed(text)
    assert r.outcome == "no_match", r.say
    assert r.answer is None and not r.alternatives


@pytest.mark.parametrize("text", [
    "what causes neuromuscular disorders",
    "what are the risk factors",
    "how do i cope with looking after my husband with ms",
])
def test_our_questions_still_found(typed, text: str) -> None:  # type: ignore[no-untyped-def]
    """The section that cites the institute, and coping, are still ours."""
    assert typed(text).outcome in ("answer", "confirm")


def test_cited_name_mentions_no_subject(matcher) -> None:  # type: ignore[no-untyped-def]
    subjects = matcher.scope.subjects
    assert subjects.uncovered("after his stroke") == [("stroke", "condition")]
    # Not a noun: stroking a cat names no illness.
    assert subjects.uncovered("how do i stroke the cat") == []


@pytest.mark.parametrize("text", [
    "what helps cramp in my calf at night when pregnant",
    "what helps leg cramps at night in pregnancy",
])
def test_at_night_with_another_condition_goes_to_the_scope_check(  # type: ignore[no-untyped-def]
        typed, text: str) -> None:
    r = typed(text)
    assert r.outcome == "no_match", r.say
    assert r.command != "at_night"
    assert not r.say.startswith("Spasms at night")


@pytest.mark.parametrize("text", [
    "what helps cramp in my calf at night",
    "how do i stop my legs jumping at night",
    "my son has spasms at night, what helps",
    "what helps charley horses at night",
    "how to stop muscle twitches at night",
])
def test_spasms_at_night_still_offered(typed, text: str) -> None:  # type: ignore[no-untyped-def]
    """The spasm words themselves name no other subject."""
    r = typed(text)
    assert r.outcome == "confirm", r.say
    assert r.say.startswith("Spasms at night")
    assert r.match is not None and r.match.id == AT_NIGHT_FIRST


@pytest.mark.parametrize("text", [
    "how much vitamin d should i take in winter",
    "how much magnesium should i take",
])
def test_an_amount_the_answer_does_not_give_is_offered(typed, text: str) -> None:  # type: ignore[no-untyped-def]
    r = typed(text)
    assert r.outcome == "confirm", r.say
    assert r.answer is None
    assert r.match is not None and r.match.id == DIET


@pytest.mark.parametrize("text", [
    "should i take vitamin d",
    "how much should i exercise",
    "how long before i see a doctor",
])
def test_the_contents_own_questions_still_answered(typed, text: str) -> None:  # type: ignore[no-untyped-def]
    """An editor's phrasing is answered even when it asks an amount."""
    assert typed(text).outcome == "answer"
