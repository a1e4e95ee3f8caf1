"""Told that someone cannot move or feel a limb now (session 32,
voice/conversation/seen_now.py): "I can't move my legs" was declined as off
the subject and "I can't feel my legs" offered Coping Strategies. Sudden
weakness or numbness of a limb or one side can be a relapse or a stroke:
the user hears when to call for help at once, then the FAQ on when to seek
medical attention is offered. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation import phrases
from voice.conversation.seen_now import sign_seen_now

from .conftest import voice_text_replies


@pytest.mark.parametrize("said", ["I can't move my legs", "I can't feel my legs",
                                  "I suddenly can't move my arm",
                                  "she can't move her left arm", "I can't use my hands properly",
                                  "my husband can't feel the right side of his face"])
def test_told_when_to_get_help_first(tmp_path: Path, said: str) -> None:
    reply = voice_text_replies([said], tmp_path)[0]
    assert reply["say"].startswith(phrases.SEEN_NOW), reply
    assert "emergency number" in reply["say"]
    assert reply["outcome"] == "confirm", reply
    assert "seek medical attention" in reply["match"]["title"], reply


@pytest.mark.parametrize("said", ["can ms make it hard to move my legs",
                                  "why can't I move my legs in the morning",
                                  "how do I move my legs when they are stiff"])
def test_a_question_about_moving_is_not_a_sign_told(said: str) -> None:
    assert not sign_seen_now(said)
