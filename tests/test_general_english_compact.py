"""scope.GeneralEnglish reads only the unigrams of PocketSphinx's en-us
language model (voice/matching/unigrams.py: ~2 MB held instead of the whole
model's ~33 MB). It must say the same as the whole model loaded by
``pocketsphinx.NGramModel``, as GeneralEnglish did before (commit 70eacd8):
compared over every word of the model, the words of the tuning halves and
the content with their plural and compound forms, and words it lacks."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from voice.matching import scope
from voice.matching.scope import GeneralEnglish
from voice.matching.unigrams import Unigrams

from .test_sound_alike_compact import sample_words

pocketsphinx = pytest.importorskip("pocketsphinx")
LM = Path(pocketsphinx.__file__).parent / "model" / "en-us" / "en-us.lm.bin"


class WholeEnglish:
    """GeneralEnglish as it was: the whole model, ``prob([word])``."""

    def __init__(self) -> None:
        self.model = pocketsphinx.NGramModel.readfile(str(LM))

    def knows(self, word: str) -> bool:
        return bool(self.model.prob([word]) >= -10**8)

    def rarity(self, word: str) -> float:
        logp = self.model.prob([word])
        if logp < -10**8:
            return GeneralEnglish.MISSING
        return min(GeneralEnglish.MISSING, -logp * math.log10(1.0001))


@pytest.fixture(scope="module")
def whole() -> WholeEnglish:
    return WholeEnglish()


@pytest.fixture(scope="module")
def compact() -> Unigrams:
    table = Unigrams.read(LM)
    assert table is not None
    return table


def model_words(table: Unigrams) -> list[str]:
    return [table._word(i).decode("utf-8") for i in range(len(table))]


def test_general_english_holds_the_compact_unigrams() -> None:
    assert isinstance(scope._load_model(), Unigrams)


def test_every_word_of_the_model_has_the_same_probability(
        whole: WholeEnglish, compact: Unigrams) -> None:
    words = model_words(compact)
    assert len(words) == 72_547
    differ = [w for w in words if compact.prob(w) != whole.model.prob([w])]
    assert not differ, differ[:10]


def test_tuning_and_content_words_are_as_rare_as_before(whole: WholeEnglish) -> None:
    english = GeneralEnglish()
    words = [*sample_words(), "verruca", "risotto", "The", "CAN", "<s>", "</s>", "<UNK>"]
    assert len(words) > 10_000
    before = {w: (whole.knows(w), whole.rarity(w)) for w in words}
    assert {w: (english.knows(w), english.rarity(w)) for w in words} == before
    # The comparison can fail: known and unknown words, and many rarities.
    assert sum(k for k, _ in before.values()) > 3000
    assert sum(not k for k, _ in before.values()) > 5000
    assert len({r for _, r in before.values()}) > 1000


def test_a_file_that_is_not_a_trie_model_is_refused(tmp_path: Path) -> None:
    arpa = tmp_path / "x.lm"
    arpa.write_text("\\data\\\nngram 1=1\n\n\\1-grams:\n-1.0 a\n\n\\end\\\n")
    assert Unigrams.read(arpa) is None
    cut = tmp_path / "cut.lm.bin"
    cut.write_bytes(LM.read_bytes()[:2_000_000])
    assert Unigrams.read(cut) is None
