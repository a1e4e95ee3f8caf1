#!/usr/bin/env python3
"""Trains the scope check's classifier (voice/matching/classifier.py).

    .venv/bin/python scripts/train_scope_classifier.py OUT.npz

Tried and dropped (docs/out-of-scope.md): nothing ships its weights;
scripts/tune_scope.py --classifier trains it per fold with ``build`` and
measures it on the tuning halves.

Positives: the content's titles and editors' phrasings and the in-scope
questions of tests/data/tuning.tsv and tests/data/dev.tsv. Negatives: the
*tuning* halves of the out-of-scope sets (foreign-tuning.tsv, medquad-tuning.tsv, our health
questions health-tuning.tsv and health-heldout.tsv, tuning since
health-heldout2.tsv, see tests/data/README.md), the out-of-scope questions
of tuning.tsv and dev.tsv, and the recognizer's everyday sentences. No held-out half
(heldout.tsv, foreign-heldout.tsv, medquad-heldout.tsv, health-heldout2.tsv)
is read (tests/test_scope_classifier.py checks the list).
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching import normalize  # noqa: E402
from voice.matching.classifier import ScopeClassifier, train  # noqa: E402

DATA = REPO / "tests" / "data"
EVERYDAY_TXT = REPO / "voice" / "speech_in" / "pocketsphinx" / "everyday.txt"
#: Out-of-scope tuning sets: file -> column whose SHA-1 decides the fold
#: (MedQuAD by its focus, so a disease is in one fold only).
NEGATIVE_SETS = {"foreign-tuning.tsv": 0, "medquad-tuning.tsv": 1,
                 "health-tuning.tsv": 0, "health-heldout.tsv": 0}
#: Labelled sets whose in-scope rows are positives and '-' rows negatives.
LABELLED_SETS = ("tuning.tsv", "dev.tsv")
SOURCES = (*NEGATIVE_SETS, *LABELLED_SETS)


def rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def fold(key: str) -> int:
    """0 or 1, as scripts/tune_scope.py folds (the SHA-1's second byte)."""
    return hashlib.sha1(key.lower().encode()).digest()[1] % 2


def examples(leave_out: int | None = None,
             labelled: tuple[str, ...] = LABELLED_SETS) -> tuple[list[str], list[int]]:
    """Cleaned texts and labels (1 ours), without fold ``leave_out``."""
    kb = load_knowledge([REPO / "content"])
    texts: list[str] = []
    labels: list[int] = []

    def add(text: str, label: int, key: str | None = None, always: bool = False) -> None:
        if not always and leave_out is not None and fold(key or text) == leave_out:
            return
        cleaned = normalize.prepare(text)
        if cleaned:
            texts.append(cleaned)
            labels.append(label)

    for entry in kb.entries:
        for text in (entry.title, *entry.phrasings):
            add(text, 1, always=True)  # the content is no tuning half: always known
    for name, col in NEGATIVE_SETS.items():
        for r in rows(name):
            add(r[0], 0, key=r[col])
    for name in labelled:
        for r in rows(name):
            if len(r) > 1:
                add(r[0], 0 if r[1] == "-" else 1)
    for line in EVERYDAY_TXT.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            add(line, 0)
    return texts, labels


def content_vocabulary() -> frozenset[str]:
    """The content tokens of the content it learns from (every field)."""
    kb = load_knowledge([REPO / "content"])
    return frozenset(tok for e in kb.entries
                     for text in (e.title, *e.phrasings, *e.keywords, e.answer)
                     for tok in normalize.tokens(text))


def build(leave_out: int | None = None,
          labelled: tuple[str, ...] = LABELLED_SETS) -> ScopeClassifier:
    texts, labels = examples(leave_out, labelled)
    return train(texts, labels, content_vocabulary())


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: train_scope_classifier.py OUT.npz")
        return 2
    clf = build()
    clf.save(Path(args[0]))
    print(f"wrote {args[0]} ({len(clf.vocabulary)} content tokens, bias {clf.bias:.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
