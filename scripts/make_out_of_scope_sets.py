#!/usr/bin/env python3
"""Rebuilds the out-of-scope test sets in tests/data/ (see tests/data/README.md).

    .venv/bin/python scripts/make_out_of_scope_sets.py NLU_CSV HEALTH_TXT

NLU_CSV: the test-set CSV files of xliuhw/NLU-Evaluation-Data (CC BY 4.0)
concatenated without their header lines (semicolon separated: answerid;
scenario;intent;answer_annotation;answer_from_anno;answer_from_user).
HEALTH_TXT: the everyday health questions, one a line.

The sample and the split are deterministic: requests are de-duplicated (by
lower-cased text), ordered by the SHA-1 of that text, the first SAMPLE kept;
a line goes to the tuning half when the first byte of its SHA-1 is even, to
the held-out half otherwise. Nothing here depends on a random generator.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
#: Requests kept from the ~10,000 distinct ones of the corpus.
SAMPLE = 4000


def _digest(text: str) -> bytes:
    return hashlib.sha1(text.lower().encode()).digest()


def _write(name: str, header: str, rows: list[tuple[str, str]]) -> None:
    lines = [header] + [f"{q}\t{label}" for q, label in rows]
    (DATA / name).write_text("\n".join(lines) + "\n")


def main(argv: list[str]) -> int:
    nlu, health = Path(argv[0]), Path(argv[1])
    seen: dict[str, tuple[str, str]] = {}
    with nlu.open(newline="") as f:
        for row in csv.reader(f, delimiter=";"):
            text = " ".join(row[5].replace("\t", " ").split())
            if text and text.lower() not in seen:
                seen[text.lower()] = (text, f"{row[1]}_{row[2]}")
    kept = sorted(seen.values(), key=lambda r: _digest(r[0]))[:SAMPLE]
    halves = {True: [], False: []}  # type: dict[bool, list[tuple[str, str]]]
    for q, label in kept:
        halves[_digest(q)[0] % 2 == 0].append((q, label))
    note = ("# Requests from xliuhw/NLU-Evaluation-Data (CC BY 4.0), {half} half; "
            "see README.md.\n# request<TAB>scenario_intent")
    _write("foreign-tuning.tsv", note.format(half="tuning"), halves[True])
    _write("foreign-heldout.tsv", note.format(half="held-out"), halves[False])
    questions = [" ".join(x.split()) for x in health.read_text().splitlines() if x.strip()]
    hh = {True: [], False: []}  # type: dict[bool, list[tuple[str, str]]]
    for q in questions:
        hh[_digest(q)[0] % 2 == 0].append((q, "-"))
    note = ("# Everyday health questions the content does not cover, {half} half; "
            "see README.md.\n# question<TAB>- (out of scope)")
    _write("health-tuning.tsv", note.format(half="tuning"), hh[True])
    _write("health-heldout.tsv", note.format(half="held-out"), hh[False])
    print(f"foreign {len(halves[True])}+{len(halves[False])}, "
          f"health {len(hh[True])}+{len(hh[False])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
