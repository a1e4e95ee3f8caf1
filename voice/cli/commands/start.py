"""`voice` with no command: start the assistant the most accessible way available.

Hands-free listening when a microphone is there; otherwise typing, said
aloud so that someone who cannot see the screen knows what happened.
"""

from __future__ import annotations

import argparse

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
    from voice.audio.devices import NO_MICROPHONE, find_input_device
    from voice.audio.sound_server import ensure_sound_server, only_placeholder_input

    cfg = config_from_args(args, forgiving=True)  # a mistake in a file must not stop it
    # Before looking for a microphone or a speaker: with no sound server
    # running PortAudio lists no devices at all (the silent first run).
    ensure_sound_server()
    try:
        if not cfg.input_device and only_placeholder_input():
            # No sound hardware: the only "input" is the monitor of the
            # placeholder sink, which would only ever hear the assistant.
            raise MicrophoneUnavailable(NO_MICROPHONE)
        find_input_device(cfg.input_device)
    except MicrophoneUnavailable:
        # Said aloud and printed by the one assistant text mode builds.
        return text.run(args, greeting=NO_MIC)
    return listen.run(args)
