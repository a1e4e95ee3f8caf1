"""A topic chosen in other words (session 33, conversation/choices.py):
"go to topic 3" was offered the Introduction, "the first topic" the
early-signs FAQ. Now read, as "topic three" is; "topic to" (a heard "two")
is still topic 2. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation.choices import find_choice

from .conftest import voice_text_replies


@pytest.mark.parametrize("said, number", [
    ("go to topic 3", 3), ("can we go back to topic two", 2), ("jump to number 7", 7),
    ("the first topic", 1), ("first topic please", 1), ("the second topic", 2),
    ("topic to", 2), ("take me to topic ten", 10),
])
def test_chosen(said: str, number: int) -> None:
    choice = find_choice(said)
    assert choice is not None and choice.number == number, (said, choice)


@pytest.mark.parametrize("said", ["first", "the second one", "go to the doctor",
                                  "how do i go to sleep", "go to the topic of diet"])
def test_not_a_topic(said: str) -> None:
    assert find_choice(said) is None, said


def test_in_a_conversation(tmp_path: Path) -> None:
    replies = voice_text_replies(["list topics", "go to topic 3", "the first topic"], tmp_path)
    assert replies[1]["outcome"] == "answer", replies[1]
    assert replies[1]["match"]["title"] == "Causes and Risk Factors", replies[1]
    assert replies[2]["match"]["title"] == "Introduction", replies[2]
