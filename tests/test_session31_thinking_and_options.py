"""Thinking aloud and asking back for the choices (session 31, `voice
text`): "let me think" was declined with the long "I don't have an answer",
"what were the options again" was read the treatment entry in full (a
wrong answer read in full), "can you list them again" declined. Real
`voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import voice_text_replies


@pytest.mark.parametrize("said", ["let me think", "I'm thinking", "hmm, let me think"])
def test_thinking_aloud_is_waited_for(tmp_path: Path, said: str) -> None:
    reply = voice_text_replies([said], tmp_path)[0]
    assert reply["say"].startswith("All right, I'll wait."), reply


@pytest.mark.parametrize("said", ["what were the options again", "can you list them again"])
def test_the_choices_are_said_again(tmp_path: Path, said: str) -> None:
    offer, again = voice_text_replies(["my legs are stiff", said], tmp_path)
    assert offer["outcome"] == "confirm" and offer["say"].startswith("Did you mean"), offer
    assert again["say"] == offer["say"], again


def test_what_are_the_options_is_still_a_question(tmp_path: Path) -> None:
    reply = voice_text_replies(["what are the options"], tmp_path)[0]
    assert reply["outcome"] == "answer", reply
