#!/usr/bin/env python3
"""Rebuilds voice/matching/everyday_counts.json, the everyday word model.

    .venv/bin/python scripts/build_everyday_counts.py

Counts the content tokens, and keeps the cleaned sentences, of the *tuning*
halves of the out-of-scope sets (tests/data/foreign-tuning.tsv,
tests/data/health-tuning.tsv) and of the
everyday sentences of the recognizer's language model
(voice/speech_in/pocketsphinx/everyday.txt); and, apart, the token counts of the tuning
halves of the uncovered health questions (tests/data/medquad-tuning.tsv,
tests/data/health-tuning.tsv, tests/data/kqa-tuning.tsv, tests/data/covidq-tuning.tsv). The
held-out halves are never read.
tests/test_scope.py checks that the stored file is what this builds.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from voice.matching.scope import COUNTS_FILE, count_everyday, everyday_sentences  # noqa: E402

SOURCES = (
    REPO / "tests" / "data" / "foreign-tuning.tsv",
    REPO / "tests" / "data" / "health-tuning.tsv",
    REPO / "voice" / "speech_in" / "pocketsphinx" / "everyday.txt",
)


#: Uncovered health questions (tuning halves only): the "other health" model.
HEALTH_SOURCES = (
    REPO / "tests" / "data" / "medquad-tuning.tsv",
    REPO / "tests" / "data" / "health-tuning.tsv",
    # Patients' own questions (branch health-decline): everyday health words
    # ("eyes", "pregnant", "child", "period") MedQuAD's templates lack.
    REPO / "tests" / "data" / "kqa-tuning.tsv",
    # COVID-Q (tests/data/covidq-*.tsv) is not counted: it is GNU GPL v3, and
    # these counts ship inside the MIT package. Counting its tuning half moved
    # no held-out row of benchmark.py (branch scope9), so it stays a test set.
)


def sentences(sources: tuple[Path, ...] = SOURCES) -> list[str]:
    out = []
    for path in sources:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                out.append(line.split("\t")[0])
    return out


def build() -> dict[str, object]:
    return {
        "about": "Token counts of everyday requests and uncovered health questions "
                 "(tuning halves only); built by scripts/build_everyday_counts.py. "
                 "Requests from xliuhw/NLU-Evaluation-Data, CC BY 4.0 (tests/data/README.md).",
        "counts": count_everyday(sentences()),
        "sentences": everyday_sentences(sentences()),
        "health_about": "Token counts of health questions the content does not cover (tuning "
                        "halves only). Questions from abachaa/MedQuAD, CC BY 4.0, "
                        "and Itaymanes/K-QA, MIT (tests/data/README.md).",
        "health_counts": count_everyday(sentences(HEALTH_SOURCES)),
    }


def main() -> int:
    COUNTS_FILE.write_text(json.dumps(build(), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {COUNTS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
