#!/usr/bin/env python3
"""How many lines of each question set are met as feelings, and what that
changes in the conversation's reply: prints figures, asserts nothing.

    .venv/bin/python scripts/benchmark_feelings.py          # figures per set
    .venv/bin/python scripts/benchmark_feelings.py --show   # + the tuning sets' lines

A line not met as a feeling takes exactly the path it took before
(voice/conversation/feelings.py is asked first, and only its lines go
elsewhere), so only those lines are replied to twice here: with the
feelings check, and without it (as before). Held-out sets are printed as
totals only, never line by line.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from voice.content.loader import load_knowledge  # noqa: E402
from voice.conversation import Conversation  # noqa: E402
from voice.conversation import questions as conversation_mod  # noqa: E402
from voice.conversation.feelings import feeling_of  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402

DATA = REPO / "tests" / "data"
TUNING = ("tuning.tsv", "dev.tsv", "foreign-tuning.tsv", "health-tuning.tsv",
          "health-heldout.tsv", "health-tuning2.tsv", "health-tuning3.tsv",
          "medquad-tuning.tsv", "kqa-tuning.tsv")
HELD_OUT = ("heldout.tsv", "foreign-heldout.tsv", "health-heldout2.tsv",
            "health-heldout3.tsv", "medquad-heldout.tsv", "kqa-heldout.tsv")


def lines(name: str) -> list[str]:
    return [row.split("\t")[0] for row in (DATA / name).read_text().splitlines()
            if row.strip() and not row.startswith("#")]


def outcome(matcher: Matcher, line: str, feelings: bool) -> str:
    original = conversation_mod.feeling_of
    if not feelings:
        conversation_mod.feeling_of = lambda text: None
    try:
        return Conversation(matcher.kb, matcher).respond(line).outcome
    finally:
        conversation_mod.feeling_of = original


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print the tuning sets' lines")
    args = parser.parse_args()
    matcher = Matcher(load_knowledge([REPO / "content"]))
    print("set: lines, met as feelings (by tone); reply outcome before -> after")
    for name in (*TUNING, *HELD_OUT):
        rows = lines(name)
        found = [(line, f) for line in rows if (f := feeling_of(line)) is not None]
        tones = Counter(f.tone for _, f in found)
        changes = Counter(f"{outcome(matcher, line, False)} -> {outcome(matcher, line, True)}"
                          for line, _ in found)
        held = " (held out)" if name in HELD_OUT else ""
        print(f"{name}{held}: {len(rows)} lines, {len(found)} feelings {dict(tones)}; "
              f"{dict(changes)}")
        if args.show and name in TUNING:
            for line, f in found:
                print(f"    {line!r}: {f.tone} {f.word!r}: "
                      f"{outcome(matcher, line, False)} -> {outcome(matcher, line, True)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
