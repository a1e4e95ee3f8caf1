"""Entry point of the ``voice`` command.

Each subcommand is a module in ``voice/cli/commands`` with ``NAME``, ``HELP``,
``ORDER``, ``add_arguments(parser)`` and ``run(args) -> int``; they are found
by discovery, so adding a command touches no shared file.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence
from types import ModuleType

from voice import __version__
from voice.cli import commands
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
        p.set_defaults(run=mod.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    words = list(sys.argv[1:] if argv is None else argv)
    if not words or (words[0].startswith("-") and words[0] not in ("-h", "--help", "--version")):
        # A bare `voice` starts the assistant the most accessible way available.
        words = ["start", *words]
    args = parser.parse_args(words)
    try:
        return int(args.run(args))
    except VoiceError as e:
        print(f"voice: {e.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("voice: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
