#!/usr/bin/env python3
"""Rebuilds tests/data/counsel/counsel-*.tsv (see tests/data/README.md).

    .venv/bin/python scripts/make_counsel_sets.py CHECKOUT

CHECKOUT: nbertagnolli/counsel-chat (MIT licence; commit e202e19 used),
questions people sent to licensed therapists on counselchat.com, each with
its title (``questionTitle``), its own text and the site's topic, in
``data/20200325_counsel_chat.csv`` (one row per answer; 815 questions).

Everyday mental-health questions the content does not cover (it speaks of
coping with spasms and neuromuscular disorders, not of depression, anxiety
or grief for their own sake); they must be declined. What is kept, decided
by rules written before any line was read:

* the site's topics that are about health (``TOPICS``: self-esteem, trauma,
  anger, behaviour, substance abuse and addiction, grief, eating), not
  relationships, marriage, parenting, work, law or the counselling
  profession; and not depression, anxiety, stress or sleep, which the
  content's Coping Strategies and Impact on Daily Life entries speak of
  ("i feel so down", "how do i deal with the stress" are editors' phrasings
  of Coping Strategies): a line about our content is left out;
* the question's title, whitespace collapsed, of ``MIN_WORDS`` to
  ``MAX_WORDS`` words (make_forum_sets.py's rule);
* no title matching ``make_medquad_sets.OURS`` (the content's conditions
  and their neighbours: muscles, nerves, pain, fatigue, walking, falls,
  caregivers...), ``make_forum_sets.OURS_TEXT`` or ``COPING`` (the Coping
  Strategies entry's own keywords: stress, depressed, lonely, isolation,
  overwhelmed, coping, counselling, mental health...), and no question text
  naming the content's own conditions (``OURS_TEXT``): a line about our
  content is left out, not labelled.

The first version of this script kept depression, anxiety, stress and sleep
too; its tuning half was read (48 of 150 lines taken, nearly all Coping
Strategies for low mood, as its editors intend) before those topics were
left out. The held-out half was never read.

Deterministic (no random generator): titles de-duplicated by lower-cased
text; a title goes to the tuning half when the first byte of the SHA-1 of
its lower-cased text is even, to the held-out half otherwise (the rule of
make_out_of_scope_sets.py); each half keeps its first ``PER_HALF`` in SHA-1
order. Written to a folder of its own, so that the checks that read every
top-level set (``tests/data/*.tsv``) are unchanged.
"""

from __future__ import annotations

import csv
import hashlib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_forum_sets import MAX_WORDS, MIN_WORDS, OURS_TEXT
from make_medquad_sets import OURS

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "counsel"
SOURCE = "data/20200325_counsel_chat.csv"
#: counselchat.com topics about health (the rest: relationships, intimacy,
#: family, parenting, marriage, work, law, the profession...).
TOPICS = frozenset({
    "self-esteem", "trauma", "anger-management", "behavioral-change", "substance-abuse",
    "grief-and-loss", "eating-disorders", "addiction"})
#: The keywords of content/article.md's Coping Strategies entry (and their
#: stems): a title using one is asked of what that entry speaks of.
COPING = re.compile(
    r"depress|stress|anxi|emotion|mental health|counsel|isolat|lonel|overwhelm|"
    r"frustrat|relax|\bdown\b|burn ?out|\bcop(e|es|ing)\b|resilien",
    re.IGNORECASE)
#: Titles kept per half ("a few hundred lines at most" in all).
PER_HALF = 150


def _digest(text: str) -> bytes:
    return hashlib.sha1(text.lower().encode()).digest()


def kept(rows: list[dict[str, str]]) -> dict[str, str]:
    """Lower-cased title -> title, for the rows kept."""
    out: dict[str, str] = {}
    for r in rows:
        if r.get("topic") not in TOPICS:
            continue
        title = " ".join((r.get("questionTitle") or "").replace("\t", " ").split())
        if not MIN_WORDS <= len(title.split()) <= MAX_WORDS:
            continue
        if OURS.search(title) or OURS_TEXT.search(title) or COPING.search(title) \
                or OURS_TEXT.search(r.get("questionText") or ""):
            continue
        out.setdefault(title.lower(), title)
    return out


def _write(name: str, half: str, rows: list[str]) -> None:
    header = ("# Questions people sent to therapists on counselchat.com, from "
              "nbertagnolli/counsel-chat (MIT), whose subject the content does not "
              f"cover, {half} half; see ../README.md.\n# question")
    OUT.mkdir(exist_ok=True)
    (OUT / name).write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    with (Path(argv[0]) / SOURCE).open(encoding="utf-8", newline="") as f:
        rows = kept(list(csv.DictReader(f)))
    halves: dict[bool, list[str]] = {True: [], False: []}
    for q in sorted(rows.values(), key=_digest):
        halves[_digest(q)[0] % 2 == 0].append(q)
    _write("counsel-tuning.tsv", "tuning", halves[True][:PER_HALF])
    _write("counsel-heldout.tsv", "held-out", halves[False][:PER_HALF])
    print(f"{SOURCE}: {len(rows)} titles kept; {min(PER_HALF, len(halves[True]))} tuning + "
          f"{min(PER_HALF, len(halves[False]))} held out")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
