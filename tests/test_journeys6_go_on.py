"""Journey: a long answer read in parts ("Shall I go on?") in `voice text`,
`voice listen` and `voice ptt` (2026-12-02). The assistant silenced itself
for every answer and, with it, forgot the answer's unread parts: "yes" or
"go on" got "All right. What else would you like to know?" / "That's all I
have on that", and the rest was never read. Pressing the button to answer
did the same; and after "stop", "go on" said "That's all I have on that".
The tests failed before the fix (docs/user-journeys.md)."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest

from voice import config as config_mod
from voice.app import Assistant, build_assistant
from voice.content.loader import load_knowledge
from voice.conversation import Conversation, phrases

from .conftest import CONTENT, voice_text_replies

#: A shipped entry read in two parts.
LONG_QUESTION = "how can caregivers cope"


def _text(lines: list[str], tmp_path: Path) -> list[dict[str, object]]:
    return voice_text_replies(lines, tmp_path)


@pytest.mark.parametrize("said", ["yes", "go on", "tell me more"])
def test_the_rest_of_an_answer_is_read_in_voice_text(said: str, tmp_path: Path) -> None:
    first, rest = _text([LONG_QUESTION, said], tmp_path)
    assert first["more"] and str(first["say"]).endswith(phrases.GO_ON)
    assert rest["outcome"] == "answer" and rest["match"] == first["match"], rest
    assert str(rest["say"]) and str(rest["say"]) in str(first["answer"])


def test_after_stop_go_on_reads_the_rest(tmp_path: Path) -> None:
    first, stopped, rest, after = _text([LONG_QUESTION, "stop", "go on", "go on"], tmp_path)
    assert stopped["say"] == phrases.STOPPED
    assert rest["outcome"] == "answer" and str(rest["say"]) in str(first["answer"])
    assert after["say"] == phrases.NO_MORE or after["outcome"] == "confirm"


def test_no_to_shall_i_go_on_then_go_on_reads_the_rest() -> None:
    talk = Conversation(load_knowledge([CONTENT]))
    first = talk.respond(LONG_QUESTION)
    assert talk.respond("no").say == phrases.WHAT_ELSE
    rest = talk.respond("go on")
    assert rest.outcome == "answer" and rest.match == first.match


def test_a_button_press_to_answer_keeps_the_unread_parts(tmp_path: Path) -> None:
    """What `voice ptt` does on a press: silence the speech, then the
    answer heard. A long press (a real stop) sets the parts aside for "go on"."""
    args = argparse.Namespace(no_speak=False, speak_to=tmp_path / "spoken")
    assistant: Assistant = build_assistant(config_mod.Config(), args, persist=False)
    assistant.out = io.StringIO()
    first = assistant.handle_text(LONG_QUESTION)
    assistant.stop_speaking(forget_parts=False)  # the press that starts listening
    rest = assistant.handle_text("yes")
    assert rest["outcome"] == "answer" and rest["match"] == first["match"]
    assistant.handle_text(LONG_QUESTION)
    assistant.stop_speaking()  # a long press: stop
    assert assistant.handle_text("go on")["outcome"] == "answer"
    assistant.wait()
