#!/usr/bin/env python3
"""Builds tests/data/clinc-tuning.tsv and clinc-heldout.tsv from CLINC150
(clinc/oos-eval, CC BY 3.0; see tests/data/README.md).

    .venv/bin/python scripts/make_clinc_sets.py PATH/TO/data_full.json

A second corpus of everyday requests written by others (crowd workers asked
to talk to a banking, travel, home, kitchen, car, work or small-talk
assistant, plus their own "out-of-scope" requests), so that the scope check
is judged on more than the one corpus (NLU-Evaluation-Data) whose tuning
half also feeds the everyday word counts. These files feed no word model.

Deterministic, as make_out_of_scope_sets.py: every split of the file is
read, requests de-duplicated by lower-cased text and ordered by the SHA-1 of
that text, the first SAMPLE kept; a line goes to the tuning half when the
first byte of its SHA-1 is even, to the held-out half otherwise.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
#: Requests kept of the corpus's 23,700 (about 2,000 a half: enough for a
#: 0.1-point rate, and a benchmark pass of ~2 s).
SAMPLE = 4000


def _digest(text: str) -> bytes:
    return hashlib.sha1(text.lower().encode()).digest()


def main(argv: list[str]) -> int:
    full = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    seen: dict[str, tuple[str, str]] = {}
    for split in sorted(full):
        for text, intent in full[split]:
            text = " ".join(text.replace("\t", " ").split())
            if text and text.lower() not in seen:
                seen[text.lower()] = (text, intent)
    kept = sorted(seen.values(), key=lambda r: _digest(r[0]))[:SAMPLE]
    halves: dict[bool, list[tuple[str, str]]] = {True: [], False: []}
    for q, intent in kept:
        halves[_digest(q)[0] % 2 == 0].append((q, intent))
    note = ("# Requests from clinc/oos-eval (CLINC150, CC BY 3.0), {half} half; "
            "see README.md.\n# request<TAB>intent")
    for tuning, name in ((True, "clinc-tuning.tsv"), (False, "clinc-heldout.tsv")):
        lines = [note.format(half="tuning" if tuning else "held-out")]
        lines += [f"{q}\t{intent}" for q, intent in halves[tuning]]
        (DATA / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"clinc {len(halves[True])} + {len(halves[False])} of {len(seen)} distinct")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
