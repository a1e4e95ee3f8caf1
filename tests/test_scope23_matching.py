"""Branch scope23 (issue 14), typed through the Conversation as `voice text`
does, with the shipped content and models (no fakes; conftest's ``typed``):

- "how soon should i see a doctor" and "how soon should i contact my
  neurologist" were declined, though "when should i see a doctor" is
  answered by the seek-medical-attention FAQ: "how soon" asks when
  (synonyms.REWRITES);
- "help my daughter with her homework" was offered the lifestyle FAQ:
  "homework" was split into the content's "home" + "work"
  (matcher._repair: a word general English knows is meant whole).
"""

from __future__ import annotations

import pytest

from voice.matching import synonyms, teller

SEEK = "when-should-someone-seek-medical-attention-for-muscle-spasms"


@pytest.mark.parametrize("text", [
    "how soon should i see a doctor",
    "how soon should i contact my neurologist",
    "how soon should i ring my gp about my spasms",
    "how soon should i call the doctor if my cramps get worse",
])
def test_how_soon_asks_when(typed, text: str) -> None:  # type: ignore[no-untyped-def]
    r = typed(text)
    assert r.outcome == "answer", r.say
    assert r.match is not None and r.match.id == SEEK


def test_how_long_before_a_pronoun_asks_when() -> None:
    assert synonyms.fold("how long before i see a doctor") == synonyms.fold(
        "when i see a doctor")
    # Not a thing awaited: "how long until my takeaway" keeps its words.
    assert "when" not in synonyms.fold("how long until my takeaway is here").split()


@pytest.mark.parametrize("text", [
    "how soon can i exercise after getting a tattoo",
    "how soon after giving birth can i exercise",
    "how soon is my anniversary",
    "how long until my takeaway is here",
])
def test_how_soon_about_something_else_still_declined(typed, text: str) -> None:  # type: ignore[no-untyped-def]
    assert typed(text).outcome == "no_match"


@pytest.mark.parametrize("text", [
    "help my daughter with her homework",
    "how can i help my daughter with her homework",
    "how can i help my husband with his homework",
])
def test_homework_is_no_home_and_work(typed, text: str) -> None:  # type: ignore[no-untyped-def]
    r = typed(text)
    assert r.outcome == "no_match", r.say


COPING = "coping-strategies-for-individuals-and-caregivers"
LIFESTYLE = "can-lifestyle-changes-help-manage-chronic-spasms"


@pytest.mark.parametrize("text", [
    "help my son with his ms",
    "how can i help my son with his ms",
    "how do i support my husband with his ms",
    "how can i support my mum with her als",
])
def test_a_relative_helped_with_their_condition_is_cared_for(typed, text: str) -> None:  # type: ignore[no-untyped-def]
    r = typed(text)
    assert r.outcome in ("answer", "confirm"), r.say
    assert r.match is not None and r.match.id == COPING, r.say


def test_helped_with_a_symptom_still_asks_what_helps(typed) -> None:  # type: ignore[no-untyped-def]
    r = typed("how can i help my dad with his spasms")
    assert r.outcome == "confirm" and r.match is not None and r.match.id == LIFESTYLE, r.say


def test_helped_and_asking_heredity_keeps_the_relative() -> None:
    assert teller.without_teller("help my son with his ms, will i get it too") == \
        "how do i help my son with his ms, will i get it too"


@pytest.mark.parametrize("text", [
    "support my brother with exam stress",
    "how do i support my brother with exam stress",
])
def test_supported_with_something_else_is_never_read(typed, text: str) -> None:  # type: ignore[no-untyped-def]
    # Was read Coping Strategies in full ("support" carried it); what the
    # brother is supported with must carry the line, as with "help".
    assert typed(text).outcome != "answer"


def test_supported_is_helped() -> None:
    assert teller.without_teller("support my brother with exam stress") == \
        "how do i help my with exam stress"
    # Supporting a person is caring for them (session 24, branch scope25):
    # offered Coping Strategies, no longer read Community Support in full.
    assert teller.without_teller("how do i support my husband") == "how do i care for my husband"


@pytest.mark.parametrize("text", [
    "how do i help my dad with his computer",
    "help my mum with her housework",
])
def test_a_relative_helped_with_a_thing_of_theirs_is_never_read(typed, text: str) -> None:  # type: ignore[no-untyped-def]
    # Was read in full (Technological Innovations; Impact on Daily Life).
    assert typed(text).outcome != "answer"


def test_helped_with_own_is_not_their_condition() -> None:
    assert teller.helps_with_own("how do i help my dad with his computer")
    assert not teller.helps_with_own("help my son with his ms")
    assert not teller.helps_with_own("how can i help my dad cope")


@pytest.mark.parametrize("text", [
    "how long should i wait before seeing a doctor",
    "how long do i wait before i see the gp",
    "how long should i leave it before i call the doctor",
])
def test_how_long_to_wait_for_a_doctor_is_offered(typed, text: str) -> None:  # type: ignore[no-untyped-def]
    # Was declined; the FAQ gives no span of time, so it is offered
    # (scope.asks_amount_not_given), not read.
    r = typed(text)
    assert r.outcome == "confirm" and r.match is not None and r.match.id == SEEK, r.say


def test_how_long_to_wait_for_something_else_still_declined(typed) -> None:  # type: ignore[no-untyped-def]
    assert typed("how long should i wait before eating after exercise").outcome == "no_match"


EXERCISE = "the-role-of-exercise-and-rehabilitation"


@pytest.mark.parametrize("text", [
    "is swimming good for people with ms",  # inscope5-tuning, was declined
    "is exercise good for people with als",
])
def test_people_with_a_condition_are_the_condition(typed, text: str) -> None:  # type: ignore[no-untyped-def]
    r = typed(text)
    assert r.outcome in ("answer", "confirm"), r.say
    assert r.match is not None and r.match.id == EXERCISE, r.say


def test_other_people_with_it_and_other_disorders_keep_their_words() -> None:
    assert "people" in synonyms.fold("where can i meet other people with ms").split()
    assert "people" not in synonyms.fold("is swimming good for people with ms").split()
    assert "someone" in synonyms.fold("how do i help someone with an eating disorder").split()
