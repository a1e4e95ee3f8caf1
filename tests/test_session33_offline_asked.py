"""Asked whether it needs the internet (session 33, commands._OFFLINE):
"do you work without internet" was declined as off the subject. Now said
plainly; the statement is held true by tests/test_whisper_cli.py (answering a
spoken question opens no socket). Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation import phrases
from voice.conversation.commands import find_command

from .conftest import voice_text_replies


@pytest.mark.parametrize("said", ["do you work without internet", "does this need the internet",
                                  "are you online", "do you need wifi", "can it run offline"])
def test_asked(said: str) -> None:
    assert find_command(said) == "offline", said


@pytest.mark.parametrize("said", ["what is the wifi password", "is the internet down",
                                  "can i find support groups online", "are there online forums"])
def test_not_asked(said: str) -> None:
    assert find_command(said) != "offline", said


def test_said(tmp_path: Path) -> None:
    reply, = voice_text_replies(["do you work without internet?"], tmp_path)
    assert reply["say"] == phrases.OFFLINE and reply["outcome"] == "command", reply
