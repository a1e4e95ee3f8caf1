"""Session 41 (branch fresh51, issue 14): wellbeing_apart.py declines a line
that names only everyday wellbeing subjects (sleep, stress, mood, diet,
vitamins, drinking) and either ties two of them by a cause no sentence of
the content gives, or asks them of a health matter the content does not
cover.

The declined lines are the two tuning lines it moved (iCliniq, MedQuAD),
offered Impact on Daily Life and the lifestyle FAQ before, and probes of the
tie; the kept lines are probes of people with the conditions and their
carers asking of sleep, stress, diet and vitamins in their own words.
Without this branch's change the file does not import; with the module but
``ON`` False the declined lines are offered again
(``test_the_switch_restores_the_offer``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation.reply import Reply
from voice.matching import wellbeing_apart as wa
from voice.matching.matcher import Matcher


def test_shipped_on() -> None:
    source = Path(wa.__file__).read_text(encoding="utf-8")
    assert "\nON = True\n" in source


#: Lines offered an entry before, and why each is declined now.
_DECLINED = (
    ("i am unable to sleep at night because of stress. please help.", "tied"),  # iCliniq
    ("What is (are) Managing your weight with healthy eating ?", "weight"),  # MedQuAD
    ("i can't sleep due to anxiety", "tied"),  # probes
    ("i can't sleep because of stress at work", "tied"),
    ("my sleep is bad because i'm so stressed about exams", "tied"),
)


@pytest.mark.parametrize(("line", "why"), _DECLINED)
def test_declined(typed: Callable[[str], Reply], matcher: Matcher, line: str,
                  why: str) -> None:
    reply = typed(line)
    assert reply.outcome not in ("answer", "confirm"), (line, reply.outcome, reply.say)
    assert matcher.match(line).outcome == "no_match"
    assert wa.wellbeing_apart(matcher, line) == why


@pytest.mark.parametrize(("line", "why"), _DECLINED)
def test_the_switch_restores_the_offer(typed: Callable[[str], Reply],
                                       monkeypatch: pytest.MonkeyPatch, line: str,
                                       why: str) -> None:
    monkeypatch.setattr(wa, "ON", False)
    assert typed(line).outcome == "confirm"


def test_heard_speech_declined_too(matcher: Matcher) -> None:
    assert matcher.match(_DECLINED[0][0], heard=True).outcome == "no_match"


def test_not_without_a_scope_model(kb: KnowledgeBase) -> None:
    assert wa.wellbeing_apart(Matcher(kb, check_scope=False), _DECLINED[0][0]) is None


#: Two of them side by side, no cause told (a probe): kept. Declined when
#: any two are taken for a tie (this branch's first version).
def test_side_by_side_kept(typed: Callable[[str], Reply], matcher: Matcher,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    line = "how can i manage stress and sleep better"
    assert typed(line).outcome in ("answer", "confirm")
    assert wa.wellbeing_apart(matcher, line) is None
    monkeypatch.setattr(wa, "_CAUSE", re.compile(""))
    assert wa.wellbeing_apart(matcher, line) == "tied"


#: Probes: people with the conditions and carers asking of sleep, stress,
#: diet and vitamins; taken as before, the rule silent.
_KEPT = (
    ("i have ms and i can't sleep because of stress", "impact-on-daily-life"),
    ("i can't sleep because of my leg cramps", "impact-on-daily-life"),
    ("i am so stressed because of my ms that i can't sleep", None),
    ("my wife is stressed and can't sleep because of my als", None),
    ("i care for my wife with ms and i can't sleep for stress", None),
    ("can stress and poor sleep make my spasms worse", None),
    ("does diet help with stress", "can-lifestyle-changes-help-manage-chronic-spasms"),
    ("what should i eat and drink to stay hydrated", None),
    ("should i take vitamin d for my ms", "dietary-adjustments"),
    ("do i need extra vitamin d", "dietary-adjustments"),
    ("what vitamins should i take", "dietary-adjustments"),
    ("i am stressed and not sleeping well", None),
    ("how do i deal with the stress", "coping-strategies-for-individuals-and-caregivers"),
)


@pytest.mark.parametrize(("line", "entry"), _KEPT)
def test_kept(typed: Callable[[str], Reply], matcher: Matcher, line: str,
              entry: str | None) -> None:
    reply = typed(line)
    assert reply.outcome in ("answer", "confirm"), line
    if entry is not None:
        assert reply.match is not None and reply.match.id == entry
    assert wa.wellbeing_apart(matcher, line) is None
