#!/usr/bin/env python3
"""How many lines of each question set start by telling who has the
condition ("my wife has MS, ..."; voice/conversation/on_behalf.py), and
what matching the question after it changes: prints figures, asserts nothing.

    .venv/bin/python scripts/benchmark_on_behalf.py          # figures per set
    .venv/bin/python scripts/benchmark_on_behalf.py --show   # + the tuning sets' lines

Only the lines taken are replied to twice (with the rule, and without it, as
before); every other line takes exactly the path it took before. Held-out
sets are printed as totals only, never line by line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from voice.content.loader import load_knowledge  # noqa: E402
from voice.conversation import Conversation  # noqa: E402
from voice.conversation import two_part_lines as conversation_mod  # noqa: E402
from voice.conversation.on_behalf import asked_for  # noqa: E402
from voice.conversation.reply import Reply  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402

DATA = REPO / "tests" / "data"


def rows(path: Path) -> list[tuple[str, str]]:
    out = []
    for row in path.read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            line, _, label = row.partition("\t")
            out.append((line, label.strip()))
    return out


def reply(matcher: Matcher, line: str, rule: bool) -> tuple[str, str]:
    original = conversation_mod.asked_for
    if not rule:
        conversation_mod.asked_for = lambda text: None
    try:
        got = Conversation(matcher.kb, matcher).respond(line)
    finally:
        conversation_mod.asked_for = original
    return got.outcome, got.match.id if got.match is not None else "-"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print the tuning sets' lines")
    parser.add_argument("--heldout", action="store_true",
                        help="also heldout.tsv's questions told first (read once, at the end)")
    args = parser.parse_args()
    matcher = Matcher(load_knowledge([REPO / "content"]))
    print("set: lines, taken; of those, right before -> after (in scope: the labelled "
          "entry answered or offered first; out of scope: declined)")
    for path in sorted(DATA.glob("*.tsv")):
        held_out = "heldout" in path.name
        taken = [(line, label) for line, label in rows(path) if asked_for(line) is not None]
        right = [0, 0]
        for line, label in taken:
            for i, rule in enumerate((False, True)):
                outcome, entry = reply(matcher, line, rule)
                ok = (outcome == "no_match") if label in ("-", "") else (entry == label)
                right[i] += ok
            if args.show and not held_out:
                print(f"    {line!r} [{label}]: {reply(matcher, line, False)} -> "
                      f"{reply(matcher, line, True)}")
        print(f"{path.name}: {len(rows(path))}, taken {len(taken)}; right {right[0]} -> "
              f"{right[1]}")
    # The sets hold almost no such line: their questions told first, the
    # tellings taken in turn. In scope: the labelled entry answered / offered
    # first, another answered ("wrong answer"), or other; out of scope:
    # declined, or other (an answer or an offer).
    names = ("tuning.tsv", "dev.tsv", *(("heldout.tsv",) if args.heldout else ()))
    for name in names:
        asked = [(line, label) for line, label in rows(DATA / name)]
        for rule in (False, True):
            tally = {"answered": 0, "offered": 0, "wrong answer": 0, "other": 0,
                     "out of scope declined": 0}
            for i, (line, label) in enumerate(asked):
                told = f"{TELLINGS[i % len(TELLINGS)]}, {line}"
                got = Conversation(matcher.kb, matcher).respond(told) if rule else \
                    _without(matcher, told)
                entry = got.match.id if got.match is not None else "-"
                key = ("out of scope declined" if label in ("-", "") and got.outcome not in
                       ("answer", "confirm") else
                       "answered" if got.outcome == "answer" and entry == label else
                       "offered" if got.outcome == "confirm" and entry == label else
                       "wrong answer" if got.outcome == "answer" else "other")
                tally[key] += 1
            print(f"{name}, told first ({len(asked)} lines), "
                  f"{'with' if rule else 'without'} the rule: {tally}")
    return 0


def _without(matcher: Matcher, line: str) -> Reply:
    original = conversation_mod.asked_for
    conversation_mod.asked_for = lambda text: None
    try:
        return Conversation(matcher.kb, matcher).respond(line)
    finally:
        conversation_mod.asked_for = original


#: Tellings put before the sets' questions, in turn.
TELLINGS = ("my husband has MS", "I look after my mum who has ALS",
            "my wife has myasthenia gravis", "I have MS", "my dad was diagnosed with MND")


if __name__ == "__main__":
    raise SystemExit(main())
