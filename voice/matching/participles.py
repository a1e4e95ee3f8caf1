"""Words that describe and never name another subject.

The scope check (scope.py) counts a word the content never uses as evidence
against a question in proportion to its rarity in general English: "gout"
or "dandruff" name a subject the content does not cover. A rare word that
only describes names none: "my son with als is angry and withdrawn", "my
voice sounds slurred lately" were declined on "withdrawn" (-4.6) and
"slurred" (-6.6) alone (session 34, branch scope40, docs/out-of-scope.md).

Such words are told apart by Princeton WordNet 3.0 (``participles.txt``,
built by scripts/build_participles.py; licence in LICENSE-WordNet.txt): an
adjective that is a verb's past participle and never a noun, the verb not a
bodily one ("constipated", "sprained" still count). Their rarity counts no
more than ``scope.RARITY_FREE``; their use in everyday and other health
questions still counts against.
"""

from __future__ import annotations

import functools
from pathlib import Path

WORDS_FILE = Path(__file__).with_name("participles.txt")
#: Whether a describing word's rarity is set aside (branch scope41). Every
#: typed tuning line (scripts/tune_scope18.py, tune_scope32.py,
#: tune_scope39.py, tune_clinc_extra.py --dump: 7,423 lines; and meqsum,
#: medquad-ours, follow-ups, emergencies tuning: 100): 2 move, both
#: in-scope lines declined -> right (inscope-tuning32 "withdrawn",
#: "slurred"); no everyday or uncovered line moves. With "-ing" forms and
#: verb forms WordNet does not list as adjectives kept too, 3 uncovered lines
#: were newly offered ("a new piercing", "over-exerted", "masturbating").
#: Off: scripts/benchmark.py, held-out halves run once, counts only: no
#: issue-14 row moved (heldout.tsv in scope 111/116, fresh uncovered health
#: 126/130) and one more iCliniq held-out line was offered (declined 98.0 ->
#: 97.3%, answered outright unchanged), a row that must not fall.
ON = False


@functools.cache
def load(path: Path = WORDS_FILE) -> frozenset[str]:
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def describes_only(word: str | None) -> bool:
    """Whether ``word`` (as said, lower case) only describes (see module)."""
    return ON and bool(word) and word in load()
