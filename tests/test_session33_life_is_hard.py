"""A struggle told, or feeling unheard, met with the coping entry (session
33, conversation/feelings.py and kind_offers.feeling). Before:
"life is hard with ms, what can help", "ms is ruining my life" and "my
family doesn't understand" were declined as off the subject; "everything is
so hard with ms" was offered the section on recognizing the disorders;
"I hate my life" got the distress reply but then Impact on Daily Life
offered; "nobody understands me" no entry at all. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation import phrases
from voice.conversation.feelings import feeling_of

from .conftest import voice_text_replies

COPING = "Coping Strategies for Individuals and Caregivers"


@pytest.mark.parametrize("said", ["life is hard with ms, what can help",
                                  "everything is so hard with ms", "ms is ruining my life",
                                  "life is so hard"])
def test_a_struggle_is_met_kindly_and_coping_offered_first(tmp_path: Path, said: str) -> None:
    reply = voice_text_replies([said], tmp_path)[0]
    assert reply["say"].startswith(phrases.sorry_you_are("struggling")), reply
    assert reply["outcome"] == "confirm" and reply["match"]["title"] == COPING, reply


@pytest.mark.parametrize("said", ["my family doesn't understand", "nobody understands me"])
def test_feeling_unheard_is_offered_coping(tmp_path: Path, said: str) -> None:
    reply = voice_text_replies([said], tmp_path)[0]
    assert reply["say"].startswith(phrases.SORRY_TO_HEAR), reply
    assert reply["outcome"] == "confirm" and reply["match"]["title"] == COPING, reply


def test_distress_is_offered_coping_alone(tmp_path: Path) -> None:
    reply = voice_text_replies(["I hate my life"], tmp_path)[0]
    assert reply["say"].startswith(phrases.DISTRESS), reply
    assert reply["match"]["title"] == COPING, reply
    assert "Impact on Daily Life" not in reply["say"], reply


@pytest.mark.parametrize("said", ["is life hard with ms", "what makes life hard with ms",
                                  "how hard is life with ms", "does my family understand ms"])
def test_questions_stay_questions(said: str) -> None:
    assert feeling_of(said) is None, said
