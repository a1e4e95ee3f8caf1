#!/usr/bin/env python3
"""Rebuilds tests/data/qdoctors-*.tsv and icliniq-*.tsv (see tests/data/README.md).

    .venv/bin/python scripts/make_forum_sets.py CHECKOUT

CHECKOUT: LasseRegin/medical-question-answer-data (MIT licence; commit
685c916 used), questions people sent to two websites where doctors answer,
gathered on 5 May 2017, each with its title (``question``), its own text and
tags: ``questionDoctorQAs.json`` (5,679, questiondoctors.com) and
``icliniqQAs.json`` (465, icliniq.com).

Everyday health questions the content does not cover; they must be declined.
What is kept, decided by rules written before any line was read:

* the question's title, whitespace collapsed, of ``MIN_WORDS`` to
  ``MAX_WORDS`` words (a short question as it would be said aloud);
* no tag matching ``make_medquad_sets.OURS`` (the content's conditions and
  their neighbours: muscles, nerves, spine, pain, stroke, movement...), as
  MedQuAD's focus decides there;
* no title matching ``OURS_TEXT`` (the content's own conditions and
  treatments named in the question itself).

Deterministic (no random generator): titles de-duplicated by lower-cased
text; a title goes to the tuning half when the first byte of the SHA-1 of
its lower-cased text is even, to the held-out half otherwise (the rule of
make_out_of_scope_sets.py); each half keeps its first ``PER_HALF`` in SHA-1
order.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_medquad_sets import OURS

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
#: The content's own conditions and treatments, said in a question's title.
OURS_TEXT = re.compile(
    r"sclerosis|\bms\b|\bals\b|myasthen|spasm|spastic|dystoni|cramp|neuromusc|"
    r"motor neuron|twitch|baclofen|botox|botul|tizanidin|physio|physical therap|"
    r"wheelchair|caregiv|carer", re.IGNORECASE)
MIN_WORDS = 3
MAX_WORDS = 20
#: Titles kept per half ("a few hundred lines at most" in all).
PER_HALF = 150


def _digest(text: str) -> bytes:
    return hashlib.sha1(text.lower().encode()).digest()


def title_and_tags(row: dict[str, object]) -> tuple[str, list[str]]:
    """A row's title, whitespace collapsed, and its tags."""
    title = " ".join(str(row.get("question") or "").replace("\t", " ").split())
    raw = row.get("tags")
    return title, [t for t in raw if isinstance(t, str)] if isinstance(raw, list) else []


def kept(rows: list[dict[str, object]]) -> dict[str, str]:
    """Lower-cased title -> title, for the rows kept."""
    out: dict[str, str] = {}
    for r in rows:
        title, tags = title_and_tags(r)
        if not MIN_WORDS <= len(title.split()) <= MAX_WORDS:
            continue
        if any(OURS.search(t) for t in tags) or OURS_TEXT.search(title):
            continue
        out.setdefault(title.lower(), title)
    return out


#: Source file -> (set name, the site's name).
SOURCES = {"questionDoctorQAs.json": ("qdoctors", "Question Doctors"),
           "icliniqQAs.json": ("icliniq", "iCliniq")}


def _write(name: str, site: str, half: str, rows: list[str]) -> None:
    header = (f"# Questions people sent to {site}, from "
              f"LasseRegin/medical-question-answer-data (MIT), whose subject the content "
              f"does not cover, {half} half; see README.md.\n# question")
    (DATA / name).write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    for source, (name, site) in SOURCES.items():
        rows = kept(json.loads((Path(argv[0]) / source).read_text(encoding="utf-8")))
        halves: dict[bool, list[str]] = {True: [], False: []}
        for q in sorted(rows.values(), key=_digest):
            halves[_digest(q)[0] % 2 == 0].append(q)
        _write(f"{name}-tuning.tsv", site, "tuning", halves[True][:PER_HALF])
        _write(f"{name}-heldout.tsv", site, "held-out", halves[False][:PER_HALF])
        print(f"{source}: {len(rows)} titles kept; {min(PER_HALF, len(halves[True]))} tuning + "
              f"{min(PER_HALF, len(halves[False]))} held out")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
