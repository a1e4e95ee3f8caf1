"""An emergency's words in a question about the conditions in general
(session 34, matching/emergency_in_general.py): "why do people with ALS
choke when they eat" and "can MS cause chest pain" heard the emergency
advice alone, their question unanswered. The advice is still said first,
then the question is matched as any other. Someone choking now, or named,
or asleep, still gets the whole advice. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation.phrases import EMERGENCY, IF_HAPPENING_NOW
from voice.matching.emergency import is_emergency
from voice.matching.emergency_in_general import asked_in_general

from .conftest import every_typed_line, voice_text_replies

GENERAL = ["why do people with als choke when they eat", "can ms make you choke",
           "does als cause choking", "is choking a sign of als", "can ms cause chest pain",
           "why do als patients have trouble breathing",
           "does myasthenia gravis cause shortness of breath"]
NOW = ["why is he choking", "what do i do he is choking now", "why am i choking",
       "help, can ms make you choke", "can als cause suicidal thoughts", "i am choking",
       "my husband is choking", "can you call an ambulance", "she can't breathe"]


@pytest.mark.parametrize("said", GENERAL)
def test_general_questions(said: str) -> None:
    assert is_emergency(said) and asked_in_general(said), said


@pytest.mark.parametrize("said", NOW)
def test_someone_now_stays_an_emergency(said: str) -> None:
    assert is_emergency(said) and not asked_in_general(said), said


def test_no_emergency_line_of_tests_data_is_taken_for_general() -> None:
    # Counted only (held-out sets included): each of these stays the whole advice.
    lines = [t for t in every_typed_line() if is_emergency(t)]
    assert len(lines) > 80
    assert sum(asked_in_general(t) for t in lines) == 0


def test_the_advice_first_then_the_question(tmp_path: Path) -> None:
    general, matched, now = voice_text_replies(
        ["why do people with als choke when they eat", "can ms cause chest pain",
         "he is choking"], tmp_path)
    for reply in (general, matched):
        assert reply["outcome"] != "emergency", reply
        assert reply["say"].startswith(IF_HAPPENING_NOW), reply
        assert len(reply["say"]) > len(IF_HAPPENING_NOW) + 20, reply
    assert general["outcome"] == "confirm", general
    assert now["outcome"] == "emergency" and now["say"] == EMERGENCY, now


def test_asleep_it_is_the_whole_advice(tmp_path: Path) -> None:
    _, said = voice_text_replies(["go to sleep", "can ms cause chest pain"], tmp_path)
    assert said["outcome"] == "emergency" and said["say"] == EMERGENCY, said
