""""What about at night?" after a question (session 32, at_night.asked_again_at_night):
after "what helps with spasms" or "what causes spasms" it was read Impact on
Daily Life in full (the night alone pulls that section). Now the question
before is asked again at night: what helps at night gets the at-night
offers, anything else is matched whole and only offered. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation import phrases
from voice.conversation.at_night import asked_again_at_night

from .conftest import voice_text_replies


@pytest.mark.parametrize("night", ["what about at night", "and at night?",
                                   "what about during the night"])
def test_what_helps_then_at_night(tmp_path: Path, night: str) -> None:
    first, then = voice_text_replies(["what helps with spasms", night], tmp_path)
    assert first["outcome"] == "answer"
    assert then["outcome"] == "confirm", then
    assert then["say"].startswith(phrases.AT_NIGHT), then


def test_another_question_at_night_is_only_offered(tmp_path: Path) -> None:
    first, then = voice_text_replies(["what causes spasms", "what about at night"], tmp_path)
    assert first["outcome"] == "answer"
    assert then["outcome"] == "confirm", then
    assert then["match"]["title"] == first["match"]["title"], then


def test_only_a_night_said_after_a_question() -> None:
    assert asked_again_at_night("what about at night", "what helps spasms") == (
        "what helps spasms at night")
    assert asked_again_at_night("what about at night", "") is None
    assert asked_again_at_night("what about diet", "what helps spasms") is None
    assert asked_again_at_night("do spasms get worse at night", "what helps spasms") is None
    assert asked_again_at_night("at night", "what about at night") is None
