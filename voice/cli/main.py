"""Entry point of the ``voice`` command.

Each subcommand is a module in ``voice/cli/commands`` with ``NAME``, ``HELP``,
``ORDER``, ``add_arguments(parser)`` and ``run(args) -> int``; they are found
by discovery, so adding a command touches no shared file.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import pkgutil
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from voice import __version__
from voice.cli import commands, starting
from voice.errors import VoiceError


def _command_modules() -> list[ModuleType]:
    mods = [
        importlib.import_module(f"{commands.__name__}.{info.name}")
        for info in pkgutil.iter_modules(commands.__path__)
        if not info.name.startswith("_")
    ]
    return sorted((m for m in mods if hasattr(m, "NAME")), key=lambda m: (m.ORDER, m.NAME))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="voice",
        description="Offline spoken answers about chronic spasms and neuromuscular disorders.",
    )
    parser.add_argument("--version", action="version", version=f"voice {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for mod in _command_modules():
        p = sub.add_parser(mod.NAME, help=mod.HELP, description=mod.HELP)
        p.add_argument(
            "--config", metavar="FILE", help="settings file (TOML); see 'voice config'"
        )
        p.add_argument(
            "--content",
            metavar="DIR",
            action="append",
            help="content folder or file (repeat to merge several)",
        )
        mod.add_arguments(p)
        # The hands-free modes speak a fatal error too: their user may not see a screen.
        p.set_defaults(run=mod.run, speak_errors=getattr(mod, "SPEAKS_ERRORS", False))
    return parser


def _say_aloud(message: str, speak_to: Path | None) -> None:
    """Best effort: the error is already printed; speaking it must never fail."""
    import shutil
    import subprocess

    if speak_to is not None:
        from voice.speech_out.base import VoiceSettings
        from voice.speech_out.wav_speaker import WavFileSpeaker

        with contextlib.suppress(Exception):
            WavFileSpeaker(speak_to).say(message, VoiceSettings())
        return
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        return
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        subprocess.run([espeak, "-s", "140", message], timeout=60, check=False,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main(argv: Sequence[str] | None = None) -> int:
    """The ``voice`` command. Run as a program (``argv`` None) it ends the
    process itself, within a second of finishing or of a Ctrl-C (see
    voice.cli.shutdown); called with ``argv`` (tests) it returns the code."""
    if argv is not None:
        return _main(argv)
    starting.guard()  # the `voice` script enters here, not through __main__
    try:
        from voice.cli import shutdown

        shutdown.watch_interrupts()
    except KeyboardInterrupt:
        raise SystemExit(_stopped()) from None
    shutdown.exit_now(_main(None))


def _main(argv: Sequence[str] | None) -> int:
    try:
        # Building the parser imports every command (numpy, the conversation):
        # about a second here, more on a Pi. A Ctrl-C then (a second press, a
        # change of mind) printed a 30-line traceback ending in
        # KeyboardInterrupt, which a screen reader reads out line by line.
        parser = build_parser()
    except KeyboardInterrupt:
        return _stopped()
    starting.release()  # from here the commands handle Ctrl-C themselves
    words = list(sys.argv[1:] if argv is None else argv)
    if not words or (words[0].startswith("-") and words[0] not in ("-h", "--help", "--version")):
        # A bare `voice` starts the assistant the most accessible way available.
        words = ["start", *words]
    args = parser.parse_args(words)
    try:
        return int(args.run(args))
    except VoiceError as e:
        for line in e.message.splitlines():
            print(f"voice: {line}", file=sys.stderr)
        if getattr(args, "speak_errors", False) and not getattr(args, "no_speak", False):
            _say_aloud(e.message, getattr(args, "speak_to", None))
        return 2
    except KeyboardInterrupt:
        return _stopped()
    except BrokenPipeError:
        return 0


def _stopped() -> int:
    """After a Ctrl-C: silence, one line, exit code 130."""
    from voice.cli.shutdown import STOPPED, stop_all

    # Silence first, then the line: speech cut off by the exit must not
    # be reported as a lost speaker after it.
    stop_all()
    print(f"\n{STOPPED}" if sys.stdin.isatty() else STOPPED, file=sys.stderr)
    return 130
