#!/usr/bin/env python3
"""Rebuilds tests/data/kqa-tuning.tsv and kqa-heldout.tsv (see tests/data/README.md).

    .venv/bin/python scripts/make_kqa_sets.py QUESTIONS_JSONL

QUESTIONS_JSONL: ``dataset/questions.jsonl`` of Itaymanes/K-QA (MIT licence;
commit ef403d0 used): 1,212 questions real patients typed to doctors on an
online platform (K Health), each with the ICD-10 diagnosis of the visit and
the medical entities of the question, annotated by K-QA's authors.

Everyday health questions the content does not cover; they must be declined.
What is kept, decided by the annotations, never by reading the questions:

* a diagnosis is given and does not match ``OURS`` (the content's conditions
  and their neighbours: muscles, nerves, spine, back, pain, headache,
  dizziness, sleep, fatigue...);
* the question names its subject: its annotated entity is not one of
  ``GENERIC`` (K-QA's "medication", "general symptom", "exposure - sick
  people"...: "is it contagious?", "is there any other medication I can
  take?" could be asked about our subject too);
* at least ``MIN_WORDS`` words.

Deterministic: questions de-duplicated by lower-cased text; a *diagnosis*
goes to the tuning half when the first byte of the SHA-1 of its lower-cased
name is even, so questions of one visit type sit in one half only.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
#: A diagnosis matching this is the content's subject or next to it.
OURS = re.compile(
    r"sclerosis|myasthen|spasm|spastic|dystoni|cramp|neuromusc|muscl|muscul|myo|"
    r"neuron|neuro|nerv|palsy|paraly|plegi|stroke|spin|ataxi|tremor|parkinson|"
    r"radicul|sciatica|lumbago|back|joint|arthr|pain|ache|headache|migraine|"
    r"vertigo|dizz|sleep|insomn|apnea|fatigue|seizure|epilep|gait|fall",
    re.IGNORECASE)
#: K-QA's entities that do not name a subject.
GENERIC = {"medication", "general symptom", "general pain", "treatment",
           "general infection", "general inflammation", "side effects", "pill",
           "exposure - sick people"}
MIN_WORDS = 4


def kept(rows: list[dict[str, object]]) -> dict[str, tuple[str, str]]:
    """Lower-cased question -> (question, diagnosis), for the rows kept."""
    out: dict[str, tuple[str, str]] = {}
    for r in rows:
        diag, entity = r.get("ICD_10_diag"), r.get("matched_entity")
        text = " ".join(str(r.get("Question") or "").replace("\t", " ").split())
        if not isinstance(diag, str) or not diag or OURS.search(diag):
            continue
        if not isinstance(entity, str) or entity.lower() in GENERIC:
            continue
        if len(text.split()) < MIN_WORDS or text.lower() in out:
            continue
        out[text.lower()] = (text, diag)
    return out


def _write(name: str, half: str, rows: list[tuple[str, str]]) -> None:
    header = (f"# Patients' questions from Itaymanes/K-QA (MIT) whose diagnosis the content does "
              f"not cover, {half} half; see README.md.\n# question<TAB>ICD-10 diagnosis")
    lines = [header] + [f"{q}\t{d}" for q, d in rows]
    (DATA / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    rows = [json.loads(line) for line in Path(argv[0]).read_text(encoding="utf-8").splitlines()
            if line.strip()]
    halves: dict[bool, list[tuple[str, str]]] = {True: [], False: []}
    for q, diag in kept(rows).values():
        halves[hashlib.sha1(diag.lower().encode()).digest()[0] % 2 == 0].append((q, diag))
    for tuning, name in ((True, "kqa-tuning.tsv"), (False, "kqa-heldout.tsv")):
        part = sorted(halves[tuning], key=lambda r: hashlib.sha1(r[0].lower().encode()).digest())
        _write(name, "tuning" if tuning else "held-out", part)
        print(f"{name}: {len(part)} questions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
