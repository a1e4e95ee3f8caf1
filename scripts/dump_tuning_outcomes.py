#!/usr/bin/env python3
"""Write what the shipped matcher and conversation do with every typed line of
the tuning sets (never a held-out half), one line each, so that two versions of
the code can be compared item by item with ``diff``:

    .venv/bin/python scripts/dump_tuning_outcomes.py > /tmp/before.txt
    (change the code)
    .venv/bin/python scripts/dump_tuning_outcomes.py > /tmp/after.txt
    diff /tmp/before.txt /tmp/after.txt

Each line: set, question, the conversation's outcome, the entry answered or
offered first (and the others offered). ``health-heldout.tsv`` is read: it has
been a tuning set since branch scope-e (tests/data/README.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from voice.content.loader import load_knowledge  # noqa: E402
from voice.conversation.conversation import Conversation  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402

DATA = REPO / "tests" / "data"
#: Every typed tuning set; no held-out half but the old one, tuning since.
TUNING = ("tuning.tsv", "dev.tsv", "foreign-tuning.tsv", "health-tuning.tsv",
          "health-heldout.tsv", "health-tuning2.tsv", "health-tuning3.tsv",
          "health-tuning4.tsv", "medquad-tuning.tsv", "kqa-tuning.tsv",
          "covidq-tuning.tsv")


def lines(name: str) -> list[str]:
    return [line.split("\t")[0] for line in (DATA / name).read_text().splitlines()
            if line.strip() and not line.startswith("#")]


def main() -> int:
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    for name in TUNING:
        assert "heldout" not in name or name == "health-heldout.tsv"
        for q in lines(name):
            reply = Conversation(kb, matcher=matcher).respond(q)
            r = matcher.match(q)
            offered = [e.id for e in r.offered] if r.outcome == "confirm" else []
            first = r.entry.id if r.entry is not None and r.outcome != "no_match" else "-"
            print(f"{name}\t{q}\t{reply.outcome}\t{first}\t{'|'.join(offered)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
