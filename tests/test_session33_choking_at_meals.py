"""Choking or coughing at meals, told (session 33, conversation/seen_now.py):
"he chokes when he eats" and "she coughs when she drinks" were declined as
off the subject. A swallowing problem is a worrying sign: the reply says
when to get help first, as for "he can't swallow properly". Choking now is
still an emergency. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation.seen_now import sign_seen_now

from .conftest import voice_text_replies


@pytest.mark.parametrize("said", ["he chokes when he eats", "she coughs when she drinks",
                                  "my dad coughs every time he drinks water",
                                  "my mum keeps coughing when she eats",
                                  "he splutters while eating"])
def test_told_at_meals(said: str) -> None:
    assert sign_seen_now(said), said


@pytest.mark.parametrize("said", ["why does he choke when he eats",
                                  "can ms make you cough when you drink",
                                  "he coughs a lot", "she eats well"])
def test_questions_and_other_lines_are_not(said: str) -> None:
    assert not sign_seen_now(said), said


def test_the_reply_says_when_to_get_help(tmp_path: Path) -> None:
    told, now = voice_text_replies(["he chokes when he eats", "he is choking"], tmp_path)
    assert told["outcome"] == "confirm", told
    assert "call" in told["say"] and "emergency" in told["say"], told
    assert "don't have an answer" not in told["say"], told
    assert now["outcome"] == "emergency", now
