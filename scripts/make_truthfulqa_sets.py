#!/usr/bin/env python3
"""Rebuilds tests/data/truthfulqa/truthfulqa-{health,general}-{tuning,heldout}.tsv (see
tests/data/README.md).

    .venv/bin/python scripts/make_truthfulqa_sets.py TRUTHFULQA_CSV

TRUTHFULQA_CSV: ``TruthfulQA.csv`` of TruthfulQA (Stephanie Lin, Jacob
Hilton, Owain Evans, ACL 2022; sylinrl/TruthfulQA, Apache License 2.0): 817
questions its authors wrote to catch false beliefs, in 38 categories (health,
nutrition, law, history, economics, weather, superstitions, fiction...). The
original repository cannot be fetched here; the file used is the unchanged
copy in benedictflorance/truthfulqa_experiments (``datasets/TruthfulQA.csv``,
commit 6fdfd38, SHA-256 99d6ae7755e3b435eade956068c9de7c0c474770344237aeb66b56519ba4b697:
817 rows, the categories' counts as the paper gives them).

Every question is out of scope for the assistant: none asks of chronic
spasms or the neuromuscular conditions. What is kept, decided by the
annotations and by the pattern of scripts/make_medquad_sets.py, never by
reading the questions:

* health: the ``Health`` and ``Nutrition`` categories (uncovered health
  questions written by others); general: every other category;
* not a question that matches ``make_medquad_sets.OURS`` (the content's
  conditions, treatments and neighbours): such a question could fairly be
  asked of us.

Deterministic: questions de-duplicated by lower-cased text, taken in SHA-1
order of it, every other one to the tuning half (the first), the rest held
out.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_covidq_sets import _digest
from make_medquad_sets import OURS

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
#: TruthfulQA's categories of health questions.
HEALTH = frozenset({"Health", "Nutrition"})


def kept(rows: list[dict[str, str]]) -> dict[bool, list[tuple[str, str]]]:
    """True: health, False: general; (question, category) in SHA-1 order."""
    seen: set[str] = set()
    out: dict[bool, list[tuple[str, str]]] = {True: [], False: []}
    for r in rows:
        cat = " ".join((r.get("Category") or "").split())
        text = " ".join((r.get("Question") or "").replace("\t", " ").split())
        if not text or OURS.search(text) or text.lower() in seen:
            continue
        seen.add(text.lower())
        out[cat in HEALTH].append((text, cat))
    for rows_ in out.values():
        rows_.sort(key=lambda r: _digest(r[0]))
    return out


def _write(name: str, kind: str, half: str, rows: list[tuple[str, str]]) -> None:
    header = (f"# {kind} questions from TruthfulQA (sylinrl/TruthfulQA, Apache License 2.0), "
              f"{half} half; see README.md.\n# question<TAB>TruthfulQA category")
    lines = [header] + [f"{q}\t{c}" for q, c in rows]
    (DATA / "truthfulqa" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    with open(argv[0], encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    parts = kept(rows)
    for health, stem, kind in ((True, "truthfulqa-health", "Health and nutrition"),
                               (False, "truthfulqa-general", "General")):
        part = parts[health]
        for tuning, half in ((True, "tuning"), (False, "heldout")):
            chosen = part[0 if tuning else 1::2]
            _write(f"{stem}-{half}.tsv", kind, "tuning" if tuning else "held-out", chosen)
            print(f"{stem}-{half}.tsv: {len(chosen)} questions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
