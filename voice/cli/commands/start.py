"""`voice` with no command: start the assistant the most accessible way available.

Hands-free listening when a microphone is there; otherwise typing, said
aloud so that someone who cannot see the screen knows what happened.
"""

from __future__ import annotations

import argparse
import sys

from voice.cli.commands import listen, text
from voice.cli.options import config_from_args
from voice.errors import MicrophoneUnavailable

NAME = "start"
HELP = "start the assistant: listen on the microphone, or typing when there is none"
SPEAKS_ERRORS = True
ORDER = 1

NO_MIC = "I can't find a microphone, so I'll answer typed questions instead."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    listen.add_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from voice.audio.devices import find_input_device

    cfg = config_from_args(args)
    try:
        find_input_device(cfg.input_device)
    except MicrophoneUnavailable:
        if not args.no_speak and args.speak_to is None:
            _say_once(args, NO_MIC)
        print(NO_MIC, file=sys.stderr)
        return text.run(args)
    return listen.run(args)


def _say_once(args: argparse.Namespace, message: str) -> None:
    from voice.app import build_assistant

    assistant = build_assistant(config_from_args(args), args, persist=False)
    assistant.speak(message, assistant.conversation.settings)
    assistant.wait()
