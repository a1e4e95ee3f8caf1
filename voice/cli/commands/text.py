"""`voice text`: the typed fallback mode, one line in, one reply out."""

from __future__ import annotations

import argparse
import sys

from voice.app import add_output_arguments, build_assistant
from voice.cli.options import config_from_args
from voice.cli.typed import LineReader

NAME = "text"
HELP = "type questions and commands instead of speaking them"
ORDER = 30

INTRO = (
    "Type a question and press Enter. Type 'help' for what you can ask, "
    "'stop' to stop speaking, or 'quit' to leave."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object per reply")
    add_output_arguments(parser)


def run(args: argparse.Namespace, greeting: str | None = None) -> int:
    """Typed questions until 'quit' or the end of input; ``greeting`` is
    said (and printed) first."""
    cfg = config_from_args(args, forgiving=True)  # a mistake in a file must not stop it
    assistant = build_assistant(cfg, args, json_lines=args.json, forgiving=True)
    if greeting:
        assistant.say(greeting)
    lines = LineReader("> ")
    interactive = lines.interactive
    if interactive and not args.json:
        print(INTRO, file=sys.stderr)
    while not assistant.wants_exit:
        line = lines.read()
        if line is None:
            if interactive:
                # Ctrl-D: end the prompt's line and say goodbye, as 'quit' does.
                print(file=sys.stderr)
                assistant.handle_text("quit")
            break
        data = assistant.handle_text(line)
        if data["command"] == "asleep" and not args.json:
            print("(I'm asleep. Type 'wake up' to talk to me, or 'quit' to leave.)",
                  file=sys.stderr)
        if not interactive:
            # Piped input: finish each reply before the next, as a listener would.
            assistant.wait()
    assistant.wait()
    return 0
