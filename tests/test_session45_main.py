"""Gaps found using `voice text` in session 45, as a tired user would:

- "my legs keep jumping at night", "my legs twitch at night" (a spasm told
  at night, nothing asked) were read Impact on Daily Life in full: "night"
  folds onto sleep, the one entry on sleep. "my legs keep jumping" alone, and
  "my legs lock up at night", were met as a spasm told, with its caution;
  so is a spasm told at night now (at_night.told_at_night);
- "ok", "yes" or "thanks" after an answer, then "repeat": the filler ("All
  right. What else would you like to know?", "You're welcome ...") was said
  again instead of the answer; so was "There is no earlier answer to go
  back to" after "go back" (phrases.NOT_REPEATED);
- "can my daughter see what i asked", "can anyone see what i ask" got "I
  still couldn't find an answer" and the whole topic list: what it keeps,
  and the caregiver's question log, is said (commands._PRIVACY).

Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import offered_id as _offered
from .conftest import voice_text_replies

AT_NIGHT = "Spasms at night are hard to live with."
SPASM_TOLD = "Muscles that jump, twitch, lock or curl up by themselves can be spasms"
DECLINED = "Sorry, I don't have an answer for that"
IMPACT = "impact-on-daily-life"
CURE = "is-there-a-cure-for-neuromuscular-disorders"


@pytest.mark.parametrize("said", [
    "my legs keep jumping at night",
    "my legs twitch at night",
    "my husband's legs keep jerking at night",
    "my husband gets cramps every night",
    # Read Impact on Daily Life in full before (session 30's
    # test_scope36_nothing_asked kept it as that line's answer).
    "i have cramps at night",
])
def test_a_spasm_told_at_night_is_met_as_a_spasm_told(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(SPASM_TOLD), reply
    assert reply["outcome"] == "confirm" and _offered(reply) != IMPACT, reply


@pytest.mark.parametrize("said", ["do spasms affect sleep", "do spasms affect my sleep"])
def test_asked_of_sleep_it_is_still_impact_on_daily_life(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert _offered(reply) == IMPACT, reply
    assert not str(reply["say"]).startswith((AT_NIGHT, SPASM_TOLD)), reply


@pytest.mark.parametrize("said", [
    "why do my legs jump at night",
    "my dog twitches in his sleep",
    "restless legs at night",
    "i get cramps at night when pregnant",
])
def test_lines_near_them_are_not_met_as_a_spasm_told_at_night(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert not str(reply["say"]).startswith((AT_NIGHT, SPASM_TOLD)), reply


@pytest.mark.parametrize("filler", ["ok", "yes", "thanks", "right"])
def test_repeat_after_a_filler_says_the_answer_again(tmp_path: Path, filler: str) -> None:
    answer, said, again = voice_text_replies(["is there a cure", filler, "repeat"], tmp_path)
    assert _offered(answer) == CURE and answer["outcome"] == "answer", answer
    assert said["say"] != answer["say"], said
    assert again["say"] == answer["say"], again


def test_repeat_after_a_filler_with_nothing_before_has_nothing_to_repeat(tmp_path: Path) -> None:
    said, again = voice_text_replies(["thanks", "repeat"], tmp_path)
    assert str(said["say"]).startswith("You're welcome"), said
    assert str(again["say"]).startswith("I haven't said anything yet"), again


def test_repeat_after_go_back_with_nothing_earlier_says_the_answer_again(tmp_path: Path) -> None:
    _, answer, back, again = voice_text_replies(
        ["list topics", "three", "go back", "what was that again"], tmp_path)
    assert answer["outcome"] == "answer", answer
    assert str(back["say"]).startswith("There is no earlier answer"), back
    assert again["say"] == answer["say"], again


@pytest.mark.parametrize("said", [
    "can my daughter see what i asked",
    "can anyone see what i ask",
    "does my carer see my questions",
])
def test_who_can_see_what_was_asked_is_told_what_is_kept(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["command"] == "privacy", reply
    assert "question log" in str(reply["say"]), reply


@pytest.mark.parametrize("said", ["can my doctor see what i have", "can the doctor see my spasms"])
def test_a_doctor_seeing_a_symptom_is_no_privacy_question(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["command"] != "privacy", reply
