"""A call for help alone ("help!", "help me", "I need help"), said without
the wake phrase, gets the emergency advice (unaddressed.help_cry); said to
the assistant, "help" is still the help command.

The rule is tested on recorded transcripts (what Whisper writes for such
cries), not on the hearing; scripts/benchmark_unaddressed.py --help-phrases
measures that.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from voice.audio.capture import Utterance
from voice.audio.clip import RECOGNIZER_RATE, AudioClip
from voice.speech_in.base import RecognitionStream, Transcript
from voice.speech_in.wake.unaddressed import UnaddressedAlarm


class _Heard:
    """A recognizer that hears the words given."""

    name = "recorded"
    decodes_alongside = True

    def __init__(self, text: str) -> None:
        self.text = text

    def transcribe(self, clip: AudioClip) -> Transcript:
        return Transcript(self.text, self.name)

    def stream(self) -> RecognitionStream:  # pragma: no cover - not used
        raise NotImplementedError


def _short() -> Utterance:
    clip = AudioClip(np.zeros(2 * RECOGNIZER_RATE, np.int16), RECOGNIZER_RATE, 1)
    return Utterance(clip, "silence", True, 0.3, 1.1, 3.0)


@pytest.mark.parametrize("said", ["Help!", "Help.", "Help me!", "Please help me.",
                                  "I need help.", "Help me, please!", "Help! Help!"])
def test_a_call_for_help_alone_is_a_cry(said: str) -> None:
    assert UnaddressedAlarm(_Heard(said)).heard(_short()) is not None  # type: ignore[arg-type]


@pytest.mark.parametrize("said", ["Help me up.", "Can you help me with this?",
                                  "Thanks for the help.", "Help yourself.",
                                  "Can I help?", "Help is on the way."])
def test_help_in_everyday_talk_is_not(said: str) -> None:
    assert UnaddressedAlarm(_Heard(said)).heard(_short()) is None  # type: ignore[arg-type]


class _Session:
    def __init__(self, assistant: Any) -> None:
        self.assistant = assistant

    def cue(self, name: str, blocking: bool = True) -> None:
        pass

    def after_reply(self) -> None:
        pass


def test_it_gets_the_emergency_advice_and_addressed_help_stays_the_help_command(
        tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from voice.app import build_assistant
    from voice.cli.main import build_parser
    from voice.cli.options import config_from_args
    from voice.conversation import phrases
    from voice.speech_in.wake.listening import _answer_cry

    args = build_parser().parse_args(["listen", "--json", "--no-speak", "--no-cues"])
    cfg = config_from_args(args, forgiving=True)
    assistant = build_assistant(cfg, args, json_lines=True, persist=False, forgiving=True)
    replies: list[dict[str, Any]] = []
    handle_text = assistant.handle_text

    def noted(*a: Any, **k: Any) -> dict[str, Any]:
        replies.append(handle_text(*a, **k))
        return replies[-1]

    assistant.handle_text = noted  # type: ignore[method-assign]
    _answer_cry(_Session(assistant), Transcript("Help!", "whisper"))
    assert replies[-1]["outcome"] == "emergency", replies
    assert replies[-1]["say"] == phrases.EMERGENCY
    assert replies[-1]["transcript"] == "Help!"  # what was heard, as said
    # Said to the assistant, "help" asks how to use it.
    assert assistant.handle_heard(Transcript("help", "whisper"))["outcome"] == "command"
    assert "not addressed to me, but it sounds like an emergency: 'Help!'" in \
        capsys.readouterr().err
