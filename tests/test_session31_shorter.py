""""Is there a shorter version?" is told what it can do (session 31): it was
declined as off the subject, the third such line reading out the whole
topic list to someone who had asked for less, and "just give me the short
answer" was offered the Conclusion. It stops, says it reads a part at a
time, and "go on" still reads the next part. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import voice_text_replies

#: An answer of two parts (78 words; speech_parts.PART_WORDS is 60).
LONG = "tell me about coping strategies for individuals and caregivers"


@pytest.mark.parametrize("said", ["is there a shorter version", "that is too long",
                                  "just give me the short answer", "keep it short"])
def test_asked_for_less_it_says_how_to_hear_less(tmp_path: Path, said: str) -> None:
    replies = voice_text_replies([LONG, said, "go on"], tmp_path)
    assert replies[0]["say"].endswith("Shall I go on?"), replies[0]
    assert replies[1]["outcome"] == "command", replies[1]
    assert "a part at a time" in replies[1]["say"] and "'stop'" in replies[1]["say"], replies[1]
    # The rest is kept: "go on" reads the second part.
    assert replies[2]["say"].startswith("Mental health support"), replies[2]


def test_before_any_answer_it_says_there_is_none_yet(tmp_path: Path) -> None:
    reply = voice_text_replies(["is there a shorter version"], tmp_path)[0]
    assert reply["say"].startswith("I haven't read you an answer yet"), reply
