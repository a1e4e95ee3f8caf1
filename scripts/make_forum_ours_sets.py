#!/usr/bin/env python3
"""Writes the unlabelled tests/data/forum/forum-ours-{tuning,heldout}.tsv
(see tests/data/README.md); the labels are added by hand afterwards.

    .venv/bin/python scripts/make_forum_ours_sets.py CHECKOUT

CHECKOUT: LasseRegin/medical-question-answer-data (MIT licence; commit
685c916 used), as for scripts/make_forum_sets.py: question titles people
sent to Question Doctors (5,679) and iCliniq (465).

make_forum_sets.py keeps the titles whose subject the content does not
cover, and leaves out every title about the content's conditions or their
neighbours. This keeps exactly those: people's own questions about spasms,
cramps, MS, ALS, myasthenia, physiotherapy, wheelchairs, and about muscles,
nerves, the spine, pain, movement, walking, fatigue, exercise... Some are
answered by an entry, most are not covered and must be declined: the
hardest lines to decline, and the only in-scope lines written by others
besides MedQuAD's and MeQSum's. Rules written before any line was read:

* the question's title, whitespace collapsed, of ``MIN_WORDS`` to
  ``MAX_WORDS`` words (make_forum_sets.py's);
* a tag matching ``make_medquad_sets.OURS``, or a title matching it or
  ``make_forum_sets.OURS_TEXT``;
* not a title already in make_forum_sets.py's files (``qdoctors-*.tsv``,
  ``icliniq-*.tsv``: a title matching ``OURS`` with no such tag is one it
  may keep). The first version missed this: 67 titles were in both, one
  labelled in scope here; those rows were dropped, the labels of the rest
  kept.

Deterministic: titles de-duplicated by lower-cased text; a title goes to
the tuning half when the first byte of the SHA-1 of its lower-cased text is
even, to the held-out half otherwise (make_forum_sets.py's rule); in SHA-1
order. Columns: question, label (``?`` until labelled: the entries that
answer it, best first, joined by ``|``, or ``-``), site.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_forum_sets import MAX_WORDS, MIN_WORDS, OURS, OURS_TEXT, SOURCES, _digest, title_and_tags

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "forum"


def kept(rows: list[dict[str, object]]) -> dict[str, str]:
    """Lower-cased title -> title, for the rows about our subjects."""
    out: dict[str, str] = {}
    for r in rows:
        title, tags = title_and_tags(r)
        if not MIN_WORDS <= len(title.split()) <= MAX_WORDS:
            continue
        if any(OURS.search(t) for t in tags) or OURS.search(title) or OURS_TEXT.search(title):
            out.setdefault(title.lower(), title)
    return out


def taken_already() -> set[str]:
    """The lower-cased titles of make_forum_sets.py's files."""
    data = OUT.parent
    return {line.split("\t")[0].lower()
            for name in ("qdoctors-tuning.tsv", "qdoctors-heldout.tsv", "icliniq-tuning.tsv",
                         "icliniq-heldout.tsv")
            for line in (data / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    halves: dict[bool, list[tuple[str, str]]] = {True: [], False: []}
    seen = taken_already()
    for source, (_, site) in SOURCES.items():
        rows = kept(json.loads((Path(argv[0]) / source).read_text(encoding="utf-8")))
        for low, q in rows.items():
            if low not in seen:
                seen.add(low)
                halves[_digest(q)[0] % 2 == 0].append((q, site))
    OUT.mkdir(parents=True, exist_ok=True)
    for tuning, name in ((True, "forum-ours-tuning.tsv"), (False, "forum-ours-heldout.tsv")):
        rows_ = sorted(halves[tuning], key=lambda r: _digest(r[0]))
        header = ("# Questions people sent to Question Doctors and iCliniq about the content's "
                  "subjects or their neighbours, from LasseRegin/medical-question-answer-data "
                  f"(MIT), {'tuning' if tuning else 'held-out'} half; see ../README.md.\n"
                  "# question<TAB>entries answering it (|) or -<TAB>site")
        (OUT / name).write_text("\n".join([header, *(f"{q}\t?\t{s}" for q, s in rows_)]) + "\n",
                                encoding="utf-8")
        print(f"{name}: {len(rows_)} titles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
