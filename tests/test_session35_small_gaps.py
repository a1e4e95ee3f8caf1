"""Small gaps found by typing into `voice ask` (session 35): each was
declined as off the subject or offered an unrelated entry. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation.phrases import (
    CANNOT_REMIND,
    DIAGNOSIS_NEWS,
    DIAGNOSIS_TOLD,
    OFFLINE,
    WORRY,
)

from .conftest import voice_text_replies


@pytest.mark.parametrize("said", ["does this send my voice to the internet",
                                  "is my voice sent to the cloud",
                                  "does it upload my questions to a server"])
def test_asked_whether_it_sends_to_the_internet(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["outcome"] == "command" and reply["say"] == OFFLINE, reply


@pytest.mark.parametrize("said", ["can you set a reminder for my tablets",
                                  "remind me to take my baclofen at 8", "set an alarm for 7"])
def test_asked_for_a_reminder(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["outcome"] == "command" and reply["say"] == CANNOT_REMIND, reply


@pytest.mark.parametrize("said", ["what reminds me of spasms", "do spasms remind you of cramps",
                                  # CLINC150's tuning half: no reminder asked.
                                  "can you remind me how to spell because",
                                  "remind me of how many days i had off so far for the year"])
def test_a_reminder_only_when_asked_for(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["say"] != CANNOT_REMIND, reply


def test_does_it_shorten_your_life_is_a_worry(tmp_path: Path) -> None:
    # Was offered Impact on Daily Life.
    (reply,) = voice_text_replies(["does ms shorten your life"], tmp_path)
    assert reply["say"].startswith(WORRY), reply


@pytest.mark.parametrize("said", ["how fast does als progress", "how quickly does ms get worse"])
def test_how_fast_it_progresses_is_a_worry(tmp_path: Path, said: str) -> None:
    # Was offered the breakthroughs FAQ.
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["say"].startswith(WORRY), reply


@pytest.mark.parametrize(("said", "news"), [
    ("my husband has ms", False), ("we just found out my wife has als", True),
    ("I was diagnosed with ms today", True), ("i have als", False),
    ("my mum has just been diagnosed with motor neurone disease", True),
])
def test_a_diagnosis_told_is_met_kindly(tmp_path: Path, said: str, news: bool) -> None:
    # Was "Did you mean: Recognizing Chronic Spasms ...?" or "Diagnosis ...?".
    reply, second = voice_text_replies([said, "the second one"], tmp_path)
    assert reply["say"].startswith(DIAGNOSIS_NEWS if news else DIAGNOSIS_TOLD), reply
    assert "Treatment Approaches" in reply["say"] and reply["answer"] is None, reply
    assert second["match"]["title"] == "Coping Strategies for Individuals and Caregivers", second


@pytest.mark.parametrize("said", ["I have MS, is there a cure", "my wife has diabetes",
                                  "my son has spasms"])
def test_not_a_diagnosis_told_alone(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert not reply["say"].startswith((DIAGNOSIS_NEWS, DIAGNOSIS_TOLD)), reply
