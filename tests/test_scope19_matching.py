"""Branch scope19 (issue 14), typed through the Conversation as `voice text`
does, with the shipped content and models (no fakes):

- dementia is no condition of ours: "what are the early signs of dementia in
  my mum" (health-tuning18) was offered the early-signs FAQ, because WordNet
  files dementia under insanity, not under a root of
  scripts/build_health_subjects.py; dementia and psychosis are roots now;
- "my mum's got ms, what do i do" was read in full with the section that
  lists the conditions: the telling's "'s got" was not seen
  (voice/matching/teller.py), so scope17's "a name asked beyond what it is
  is only offered" did not hold for it.
"""

from __future__ import annotations

import pytest

from voice.matching import teller

DESCRIBING = "recognizing-chronic-spasms-and-neuromuscular-disorders"
EARLY_SIGNS = "what-are-the-early-signs-of-neuromuscular-disorders"


@pytest.mark.parametrize("text", [
    "what are the early signs of dementia in my mum",
    "how do i look after my dad with alzheimer's",
    "is dementia hereditary",
    "what are the first signs of psychosis",
])
def test_dementia_and_psychosis_are_declined(typed, text: str) -> None:  # type: ignore[no-untyped-def]
    assert typed(text).outcome == "no_match"


@pytest.mark.parametrize("text", [
    "what are the early signs of ms",
    "what are the early signs of a neuromuscular disorder",
])
def test_our_early_signs_still_found(typed, text: str) -> None:  # type: ignore[no-untyped-def]
    r = typed(text)
    assert r.outcome in ("answer", "confirm")
    assert r.match is not None and r.match.id == EARLY_SIGNS


@pytest.mark.parametrize("text", [
    "my mum's got ms, what do i do",
    "my mum’s got ms, what do i do",
    "my dad's got als, what do we do",
])
def test_relative_s_got_name_is_never_read_in_full(typed, text: str) -> None:  # type: ignore[no-untyped-def]
    """As "my husband has ms, what do i do": offered, never read in full."""
    r = typed(text)
    assert r.outcome == "confirm", r.say
    assert r.answer is None


@pytest.mark.parametrize("relative", ["mum's got", "mother has", "husband has", "dad has got",
                                      "wife has", "son's got", "nan has", "grandad has",
                                      "uncle has", "grandmother's got"])
def test_any_relative_gets_the_same_offer(typed, relative: str) -> None:  # type: ignore[no-untyped-def]
    r = typed(f"my {relative} ms, what do i do")
    base = typed("my husband has ms, what do i do")
    assert r.outcome == base.outcome == "confirm"
    assert r.match is not None and base.match is not None and r.match.id == base.match.id


def test_mums_got_is_a_telling() -> None:
    assert teller.without_teller("my mum's got ms") == "my got ms"
    assert teller.without_teller("my dad's been diagnosed with als") == \
        "my been diagnosed with als"
    # Not a telling: whose legs.
    assert teller.without_teller("my mum's legs are stiff") == "my mum's legs are stiff"
    # Still asks whether someone else gets it.
    assert teller.without_teller("my mum's got ms, will i get it") == \
        "my mum's got ms, will i get it"


def test_mums_got_chronic_spasms_offers_what_helps(typed) -> None:  # type: ignore[no-untyped-def]
    """Not the section that describes spasms first (scope17's _definitions_last)."""
    r = typed("my mum's got chronic spasms, what do we do")
    assert r.outcome == "confirm"
    assert r.match is not None and r.match.id != DESCRIBING


@pytest.mark.parametrize("text", [
    "can orthotics help with foot drop",
    "what can help with drop foot",
])
def test_foot_drop_is_ours(typed, text: str) -> None:  # type: ignore[no-untyped-def]
    """A symptom of ours in words of a body part: the synonym table's phrase
    (foot drop -> weakness) names no part of the body ("foot")."""
    r = typed(text)
    assert r.outcome in ("answer", "confirm"), r.say


@pytest.mark.parametrize("text", [
    "what makes my feet smell so bad in trainers",
    "why does my foot hurt when i drop my heel",
    "how do i treat a dropped arch in my foot",
])
def test_feet_still_declined(typed, text: str) -> None:  # type: ignore[no-untyped-def]
    assert typed(text).outcome == "no_match"


@pytest.mark.parametrize("relative", ["mother", "husband", "nan", "grandad", "uncle",
                                      "grandmother", "friend"])
def test_any_relative_with_spasms_gets_the_same_offer(  # type: ignore[no-untyped-def]
        typed, relative: str) -> None:
    """"my uncle has chronic spasms, what can we do" was offered the section
    that says what spasms are, "my mother has ..." the lifestyle FAQ; "my
    nan has ..." was declined."""
    r = typed(f"my {relative} has chronic spasms, what can we do")
    assert r.outcome == "confirm", r.say
    assert r.match is not None and r.match.id == "can-lifestyle-changes-help-manage-chronic-spasms"

