"""The compact CMU dictionary of voice/matching/sound_alike.py (``Pronouncing``)
gives the same pronunciations, sound keys and readings as the full one it
replaced (a dict of lists, built below as sound_alike.py built it), so
holding it in ~4 MB instead of 36 MB changes nothing that is read.

Compared: every word of the bundled dictionary, and every word of the
tuning halves (tests/data/tuning.tsv, the even dev.tsv questions,
health-tuning.tsv, foreign-tuning.tsv: the sets scripts/tune_sound_alike.py
tunes on) and of the content, with plural and compound forms the dictionary
lacks (``Lexicon``'s guesses look words up too)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from voice.content.loader import load_knowledge
from voice.matching import normalize, sound_alike
from voice.matching.matcher import Matcher
from voice.matching.sound_alike import Pronouncing, SoundAlike
from voice.speech_in.pocketsphinx.corpus import read_labelled
from voice.speech_in.pocketsphinx.lexicon import Lexicon

from .conftest import REPO

pocketsphinx = pytest.importorskip("pocketsphinx")
DICT = Path(pocketsphinx.get_model_path()) / "en-us" / "cmudict-en-us.dict"
DATA = REPO / "tests" / "data"


def full_lexicon() -> Lexicon:
    """The dictionary as sound_alike.py loaded it before (commit 12f48de)."""
    text = DICT.read_text(encoding="utf-8")
    cmu: dict[str, list[str]] = {}
    for line in text.splitlines():
        head, _, phones = line.partition(" ")
        if len(head) >= 3 and "(" not in head and head not in cmu:
            cmu[head] = [phones.split("#", 1)[0].strip()]
    return Lexicon(cmu)


@pytest.fixture(scope="module")
def full() -> Lexicon:
    return full_lexicon()


@pytest.fixture(scope="module")
def compact() -> Lexicon:
    lex = sound_alike._load_lexicon()
    assert lex is not None and isinstance(lex.cmu, Pronouncing)
    return lex


def sample_words() -> list[str]:
    """Words of the tuning halves and the content, and forms built from them."""
    texts = [q.text for q in read_labelled(DATA / "tuning.tsv")]
    texts += [q.text for q in read_labelled(DATA / "dev.tsv")[::2]]
    texts += [q.text for name in ("health-tuning.tsv", "foreign-tuning.tsv")
              for q in read_labelled(DATA / name)]
    texts += [p.read_text(encoding="utf-8") for p in sorted((REPO / "content").rglob("*.md"))]
    words = sorted({w for t in texts for w in normalize.clean(t).split()})
    forms = [f"{w}{end}" for w in words for end in ("s", "es", "ies", "'s")]
    # Compounds: two words run together ("neuro" + "modulation"), heard runs.
    forms += [a + b for a, b in itertools.pairwise(words)]
    return sorted(set(words + forms + ["tizanidines", "gabapentins", "spasticityx", "a(2)",
                                       "ab", "", "résumé", "zzzz", "zywicki"]))


def dictionary_heads() -> Iterator[str]:
    for line in DICT.read_text(encoding="utf-8").splitlines():
        yield line.partition(" ")[0]


def test_every_dictionary_word_reads_the_same(full: Lexicon, compact: Lexicon) -> None:
    table = compact.cmu
    # The same words, each with the same phones (its first reading).
    assert len(table) == len(full.cmu) > 100_000
    assert list(table) == list(full.cmu)
    differ = [w for w in full.cmu if table[w] != full.cmu[w]]
    assert not differ, differ[:10]
    # Lines the full loader skipped stay unknown: "word(2)", words under 3 letters.
    skipped = [h for h in dictionary_heads() if h not in full.cmu]
    assert len(skipped) > 5000
    assert not [h for h in skipped if h in table or table.get(h) is not None]


def test_heard_and_content_words_read_the_same(full: Lexicon, compact: Lexicon) -> None:
    words = sample_words()
    assert len(words) > 10_000
    # Plurals, compounds and letter-to-sound guesses look the dictionary up as well.
    differ = [w for w in words if compact.pronounce(w) != full.pronounce(w)]
    assert not differ, differ[:10]
    guessed = [w for w in words if w not in full.cmu]
    assert len(guessed) > 5000


def keys_with(lexicon: Lexicon | None, monkeypatch: pytest.MonkeyPatch,
              words: list[str]) -> dict[str, str]:
    sound_alike.key.cache_clear()
    with monkeypatch.context() as m:
        m.setattr(sound_alike, "_lexicon", lambda: lexicon)
        try:
            return {w: sound_alike.key(w) for w in words}
        finally:
            sound_alike.key.cache_clear()


def test_sound_keys_and_readings_are_the_same(
        full: Lexicon, compact: Lexicon, monkeypatch: pytest.MonkeyPatch) -> None:
    words = sample_words()
    keys = keys_with(compact, monkeypatch, words)
    assert keys == keys_with(full, monkeypatch, words)
    # The check can fail: letter-to-sound alone (no dictionary) keys words otherwise.
    assert keys != keys_with(None, monkeypatch, words)

    # The content's repair targets and what runs of tuning words are read as.
    matcher = Matcher(load_knowledge([REPO / "content"]))
    targets = [w for w in matcher._repair_words
               if matcher.rarity(w) >= sound_alike.TARGET_RARITY]
    runs = [run for q in read_labelled(DATA / "tuning.tsv")
            for t in [normalize.clean(q.text).split()]
            for n in range(1, sound_alike.MAX_JOIN + 1)
            for run in (t[i:i + n] for i in range(len(t) - n + 1))]
    readings = []
    for lexicon in (compact, full):
        sound_alike.key.cache_clear()
        with monkeypatch.context() as m:
            m.setattr(sound_alike, "_lexicon", lambda lexicon=lexicon: lexicon)
            index = SoundAlike(targets)
            readings.append((index._by_key, [index.closest(run) for run in runs]))
    sound_alike.key.cache_clear()
    assert readings[0] == readings[1]
    assert len(readings[0][0]) > 20
    assert sum(hit is not None for hit in readings[0][1]) > 20
