#!/usr/bin/env python3
"""Session 28 (branch scope32): the fresh tuning sets in tests/data/tuning32/
(written by the helper, tuning only, never held out), one line per question
with ``--dump FILE`` (set, question, outcome, first entry, offered) to diff two
versions of the code, and a summary per set as tune_scope18.py prints it.

    .venv/bin/python scripts/tune_scope32.py [--dump /tmp/after.txt] [--misses]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from tune_scope18 import outcome  # noqa: E402

from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402

DATA = REPO / "tests" / "data" / "tuning32"
SETS = ("inscope-tuning32.tsv", "health-tuning32.tsv")


def rows(name: str) -> list[tuple[str, set[str] | None]]:
    """(question, expected entry ids, or None when out of scope)."""
    out: list[tuple[str, set[str] | None]] = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        q, _, e = line.partition("\t")
        e = e.strip()
        out.append((q, None if e in ("-", "") else set(e.split("|"))))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump")
    ap.add_argument("--misses", action="store_true", help="print every line missed")
    args = ap.parse_args()
    kb = load_knowledge([REPO / "content"])
    m = Matcher(kb)
    dump: list[str] = []
    for name in SETS:
        right = strict = wrong = n_in = declined = answered = n_out = 0
        for q, e in rows(name):
            reply, r, line = outcome(kb, m, name, q)
            first, offered = line.split("\t")[3:5]
            dump.append(line)
            if e is None:
                n_out += 1
                declined += reply.outcome not in ("answer", "confirm")
                answered += reply.outcome == "answer"
                if args.misses and reply.outcome in ("answer", "confirm"):
                    print(f"  TAKEN {reply.outcome}: {q} -> {first} [{offered}]")
                continue
            n_in += 1
            hit = r.outcome != "no_match" and r.entry is not None and r.entry.id in e
            right += hit
            strict += hit and r.outcome == "answer"
            bad = r.outcome == "answer" and r.entry is not None and r.entry.id not in e
            wrong += bad
            if args.misses and (not hit or bad):
                print(f"  MISS {r.outcome} {r.score:.1f}: {q} -> {first} [{offered}] "
                      f"want {'|'.join(sorted(e))}")
        if n_in:
            print(f"{name:24} in-scope right {right}/{n_in}, answered outright right {strict}, "
                  f"answered wrong {wrong}")
        if n_out:
            print(f"{name:24} out declined {declined}/{n_out}, answered {answered}")
    if args.dump:
        Path(args.dump).write_text("\n".join(dump) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
