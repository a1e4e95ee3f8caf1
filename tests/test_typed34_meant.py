"""Typed questions the matcher met badly (session 29, branch typed34; issue
14's in-scope side): whether a treatment is working, a condition getting
worse, walking done as exercise, grandparents named (docs/user-journeys.md)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.on_behalf import asked_for
from voice.conversation.reply import Reply
from voice.matching.matcher import Matcher

ASSISTIVE_FAQ = "How do assistive devices improve mobility?"
COPING = "Coping Strategies for Individuals and Caregivers"
EXERCISE = "The Role of Exercise and Rehabilitation"
HEREDITARY = "Are neuromuscular disorders hereditary?"
MEDICAL_ATTENTION = "When should someone seek medical attention for muscle spasms?"


def _offered_first(reply: Reply) -> str:
    assert reply.outcome == "confirm", reply.say
    assert reply.match is not None, reply.say
    return reply.match.title


def test_whether_medicine_works_offers_medication_first(matcher: Matcher) -> None:
    # Alternative Therapies ("alleviating symptoms", taken for signs told)
    # was offered before Medication, the better match (79.1 against 85.6).
    result = matcher.match("how would i know if the medicine is working")
    assert result.outcome == "confirm"
    assert result.entry is not None and result.entry.title == "Medication"


@pytest.mark.parametrize("line", [
    "how do i know if the exercises are doing any good",
    "how would i know if the swimming is doing me any good"])
def test_whether_exercise_works_is_offered_not_read(typed: Callable[[str], Reply],
                                                     line: str) -> None:
    # The Role of Exercise was read in full ("address specific symptoms"
    # taken for telling how one knows); it never says how to tell.
    assert _offered_first(typed(line)) == EXERCISE


@pytest.mark.parametrize("line", [
    "how do I know if it is getting worse",
    "how can i tell if my ms is getting worse",
    "how do i know if my spasms are getting worse"])
def test_getting_worse_offers_when_to_seek_attention(typed: Callable[[str], Reply],
                                                     line: str) -> None:
    # Offered The Role of Exercise and the lifestyle FAQ, whose editors'
    # lines say what makes it worse.
    assert _offered_first(typed(line)) == MEDICAL_ATTENTION


def test_spasms_getting_worse_reads_when_to_seek_attention(typed: Callable[[str], Reply]) -> None:
    reply = typed("my cramps keep getting worse what should i do")
    assert reply.match is not None and reply.match.title == MEDICAL_ATTENTION, reply.say


def test_what_makes_it_worse_is_as_before(typed: Callable[[str], Reply]) -> None:
    # Control: harm asked, the editors' own line, answered as before.
    reply = typed("can exercise make it worse")
    assert reply.outcome == "answer"
    assert reply.match is not None and reply.match.title == EXERCISE


@pytest.mark.parametrize("line", [
    "does walking every day help keep me mobile",
    "would daily walks keep me moving",
    "will going for a walk every day help my legs"])
def test_walking_as_exercise_offers_exercise(typed: Callable[[str], Reply], line: str) -> None:
    # The assistive-devices FAQ was read in full for the first ("walk" is
    # its word too), offered for the other two, the last one declined.
    assert _offered_first(typed(line)) == EXERCISE


def test_walking_as_ability_is_as_before(typed: Callable[[str], Reply]) -> None:
    reply = typed("will a brace help me walk")
    assert reply.outcome == "answer"
    assert reply.match is not None and reply.match.title == ASSISTIVE_FAQ


@pytest.mark.parametrize("line", [
    "i look after my nan who has ms what should i expect",
    "i look after my grandad who has ms what should i expect",
    "i care for my gran who has als how can i help her"])
def test_grandparent_cared_for_offers_coping(typed: Callable[[str], Reply], line: str) -> None:
    # Declined: "nan", "grandad", "gran" counted as another subject's words
    # where "my grandpa" was offered Coping Strategies.
    assert _offered_first(typed(line)) == COPING


@pytest.mark.parametrize("line", [
    "my grandad had ms will i get it", "my grandma had ms will i get it"])
def test_grandparent_who_had_it_offers_hereditary(typed: Callable[[str], Reply],
                                                  line: str) -> None:
    # Declined ("grandad") or offered the section on the conditions.
    assert _offered_first(typed(line)) == HEREDITARY


@pytest.mark.parametrize("who", ["grandad", "granddad", "gran"])
def test_grandparent_told_is_asked_for_as_grandpa_is(who: str) -> None:
    # "my grandad has ms, what can he do for his spasms" was matched whole
    # (the section on the conditions offered), "my grandpa ..." after the
    # telling (the lifestyle FAQ and Causes offered).
    line = f"my {who} has ms what can he do for his spasms"
    assert asked_for(line) == "what can he do for his spasms"
