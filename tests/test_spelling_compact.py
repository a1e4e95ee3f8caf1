"""The typed-typo corrector (voice/matching/spelling.py) asks its CMU
dictionary words of sound_alike's compact dictionary instead of building a
set of its own (+20 MB). The same words must count: compared with that set
(built below as spelling.py built it, commit 70eacd8) over every line of the
dictionary, the words of the tuning halves and the content with plural and
compound forms, and every string one edit from the content's words (what
``Speller`` looks up)."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.loader import load_knowledge
from voice.matching import spelling
from voice.matching.spelling import content_words, edits1

from .conftest import REPO
from .test_sound_alike_compact import sample_words

pocketsphinx = pytest.importorskip("pocketsphinx")
DICT = Path(pocketsphinx.get_model_path()) / "en-us" / "cmudict-en-us.dict"


def full_words() -> frozenset[str]:
    text = DICT.read_text(encoding="utf-8")
    return frozenset(line.partition(" ")[0] for line in text.splitlines()
                     if line and "(" not in line.partition(" ")[0])


def test_the_speller_shares_the_compact_dictionary() -> None:
    assert isinstance(spelling.english_words(), spelling._CmuWords)


def test_the_same_words_are_known() -> None:
    full = full_words()
    compact = spelling.english_words()
    assert len(full) > 100_000
    assert not [w for w in full if w not in compact]
    heads = [line.partition(" ")[0] for line in DICT.read_text(encoding="utf-8").splitlines()]
    kb = load_knowledge([REPO / "content"])
    edits = sorted({e for w in content_words(kb) if len(w) <= 8 for e in edits1(w)})
    words = sample_words() + heads + edits + ["", "a", "ab", "a(2)", "(", "zzzz"]
    assert len(edits) > 100_000
    differ = [w for w in words if (w in compact) != (w in full)]
    assert not differ, differ[:10]
    # The comparison can fail: short words count, unknown strings do not.
    assert "ab" in compact and "a" in compact and "a(2)" not in compact
    assert sum(w not in full for w in words) > 100_000


def test_the_words_listed_are_the_same() -> None:
    """The caregiver page's nearest-word hint iterates the shared list: the
    same words as the old set, short ones included, no "(2)" readings."""
    assert set(spelling.english_words()) == full_words()
