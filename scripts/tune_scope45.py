#!/usr/bin/env python3
"""Session 36 (branch scope45): the tuning half of the Counsel Chat set
(tests/data/counsel/counsel-tuning.tsv: people's own mental-health
questions to therapists, which the content does not cover;
scripts/make_counsel_sets.py), as tune_scope39.py judges its sets:
declined or taken, and with ``--dump FILE`` one line per question to diff
two versions of the code. Never the held-out half.

    .venv/bin/python scripts/tune_scope45.py [--dump /tmp/after.txt] [--misses]
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from tune_scope39 import main  # noqa: E402

SETS = ("counsel/counsel-tuning.tsv",)


if __name__ == "__main__":
    raise SystemExit(main(SETS))
