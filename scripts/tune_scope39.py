#!/usr/bin/env python3
"""Session 33 (branch scope39): the tuning halves of the Question Doctors and
iCliniq sets (tests/data/qdoctors-tuning.tsv, icliniq-tuning.tsv: people's
own questions the content does not cover; scripts/make_forum_sets.py), as
tune_scope32.py judges its sets:
declined or taken, and with ``--dump FILE`` one line per question to diff two
versions of the code. Never the held-out half.

    .venv/bin/python scripts/tune_scope39.py [--dump /tmp/after.txt] [--misses]
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

SETS = ("qdoctors-tuning.tsv", "icliniq-tuning.tsv")


def questions(name: str) -> list[str]:
    assert "heldout" not in name
    path = REPO / "tests" / "data" / name
    return [line for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def main(sets: tuple[str, ...] = SETS) -> int:
    """Each of ``sets`` (tuning halves) judged; tune_scope45.py judges its
    own set with this too."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump")
    ap.add_argument("--misses", action="store_true", help="print every line taken")
    args = ap.parse_args()
    kb = load_knowledge([REPO / "content"])
    m = Matcher(kb)
    dump: list[str] = []
    for name in sets:
        declined = answered = 0
        qs = questions(name)
        for q in qs:
            reply, _, line = outcome(kb, m, name, q)
            dump.append(line)
            taken = reply.outcome in ("answer", "confirm")
            declined += not taken
            answered += reply.outcome == "answer"
            if args.misses and taken:
                first, offered = line.split("\t")[3:5]
                print(f"  TAKEN {reply.outcome}: {q} -> {first} [{offered}]")
        print(f"{name:28} out declined {declined}/{len(qs)}, answered {answered}")
    if args.dump:
        Path(args.dump).write_text("\n".join(dump) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
