#!/usr/bin/env python3
"""Rebuilds tests/data/covidq-tuning.tsv and covidq-heldout.tsv (see tests/data/README.md).

    .venv/bin/python scripts/make_covidq_sets.py FINAL_MASTER_DATASET_CSV

FINAL_MASTER_DATASET_CSV: ``data/final_master_dataset.csv`` of
JerryWeiAI/COVID-Q (GNU GPL v3, commit 73dfa47 used): 1,690 questions people
asked about COVID-19 in 2020 (search engines' suggestions from Google, Bing
and Yahoo, Quora, Yahoo Answers, and the FAQs of the CDC, FDA, UN, CNN...),
each grouped by the dataset's authors into a *class* of questions asking the
same thing, under a broad category ("Transmission - Pets", "Prevention -
Masks").

Health questions the content does not cover; they must be declined. What is
kept, decided by the annotations and by the pattern of
scripts/make_medquad_sets.py, never by reading the questions:

* the categories about the disease itself (``HEALTH``: transmission,
  prevention, treatment, testing, symptoms, having it, comparison with other
  illnesses); not the societal, economic, reporting, origin, speculation or
  naming ones, nor questions without a category;
* questions from the public sources, not ``Author Generated`` (paraphrases
  the dataset's authors wrote to test their classifier);
* not a question that matches ``make_medquad_sets.OURS`` (the content's
  conditions, treatments and neighbours: muscles, nerves, fatigue, pain,
  exercise, breathing muscles are not named, but "weakness", "walk",
  "stroke"... are). Every COVID-Q question has the same focus (COVID-19), so
  the pattern that MedQuAD's script applies to a document's focus is applied
  to the question's text here: a question about COVID and fatigue or pain
  could fairly be asked of us;
* at least ``MIN_WORDS`` words ("covid symptoms" is a search, not a question).

Deterministic (no random generator): questions de-duplicated by lower-cased
text; a whole *class* goes to one half, so paraphrases of one question sit in
one half only (they would leak from the tuning half into the word models
otherwise). Classes are few and of very unequal size (1 to 40 questions), so
instead of the parity of a SHA-1 byte, which put 115 questions in one half
and 343 in the other, classes are taken in SHA-1 order of their lower-cased
name and each goes to the half that has fewer questions so far (the tuning
half on a tie). Within a half, questions are in SHA-1 order of their
lower-cased text.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_medquad_sets import OURS

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
#: COVID-Q's broad categories about the illness itself.
HEALTH = frozenset({"Transmission", "Prevention", "Treatment", "Testing", "Symptoms",
                    "Having COVID", "Comparison"})
#: COVID-Q's source for questions its authors wrote themselves.
GENERATED = "Author Generated"
MIN_WORDS = 3


def _digest(text: str) -> bytes:
    return hashlib.sha1(text.lower().encode()).digest()


def kept(rows: list[dict[str, str]]) -> dict[str, tuple[str, str]]:
    """Lower-cased question -> (question, class), for the rows kept."""
    out: dict[str, tuple[str, str]] = {}
    for r in rows:
        cls = " ".join((r.get("Category") or "").split())
        text = " ".join((r.get("Question") or "").replace("\t", " ").split())
        if cls.split(" - ")[0] not in HEALTH or r.get("Source") == GENERATED:
            continue
        if OURS.search(text) or len(text.split()) < MIN_WORDS or text.lower() in out:
            continue
        out[text.lower()] = (text, cls)
    return out


def split(rows: dict[str, tuple[str, str]]) -> dict[bool, list[tuple[str, str]]]:
    """True: the tuning half, False: the held-out half (see the module's doc)."""
    by_class: dict[str, list[tuple[str, str]]] = {}
    for q, cls in rows.values():
        by_class.setdefault(cls, []).append((q, cls))
    halves: dict[bool, list[tuple[str, str]]] = {True: [], False: []}
    for cls in sorted(by_class, key=_digest):
        halves[len(halves[True]) <= len(halves[False])].extend(by_class[cls])
    return halves


def _write(name: str, half: str, rows: list[tuple[str, str]]) -> None:
    header = (f"# Questions from JerryWeiAI/COVID-Q (GNU GPL v3) about COVID-19 itself, "
              f"{half} half; see README.md.\n# question<TAB>COVID-Q class")
    lines = [header] + [f"{q}\t{c}" for q, c in rows]
    (DATA / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    with open(argv[0], encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    halves = split(kept(rows))
    for tuning, name in ((True, "covidq-tuning.tsv"), (False, "covidq-heldout.tsv")):
        part = sorted(halves[tuning], key=lambda r: _digest(r[0]))
        _write(name, "tuning" if tuning else "held-out", part)
        print(f"{name}: {len(part)} questions, {len({c for _, c in part})} classes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
