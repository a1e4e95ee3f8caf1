"""What helps a spasm at night, offered alike by every caller (session 32,
branch scope38).

- ``Matcher.match`` put Impact on Daily Life first ("night" folds onto
  sleep) though the Conversation offers what helps spasms (at_night.py,
  kind_offers.AT_NIGHT_OFFERS): every "Did you mean" built from the matcher
  alone named the wrong entry. It now offers the same entries first
  (voice/matching/offer_rather.py, ``_what_helps_first``).
- "anything for that" and "what can we try" ask what helps as "is there
  anything" and "what can we do" did (at_night.REMEDY): "my grandad
  twitches in his sleep and it wakes him, anything for that" was offered
  Impact on Daily Life, "my wife's legs lock up at night what can we try"
  declined (inscope17-tuning).
- "new" said of a person ("i'm new to all this") is a newcomer, not news:
  the Introduction is offered (synonyms.REWRITES); "we're new to all this,
  my wife was just diagnosed" was read Technological Innovations in full.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.reply import Reply
from voice.matching.matcher import Matcher

LIFESTYLE = "can-lifestyle-changes-help-manage-chronic-spasms"
MEDICATION = "medication"
DAILY_LIFE = "impact-on-daily-life"
AT_NIGHT_SAID = "Spasms at night are hard to live with."


@pytest.mark.parametrize("line", [
    # tests/data/tuning32/inscope-tuning32.tsv (tuning), Impact first before.
    "my husband's legs keep jerking at night, what helps",
    "cramps in my calves every night, what can i do",
    "my husband keeps getting painful cramps at night, what can we do",
    "what can ease my husband's cramps at night",
    # written here
    "my son has spasms at night, what helps",
    "my legs keep twitching in bed, how do i stop it"])
def test_the_matcher_offers_what_helps_first(matcher: Matcher, line: str) -> None:
    result = matcher.match(line)
    assert result.outcome == "confirm", result
    assert [e.id for e in result.offered] == [LIFESTYLE, MEDICATION], result


@pytest.mark.parametrize("line", [
    "my grandad twitches in his sleep and it wakes him, anything for that",
    "my wife's legs lock up at night what can we try",
    "my legs cramp at night, what should i try",
    "my legs cramp at night, is there something for it"])
def test_anything_for_that_asks_what_helps(typed: Callable[[str], Reply], line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", reply.say
    assert reply.say.startswith(AT_NIGHT_SAID), reply.say


def test_grandad_matcher_offers_what_helps(matcher: Matcher) -> None:
    result = matcher.match("my grandad twitches in his sleep and it wakes him, anything for that")
    assert result.outcome == "confirm", result
    assert result.entry is not None and result.entry.id == LIFESTYLE, result


# Guards: what is not "what helps at night" keeps its entry and outcome.
def test_sleep_told_keeps_daily_life(matcher: Matcher) -> None:
    result = matcher.match("the spasms keep me awake at night")
    assert result.outcome == "confirm" and result.entry is not None
    assert result.entry.id == DAILY_LIFE


def test_a_cause_at_night_keeps_causes_first(matcher: Matcher) -> None:
    result = matcher.match("what causes cramps at night")
    assert result.entry is not None and result.entry.id == "causes-and-risk-factors", result


def test_sleep_asked_is_answered(matcher: Matcher) -> None:
    result = matcher.match("how does it affect my sleep")
    assert result.outcome == "answer" and result.entry is not None
    assert result.entry.id == DAILY_LIFE


@pytest.mark.parametrize("line", [
    "restless legs at night, anything for that",
    "i get leg cramps at night when pregnant, anything for that",
    "my husband grinds his teeth at night, anything for that"])
def test_not_ours_stays_declined(typed: Callable[[str], Reply], line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "no_match", reply.say


# New said of a person is a newcomer, not news (synonyms.REWRITES).
INTRODUCTION = "introduction"


@pytest.mark.parametrize("line", [
    "im new to all this what can you tell me",  # dev.tsv (tuning)
    "we're new to all this, my wife was just diagnosed",
    "i'm new to this, where do i start"])
def test_new_said_of_a_person_is_the_beginning(matcher: Matcher, line: str) -> None:
    result = matcher.match(line)
    assert result.outcome == "confirm", result
    assert result.entry is not None and result.entry.id == INTRODUCTION, result


def test_new_to_all_this_is_not_read_technology(typed: Callable[[str], Reply]) -> None:
    # Was Technological Innovations read in full.
    reply = typed("we're new to all this, my wife was just diagnosed")
    assert reply.outcome != "answer", reply.say


@pytest.mark.parametrize("line", ["is there anything new", "are there new treatments"])
def test_new_said_of_a_thing_is_news(matcher: Matcher, line: str) -> None:
    result = matcher.match(line)
    assert result.outcome == "answer" and result.entry is not None
    assert result.entry.id == "what-recent-breakthroughs-offer-hope-for-treatment"


def test_new_to_the_market_stays_declined(matcher: Matcher) -> None:
    assert matcher.match("the drug is new to the market, is it safe").outcome == "no_match"
