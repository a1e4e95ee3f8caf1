"""Session 25 (branch journey26): what a tired user or a caregiver says
around the questions, typed into `voice text`: each was declined ("Sorry,
I don't have an answer for that ...")."""

from __future__ import annotations

from pathlib import Path

from voice.conversation import phrases

from .conftest import voice_text_replies


def test_said_around_the_questions(tmp_path: Path) -> None:
    replies = voice_text_replies(
        ["what causes spasms", "what was that again", "thanks that helps", "am i dying"],
        tmp_path)
    assert replies[0]["outcome"] == "answer"
    # The answer again, not "I don't have an answer for that".
    assert replies[1]["command"] == "repeat" and replies[1]["say"] == replies[0]["say"]
    assert replies[2]["command"] == "thanks"
    # A fear about one's future, met as "will I die" is (not an emergency:
    # tests/test_emergency_phrases.py); it was declined.
    assert replies[3]["outcome"] == "confirm" and replies[3]["say"].startswith(phrases.WORRY)
