"""The third set of our uncovered health questions (branch topic-about):
split into a tuning and a held-out half by the SHA-1 of the question, as the
other sets are, and kept apart from the fresh held-out set it must not
paraphrase (tests/data/README.md)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from rapidfuzz import fuzz, process

DATA = Path(__file__).parent / "data"


def _questions(name: str) -> list[str]:
    rows = [line.split("\t") for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert all(len(r) == 2 and r[1] == "-" for r in rows), name
    return [r[0] for r in rows]


def test_the_halves_are_split_by_the_sha1_of_the_question() -> None:
    tuning, heldout = _questions("health-tuning3.tsv"), _questions("health-heldout3.tsv")
    assert len(tuning) + len(heldout) >= 130
    assert all(hashlib.sha1(q.lower().encode()).digest()[0] % 2 == 0 for q in tuning)
    assert all(hashlib.sha1(q.lower().encode()).digest()[0] % 2 == 1 for q in heldout)
    assert len({q.lower() for q in tuning + heldout}) == len(tuning) + len(heldout)


def test_no_question_is_near_one_of_the_fresh_held_out_set() -> None:
    """Near-duplicates of health-heldout2.tsv (token-set ratio >= 80) were
    dropped unread when the set was written, so tuning on it does not tune on
    the fresh held-out set."""
    fresh = _questions("health-heldout2.tsv")
    for q in _questions("health-tuning3.tsv") + _questions("health-heldout3.tsv"):
        assert process.extractOne(q, fresh, scorer=fuzz.token_set_ratio, score_cutoff=80) is None


def test_the_tuning_scripts_never_read_the_held_out_half() -> None:
    scripts = Path(__file__).parent.parent / "scripts"
    for name in ("tune_scope.py", "tune_about.py", "build_everyday_counts.py"):
        # As a file name to open (in quotes), not as a word of a docstring.
        assert '"health-heldout3' not in (scripts / name).read_text(encoding="utf-8")
