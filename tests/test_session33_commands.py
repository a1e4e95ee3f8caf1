"""Commands a tired user says in their own words (session 33, typed into
`voice text`): each was declined as off the subject before ("Sorry, I don't
have an answer for that"), and the third such line read out the whole topic
list. Real `voice text`; the data check is test_commands_data.py's kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation.commands import find_command
from voice.conversation.resting import wants_to_rest

from .conftest import voice_text_replies


@pytest.mark.parametrize("said, command", [
    ("go faster", "faster"), ("go slower", "slower"),
    ("be quiet for a minute", "pause"), ("stop for a moment", "pause"),
    ("that will do", "stop"), ("no more", "stop"),
    ("use simpler words", "simpler"), ("can you say it in plain English", "simpler"),
])
def test_said_in_own_words(said: str, command: str) -> None:
    assert find_command(said) == command, said


@pytest.mark.parametrize("said", ["that's enough for today", "we can stop now",
                                  "that will be all for today", "you can stop"])
def test_a_stop_for_today_is_a_rest(said: str) -> None:
    assert wants_to_rest(said), said


@pytest.mark.parametrize("said", ["can we stop the spasms", "no more spasms",
                                  "is there no more hope", "can I stop my medication",
                                  "what can i do to go faster"])
def test_questions_are_not_taken_for_them(said: str) -> None:
    assert find_command(said) is None and not wants_to_rest(said), said


def test_in_a_conversation(tmp_path: Path) -> None:
    replies = voice_text_replies(
        ["go faster", "be quiet for a minute", "what helps spasms", "use simpler words",
         "slower and faster", "that's enough for today"], tmp_path)
    faster, pause, _answer, simpler, opposites, rest = replies
    assert faster["say"].startswith("All right, I'll speak faster"), faster
    assert pause["say"].startswith("All right, I'll wait"), pause
    # After an answer it says it cannot say it otherwise, and what it can do.
    assert simpler["outcome"] == "command" and "don't have an answer" not in simpler["say"], simpler
    # Opposites: nothing changed, and which one is asked.
    assert opposites["say"] == ("I can't do both at once, so I've left it as it was. "
                                "Say 'slower' or 'faster'."), opposites
    assert rest["say"].startswith("Of course. Rest well."), rest


def test_opposites_leave_the_speed_as_it_was(tmp_path: Path) -> None:
    import json

    voice_text_replies(["slower and faster"], tmp_path)
    settings = tmp_path / "voice" / "voice-settings.json"
    assert not settings.exists() or "rate" not in json.loads(settings.read_text()), \
        settings.read_text()
