"""A low mood said in everyday words (session 33, feelings.py, phrases.py,
kind_offers.feeling): "i feel down at the moment" was thanked for telling
("down at" read as a place), "feeling down" read Coping Strategies in full,
"i'm feeling low today" offered no entry, and "I'm sorry you're low." is not
how anyone says it. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation import phrases
from voice.conversation.feelings import feeling_of

from .conftest import voice_text_replies

COPING = "Coping Strategies for Individuals and Caregivers"


@pytest.mark.parametrize("said, word", [
    ("i feel down at the moment", "down"), ("feeling down", "down"),
    ("i'm feeling low today", "low"), ("feeling a bit low", "low"),
])
def test_met_kindly_with_coping_offered(tmp_path: Path, said: str, word: str) -> None:
    reply, = voice_text_replies([said], tmp_path)
    assert reply["say"].startswith(f"I'm sorry you're feeling {word}."), reply
    assert reply["outcome"] == "confirm" and reply["match"]["title"] == COPING, reply


def test_tiredness_keeps_its_own_entry(tmp_path: Path) -> None:
    reply, = voice_text_replies(["i am tired"], tmp_path)
    assert reply["say"].startswith(phrases.sorry_you_are("tired")), reply
    assert reply["match"]["title"] == "Impact on Daily Life", reply


@pytest.mark.parametrize("said", ["down", "low", "what can i do when i feel down",
                                  "is feeling low a symptom of ms"])
def test_not_a_feeling_told(said: str) -> None:
    assert feeling_of(said) is None, said
