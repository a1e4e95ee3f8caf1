"""Helpers shared by the subcommands: settings from flags."""

from __future__ import annotations

import argparse
from typing import Any

from voice import config as config_mod
from voice.config import Config

#: argparse dest -> Config field, for flags that override settings.
FLAG_FIELDS = {
    "content": "content_dirs",
    "recognizer": "recognizer",
    "model": "model",
    "adaptation": "adaptation",
    "input_device": "input_device",
    "output_device": "output_device",
    "silence_timeout": "silence_timeout",
    "start_timeout": "start_timeout",
    "max_utterance": "max_utterance",
    "rate": "rate",
    "volume": "volume",
    "voice": "voice",
    "mode": "mode",
    "gpio": "button_pin",
    "led": "led_pin",
    "pwm_led": "pwm_led",
    "long_press": "long_press",
    "double_press": "double_press",
}


def seconds(text: str) -> float:
    """argparse type: a positive number of seconds, at most ten minutes."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value <= 600:
        raise argparse.ArgumentTypeError("give a number of seconds between 0 and 600")
    return value


def add_recognizer_arguments(parser: argparse.ArgumentParser) -> None:
    """The recognizer options of every command that turns speech into text."""
    parser.add_argument("--recognizer", choices=("auto", "whisper", "vosk", "pocketsphinx"),
                        help="speech recognizer (default auto: Whisper when its model is "
                             "installed and verified, else Vosk, else PocketSphinx)")
    parser.add_argument("--model", metavar="DIR", help="Vosk model folder")
    # store_false with default None: None means "not given", so the settings
    # file still decides unless the flag is there (see config_from_args).
    parser.add_argument("--no-adaptation", dest="adaptation", action="store_false",
                        default=None,
                        help="this time, ignore the adaptation to your voice made by "
                             "'voice adapt' (PocketSphinx only; it is kept)")


def add_microphone_arguments(parser: argparse.ArgumentParser, what: str,
                             silence_note: str = "") -> None:
    """The microphone options every listening command takes; ``what`` is
    what the user says ("question", "sentence"); ``silence_note`` says when
    silence does not end it (push-to-talk's hold mode)."""
    parser.add_argument("--input-device", metavar="NAME",
                        help="part of the microphone's name (default: the system's)")
    parser.add_argument("--silence-timeout", type=seconds, metavar="S",
                        help=f"seconds of silence that end a {what}{silence_note} (default 2)")
    parser.add_argument("--start-timeout", type=seconds, metavar="S",
                        help=f"seconds to wait for a {what} to begin (default 15)")
    parser.add_argument("--max-utterance", type=seconds, metavar="S",
                        help=f"longest {what} in seconds (default 30)")
    parser.add_argument("--no-cues", action="store_true",
                        help="no tones when listening starts and stops")


def config_from_args(args: argparse.Namespace, forgiving: bool = False) -> Config:
    """The settings in force for a command (``forgiving``: see config.load)."""
    overrides: dict[str, Any] = {}
    for dest, field_name in FLAG_FIELDS.items():
        value = getattr(args, dest, None)
        if value is not None:
            overrides[field_name] = value
    return config_mod.load(getattr(args, "config", None), overrides, forgiving=forgiving)
