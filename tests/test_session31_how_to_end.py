""""How do I turn you off?" gets the help that names "stop" and "goodbye"
(session 31): it was declined as off the subject, so a user who wanted it
quiet was told "I don't have an answer for that". Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import voice_text_replies


@pytest.mark.parametrize("said", ["how do I turn you off", "How do I stop you?",
                                  "how do i switch you off"])
def test_asking_how_to_end_it_is_told_how(tmp_path: Path, said: str) -> None:
    reply = voice_text_replies([said], tmp_path)[0]
    assert reply["outcome"] == "command", reply
    assert "stop" in reply["say"] and "goodbye" in reply["say"], reply
