"""The sixth sets (branch scope17): in-scope questions of caregivers and
people living with the conditions, and uncovered everyday health questions,
written by the team in one go; near-duplicates of every held-out half dropped
unread (rapidfuzz token-set ratio >= 80) and of every tuning set (>= 85);
sorted by the SHA-1 of the lower-cased question and split alternately."""

from __future__ import annotations

import hashlib
from pathlib import Path

from rapidfuzz import fuzz, process

DATA = Path(__file__).parent / "data"
SETS = ("inscope17-tuning.tsv", "inscope17-heldout.tsv", "health-tuning17.tsv",
        "health-heldout17.tsv")


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def _key(q: str) -> str:
    return hashlib.sha1(q.lower().encode()).hexdigest()


def test_the_sixth_sets_are_split_alternately_by_sha1() -> None:
    for stem in ("inscope17-{}.tsv", "health-{}17.tsv"):
        tuning, heldout = _rows(stem.format("tuning")), _rows(stem.format("heldout"))
        assert len(tuning) >= 20 and len(heldout) >= 20
        merged = sorted([*tuning, *heldout], key=lambda row: _key(row[0]))
        assert merged[0::2] == tuning and merged[1::2] == heldout
    assert all(e == "-" for _, e in _rows("health-tuning17.tsv") + _rows("health-heldout17.tsv"))
    assert all(e != "-" for _, e in _rows("inscope17-tuning.tsv") + _rows("inscope17-heldout.tsv"))


#: Sets written after the sixth (branch scope18): they were filtered
#: against the sixth by the same rule from their side (tuning sets at 85),
#: so one of their held-out lines may sit at 80-85 of a sixth tuning line
#: ("how can i tell if a burn needs a doctor" ~ "... if my tooth needs a
#: filling", 80.6) without either being a paraphrase written after the other.
LATER = ("inscope18-tuning.tsv", "inscope18-heldout.tsv", "health-tuning18.tsv",
         # A corpus by others added later (session 28), not a set of ours.
         "clinc-tuning.tsv", "clinc-heldout.tsv",
         "health-heldout18.tsv")


def test_the_sixth_sets_are_no_paraphrase_of_an_earlier_set() -> None:
    mine = {q.lower() for name in SETS for q, *_ in _rows(name)}
    for path in sorted(DATA.glob("*.tsv")):
        if path.name in SETS or path.name in LATER:
            continue
        earlier = [q.lower() for q, *_ in _rows(path.name)]
        held = "heldout" in path.name and path.name != "health-heldout.tsv"
        for q in mine:
            assert not process.extractOne(q, earlier, scorer=fuzz.token_set_ratio,
                                          score_cutoff=80 if held else 85), path.name
