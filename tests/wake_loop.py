"""The wake-phrase loop of `voice listen` built in process, as listen.py
builds it: the options, the assistant, the installed Whisper model (wrapped
by the test), the session and the wake detector. Tests that feed the
virtual microphone and watch what the loop does start from here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .conftest import REPO


@dataclass
class WakeLoop:
    assistant: Any
    rec: Any
    session: Any
    detector: Any


def wake_loop(settings: Path, wrap: Callable[[Any], Any], *options: str,
              follow: bool = False) -> WakeLoop:
    """``voice listen`` with ``settings`` and ``options``, its recognizer the
    real Whisper model as ``wrap`` returns it; ``follow``: primed for changed
    content, as listen's _load_recognizer does."""
    from voice.app import build_assistant
    from voice.cli.commands.listen import _Session
    from voice.cli.main import build_parser
    from voice.cli.options import config_from_args
    from voice.models.manifest import WHISPER_MODEL
    from voice.speech_in.wake.engine import load_wake_detector
    from voice.speech_in.whisper import WhisperRecognizer

    args = build_parser().parse_args([
        "listen", "--json", "--no-speak", "--no-cues", "--no-barge-in", "--silence-timeout",
        "1.0", "--start-timeout", "60", *options, "--config", str(settings)])
    cfg = config_from_args(args, forgiving=True)
    assistant = build_assistant(cfg, args, json_lines=True, persist=False, forgiving=True)
    kb = assistant.conversation.kb
    rec = wrap(WhisperRecognizer(REPO / "models" / WHISPER_MODEL, kb))
    if follow:
        assert assistant.live is not None
        assistant.live.follow(rec)
    return WakeLoop(assistant, rec, _Session(cfg, args, assistant, rec),
                    load_wake_detector(cfg.wake_phrase, kb=kb))
