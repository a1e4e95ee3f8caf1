#!/usr/bin/env python3
"""Builds tests/data/medquad-ours-tuning.tsv and medquad-ours-heldout.tsv: questions
written by others (abachaa/MedQuAD, CC BY 4.0: NIH's editors) about the
conditions the content is about, which must be *taken* (answered or offered),
ideally with the entry their question type asks for (tests/data/README.md).

    .venv/bin/python scripts/make_medquad_ours_sets.py MEDQUAD_DIR

MEDQUAD_DIR: a checkout of abachaa/MedQuAD (commit 577bd37 used). Kept: every
document of any collection whose focus is one of ``FOCI`` (the conditions the
content names: multiple sclerosis, ALS, myasthenia gravis, and its own subject:
spasticity, muscle cramps, neuromuscular and motor neuron diseases), its
questions de-duplicated by lower-cased text. The expected entries are decided
by MedQuAD's question type (``ENTRIES``), never by reading the questions; a type
the content has no entry for ("outlook", "frequency", "complications"...) is
marked ``*``: ours, any entry, so only "taken" and "answered outright" are
counted for it.

Split by the SHA-1 of the question *type* (even first byte: tuning), so a
template ("What causes X ?") is in one half only and the held-out half says
whether a change found on one kind of question holds for the others.
"""

from __future__ import annotations

import hashlib
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
#: The content's conditions (content/article.md names MS, ALS and myasthenia
#: gravis) and its own subject.
FOCI = re.compile(
    r"^(multiple sclerosis|amyotrophic lateral sclerosis|myasthenia gravis|spasticity|"
    r"motor neuron diseases?|neuromuscular disorders|muscle cramps?)$", re.IGNORECASE)
#: MedQuAD question type -> the entries of content/ that answer it.
ENTRIES: dict[str, str] = {
    "information": "recognizing-chronic-spasms-and-neuromuscular-disorders|introduction",
    "causes": "causes-and-risk-factors",
    "symptoms": ("what-are-the-early-signs-of-neuromuscular-disorders|"
                 "recognizing-chronic-spasms-and-neuromuscular-disorders"),
    "exams and tests": "diagnosis-and-medical-evaluations",
    "treatment": ("treatment-approaches-for-long-term-management|medication|"
                  "is-there-a-cure-for-neuromuscular-disorders"),
    "support groups": ("community-support-and-awareness|"
                       "coping-strategies-for-individuals-and-caregivers"),
    "research": ("recent-advancements-and-research|"
                 "what-recent-breakthroughs-offer-hope-for-treatment"),
    "inheritance": "are-neuromuscular-disorders-hereditary|causes-and-risk-factors",
    "genetic changes": "are-neuromuscular-disorders-hereditary|causes-and-risk-factors",
    "when to contact a medical professional":
        "when-should-someone-seek-medical-attention-for-muscle-spasms",
}


def _digest(text: str) -> bytes:
    return hashlib.sha1(text.lower().encode()).digest()


def questions(root: Path) -> list[tuple[str, str, str]]:
    """(question, focus, question type), in the order of the collections."""
    out: dict[str, tuple[str, str, str]] = {}
    for path in sorted(root.glob("*_QA*/*.xml")):
        doc = ET.parse(path).getroot()
        focus = " ".join((doc.findtext("Focus") or "").split())
        if not FOCI.match(focus):
            continue
        for q in doc.iter("Question"):
            text = " ".join((q.text or "").replace("\t", " ").split())
            if text and text.lower() not in out:
                out[text.lower()] = (text, focus, q.get("qtype") or "")
    return list(out.values())


def main(argv: list[str]) -> int:
    rows = questions(Path(argv[0]))
    halves: dict[bool, list[str]] = {True: [], False: []}
    for q, _focus, qtype in sorted(rows, key=lambda r: _digest(r[0])):
        halves[_digest(qtype)[0] % 2 == 0].append(f"{q}\t{ENTRIES.get(qtype, '*')}\t{qtype}")
    for tuning, name in ((True, "medquad-ours-tuning.tsv"), (False, "medquad-ours-heldout.tsv")):
        header = (f"# Questions from abachaa/MedQuAD (CC BY 4.0) about the content's own "
                  f"conditions, {'tuning' if tuning else 'held-out'} half; see README.md.\n"
                  f"# question<TAB>entries that answer it ('*': ours, no one entry)<TAB>type")
        (DATA / name).write_text("\n".join([header, *halves[tuning]]) + "\n", encoding="utf-8")
    print(f"{len(rows)} questions: {len(halves[True])} tuning, {len(halves[False])} held out")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
