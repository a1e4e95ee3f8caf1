"""A fall asked about or told (session 34, conversation/falls.py): "what
should I do if I fall", "how do I prevent falls" and "my husband fell" were
declined. When to get help comes first, then what helps with walking is
offered, never read. A fall with an emergency's words is still the
emergency advice; the other senses of "fall" are not taken. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation.falls import about_falls
from voice.conversation.phrases import FALLS

from .conftest import voice_text_replies


@pytest.mark.parametrize("said", ["what should I do if I fall", "how do I prevent falls",
                                  "my husband fell", "she keeps falling", "I keep falling over",
                                  "can exercise help me stop falling", "what happens if you fall",
                                  "how can I stop my mum falling"])
def test_falls(said: str) -> None:
    assert about_falls(said), said


@pytest.mark.parametrize("said", ["I fall asleep in the afternoon", "my hair is falling out",
                                  "will the market fall", "when does fall start",
                                  "what day does my birthday fall on", "I fell in love",
                                  "he fell ill last week", "I keep falling behind at work",
                                  "what should I do in the fall", "falls"])
def test_not_a_fall(said: str) -> None:
    assert not about_falls(said), said


def test_when_to_get_help_then_walking_offered(tmp_path: Path) -> None:
    asked, told, stick, fell = voice_text_replies(
        ["what should I do if I fall", "my husband fell", "will using a stick stop me falling",
         "I fell and can't get up"], tmp_path)
    for reply in (asked, told):
        assert reply["outcome"] == "confirm" and reply["say"].startswith(FALLS), reply
        assert "Assistive Devices" in reply["say"], reply
        assert reply["answer"] is None, reply
    # Taken by the matcher (dev.tsv's line): its own offer, as before.
    assert stick["outcome"] == "confirm" and not stick["say"].startswith(FALLS), stick
    assert stick["match"]["title"] == "How do assistive devices improve mobility?", stick
    assert fell["outcome"] == "emergency", fell


def test_yes_reads_the_offer(tmp_path: Path) -> None:
    _, yes = voice_text_replies(["how do I prevent falls", "the first one"], tmp_path)
    assert yes["outcome"] == "answer" and yes["match"]["title"] == "Assistive Devices", yes
