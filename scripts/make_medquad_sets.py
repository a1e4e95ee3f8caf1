#!/usr/bin/env python3
"""Rebuilds tests/data/medquad-tuning.tsv and medquad-heldout.tsv (see tests/data/README.md).

    .venv/bin/python scripts/make_medquad_sets.py MEDQUAD_DIR

MEDQUAD_DIR: a checkout of abachaa/MedQuAD (CC BY 4.0; commit 577bd37 used).
Consumer-health questions written by others about diseases, tests and
conditions the content does not cover; they must be declined.

What is kept, decided by each document's *focus* (its topic, with the
synonyms MedQuAD gives), never by reading the questions:

* the disease collections only: not NINDS (neurological disorders, the
  content's own neighbourhood), not the drug and herb collections (a question
  about baclofen or botulinum toxin is ours);
* not a focus whose name or synonyms match ``OURS`` (the conditions and
  treatments the article /work/shared/source/chronic-spasms-article.txt and
  content/ are about, and their neighbours: muscles, nerves, motor neurons,
  palsies, paralysis, stroke, spine...).

The sample and the split are deterministic (no random generator): questions
are de-duplicated by lower-cased text; *foci* are ordered by the SHA-1 of
their lower-cased name and a focus goes to the tuning half when the first
byte of that SHA-1 is even, to the held-out half otherwise, so the same
disease never sits in both halves (its name would leak into the everyday
word model). From each half at most ``PER_HALF`` questions are kept, in
SHA-1 order of the question text.
"""

from __future__ import annotations

import hashlib
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
#: MedQuAD's collections of questions about diseases and conditions.
COLLECTIONS = ("1_CancerGov_QA", "2_GARD_QA", "3_GHR_QA", "4_MPlus_Health_Topics_QA",
               "5_NIDDK_QA", "7_SeniorHealth_QA", "8_NHLBI_QA_XML", "9_CDC_QA",
               "10_MPlus_ADAM_QA")
#: A focus (or synonym) matching this is the content's subject or next to it.
OURS = re.compile(
    r"sclerosis|myasthen|spasm|spastic|dystoni|cramp|neuromusc|muscl|muscul|myo|"
    r"neuron|neuro|nerv|palsy|paraly|plegi|stroke|spin|ataxi|tremor|parkinson|"
    r"huntington|chorea|tic\b|tourette|stiff|rigid|contracture|tetan|botul|baclofen|"
    r"physical therap|rehabilit|assistive|wheelchair|mobility|exercise|fatigue|"
    r"movement|motor|gait|walk|fall|dysphagia|swallow|brain|cerebr|seizure|epilep|"
    r"hered|genetic|chronic pain|\bpain\b|ache|caregiv|disabilit",
    re.IGNORECASE)
#: Questions kept per half.
PER_HALF = 1500


def _digest(text: str) -> bytes:
    return hashlib.sha1(text.lower().encode()).digest()


def questions(root: Path) -> dict[str, tuple[str, str]]:
    """Lower-cased question -> (question, focus), for the foci not ours."""
    out: dict[str, tuple[str, str]] = {}
    for coll in COLLECTIONS:
        for path in sorted((root / coll).glob("*.xml")):
            doc = ET.parse(path).getroot()
            focus = " ".join((doc.findtext("Focus") or "").split())
            names = [focus] + [s.text or "" for s in doc.iter("Synonym")]
            if not focus or any(OURS.search(n) for n in names):
                continue
            for q in doc.iter("Question"):
                text = " ".join((q.text or "").replace("\t", " ").split())
                if text and text.lower() not in out:
                    out[text.lower()] = (text, focus)
    return out


def _write(name: str, half: str, rows: list[tuple[str, str]]) -> None:
    header = (f"# Questions from abachaa/MedQuAD (CC BY 4.0) whose focus the content does not "
              f"cover, {half} half; see README.md.\n# question<TAB>focus")
    lines = [header] + [f"{q}\t{focus}" for q, focus in rows]
    (DATA / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    rows = questions(Path(argv[0]))
    halves: dict[bool, list[tuple[str, str]]] = {True: [], False: []}
    for q, focus in sorted(rows.values(), key=lambda r: _digest(r[0])):
        halves[_digest(focus)[0] % 2 == 0].append((q, focus))
    _write("medquad-tuning.tsv", "tuning", halves[True][:PER_HALF])
    _write("medquad-heldout.tsv", "held-out", halves[False][:PER_HALF])
    print(f"{len(rows)} questions not ours; kept {min(PER_HALF, len(halves[True]))} + "
          f"{min(PER_HALF, len(halves[False]))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
