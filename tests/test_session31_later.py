"""Putting it off is met as a rest (session 31): "can we continue later",
"let's carry on another day", "I'll ask you later", "maybe later" were
declined as off the subject, and "I'm too tired to talk" was offered the
Coping entry, to someone with no strength left to say no. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation.resting import wants_to_rest

from .conftest import voice_text_replies


@pytest.mark.parametrize("said", [
    "can we continue later", "let's carry on another day", "I'll ask you later",
    "maybe later", "I'm too tired to talk", "I am too tired to listen", "lets stop for today",
])
def test_put_off_it_rests_until_woken(tmp_path: Path, said: str) -> None:
    rest, after = voice_text_replies([said, "what should i eat"], tmp_path)
    assert rest["say"].startswith("Of course. Rest well."), rest
    assert after["say"] == "", after  # quiet until "wake up", not answered


@pytest.mark.parametrize("line", [
    "can we talk about treatment later", "can we continue", "later",
    "why am i too tired to walk", "is it normal to be too tired to talk",
])
def test_questions_are_not_taken_for_it(line: str) -> None:
    assert not wants_to_rest(line), line
