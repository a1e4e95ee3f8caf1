"""`voice phrases`: the ways of asking the assistant learned from the user.

When the user answers "Did you mean ...?" with yes, the words they said are
kept (on this device only) and answered outright next time. This lists them,
numbered, and deletes them: all, or one by its number.
"""

from __future__ import annotations

import argparse
import contextlib

from voice.cli.options import config_from_args
from voice.content.loader import load_knowledge
from voice.conversation.personal_store import default_path, load_phrasings, save_phrasings

NAME = "phrases"
HELP = "list (or --forget) the ways of asking the assistant learned from you"
ORDER = 25


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--forget", nargs="?", const="all", metavar="NUMBER",
        help="delete them all, or only the one with this number in the list",
    )


def run(args: argparse.Namespace) -> int:
    path = default_path()
    phrasings, problem = load_phrasings(path)
    if problem:
        print(f"voice: {problem}")
    if args.forget is not None:
        if args.forget == "all":
            n = phrasings.clear()
            gone = f"Forgot {n} way{'s' if n != 1 else ''} of asking."
        else:
            try:
                number = int(args.forget)
            except ValueError:
                print(f"voice: '--forget {args.forget}': give a number from the list, "
                      "or no number to forget them all.")
                return 2
            phrasing = phrasings.forget_number(number)
            if phrasing is None and not len(phrasings):
                # "'voice phrases' lists 0." read as if something was wrong.
                print(f"voice: there is no number {number}: no ways of asking are learned "
                      "yet, so there is nothing to forget.")
                return 2
            if phrasing is None:
                print(f"voice: there is no number {number}; 'voice phrases' lists "
                      f"{len(phrasings)}, numbered from 1.")
                return 2
            gone = f"Forgot {number}: \"{phrasing.words}\"."
        problem = save_phrasings(phrasings, path)
        if problem:
            print(f"voice: {problem}")
            return 1
        print(gone)
        return 0
    if not len(phrasings):
        print("No ways of asking learned yet. When you answer 'Did you mean ...?' with yes, "
              "the words you said are kept here, on this device only.")
        return 0
    titles: dict[str, str] = {}
    # The list is still worth showing without the titles (content broken).
    with contextlib.suppress(Exception):
        kb = load_knowledge(config_from_args(args).content_dirs)
        titles = {e.id: e.title for e in kb.entries}
    print(f"Ways of asking learned from you ({path}):")
    for n, p in enumerate(phrasings.items, 1):
        when = f" (learned {p.learned})" if p.learned else ""
        print(f"  {n:>3}. \"{p.words}\" -> {titles.get(p.entry_id, p.entry_id)}{when}")
    print("Forget one with 'voice phrases --forget NUMBER', all with 'voice phrases --forget'.")
    return 0
