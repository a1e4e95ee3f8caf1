#!/usr/bin/env python3
"""Typed lines whose outcome a rule of voice/conversation/unfinished.py changes.

Every line of tests/data's typed sets (*.tsv, emergencies-tuning.txt; the
first field) is said to a fresh conversation with the rule off and on, and
the outcomes (answer / confirm / no_match / command ..., the entry, and
whether it was asked to be finished) compared. Prints the count of lines
whose outcome changed, and each of them. Issue 13 (branch hear14): a
pointer with nothing answered before it (``POINTER_QUESTIONS``).

    .venv/bin/python scripts/tune_pointers.py [--constant POINTER_QUESTIONS]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO)]

from voice.content.loader import load_knowledge  # noqa: E402
from voice.conversation import Conversation, unfinished  # noqa: E402

DATA = REPO / "tests" / "data"


def typed_lines() -> list[tuple[str, str]]:
    """(file, line) of every typed set: the first field of each line."""
    out = []
    for f in [*sorted(DATA.glob("*.tsv")), DATA / "emergencies-tuning.txt"]:
        for line in f.read_text(encoding="utf-8").splitlines():
            text = line.split("\t")[0].strip()
            if text and not text.startswith("#"):
                out.append((f.name, text))
    return out


_SHARED: dict[str, object] = {}


def outcome(kb: object, text: str) -> str:
    """What a fresh conversation says to ``text`` (the matcher and the
    typed-line speller shared between conversations: built once)."""
    talk = Conversation(kb, matcher=_SHARED.get("matcher"))  # type: ignore[arg-type]
    talk._speller = _SHARED.get("speller")  # type: ignore[assignment]
    got = talk.respond(text)
    _SHARED.setdefault("matcher", talk.matcher)
    if talk._speller is not None:
        _SHARED.setdefault("speller", talk._speller)
    kind = "asked to finish" if got.say.startswith("I only heard") else got.outcome
    return f"{kind} {got.match.id if got.match else ''}".strip()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--constant", default="POINTER_QUESTIONS",
                    help="the constant of unfinished.py turned off (False) and on (True)")
    args = ap.parse_args()
    kb = load_knowledge([REPO / "content"])
    lines = typed_lines()
    changed = []
    for name, text in lines:
        got = []
        for on in (False, True):
            setattr(unfinished, args.constant, on)
            got.append(outcome(kb, text))
        if got[0] != got[1]:
            changed.append(f"  {name}: {text!r}: {got[0]} -> {got[1]}")
    print(f"{len(lines)} typed lines of tests/data, unfinished.{args.constant} off -> on: "
          f"{len(changed)} changed")
    print("\n".join(changed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
