"""The unigram log-probabilities of a PocketSphinx binary language model,
read straight from the file and held compactly.

``scope.GeneralEnglish`` only ever asks one word's unigram probability
(``NGramModel.prob([word])``) of the en-us model PocketSphinx ships. Loading
that model whole (``NGramModel.readfile``) holds its bigrams and trigrams too:
~33 MB for 72,547 words. This reads the same file's header, its unigram
records and its word strings, skipping the rest with ``seek``, and keeps the
words sorted in one bytes object with an array of where each starts and an
array of their log-probabilities (~2 MB). A word is found by binary search.

The value is what PocketSphinx returns for a one-word ``prob``: the record's
float (already in log base 1.0001) truncated to an int, the first of
duplicate words, ``<UNK>``'s value for a word the model lacks if it has
``<UNK>``, else None (PocketSphinx's log-zero). The file layout is
PocketSphinx's "Trie Language Model" (src/lm/ngram_model_trie.c,
lm_trie.c, lm_trie_quant.c); a file that does not add up to it is refused
(``read`` returns None) and the caller loads the model the old way.
tests/test_general_english_compact.py compares every word of the model, and
the words of the tuning sets and the content, with ``NGramModel.prob``.
"""

from __future__ import annotations

import bisect
import struct
from array import array
from pathlib import Path

_HEADER = b"Trie Language Model"
#: One unigram record: float prob, float backoff, uint32 next.
_RECORD = 12
#: Quantisation tables: 16 bits for probabilities and backoffs.
_TABLE = 1 << 16
#: Bits per stored n-gram beyond the word index: middle orders (prob and
#: backoff) and the longest (prob only), lm_trie_quant_msize / _lsize.
_MIDDLE_BITS = 32
_LONGEST_BITS = 16


def _base_size(entries: int, max_vocab: int, remaining_bits: int) -> int:
    """lm_trie.c's base_size: bytes of one order's packed records."""
    total_bits = max_vocab.bit_length() + remaining_bits
    return ((1 + entries) * total_bits + 7) // 8 + 8


def _ngram_bytes(counts: list[int]) -> int:
    """lm_trie_alloc_ngram's ngram_mem_size: bytes of every order above one."""
    order = len(counts)
    if order < 2:
        return 0
    size = 0
    for i in range(1, order - 1):
        size += _base_size(counts[i], counts[0],
                           _MIDDLE_BITS + counts[i + 1].bit_length())
    return size + _base_size(counts[order - 1], counts[0], _LONGEST_BITS)


class Unigrams:
    """Each word's unigram log-probability (log base 1.0001, as an int)."""

    def __init__(self, words: bytes, starts: array[int], probs: array[int],
                 unknown: int | None) -> None:
        self._words = words  # sorted, each followed by b"\0"
        self._starts = starts
        self._probs = probs
        self._unknown = unknown

    @classmethod
    def read(cls, path: Path) -> Unigrams | None:
        """The unigrams of the binary model at ``path``, or None when it is
        not a trie binary model laid out as PocketSphinx writes it."""
        import numpy as np

        with path.open("rb") as f:
            if f.read(len(_HEADER)) != _HEADER:
                return None
            (order,) = struct.unpack("<B", f.read(1))
            if not 1 <= order <= 5:
                return None
            counts = list(struct.unpack(f"<{order}I", f.read(4 * order)))
            if order > 1:  # an int, then the quantisation tables (floats)
                f.seek(4 + 4 * ((order - 2) * 2 * _TABLE + _TABLE), 1)
            n = counts[0]
            records = f.read((n + 1) * _RECORD)
            f.seek(_ngram_bytes(counts), 1)
            size = f.read(4)
            if len(records) != (n + 1) * _RECORD or len(size) != 4:
                return None
            (k,) = struct.unpack("<I", size)
            text = f.read(k)
            if len(text) != k or f.read(1) or not text.endswith(b"\0"):
                return None
        names = text[:-1].split(b"\0")
        if len(names) != n:
            return None
        prob = np.frombuffer(records, dtype="<f4").reshape(n + 1, 3)[:n, 0]
        # (int32) of the float, as lm_trie_score returns it: toward zero.
        logp = np.trunc(prob.astype(np.float64)).astype(np.int32)
        # The first of duplicate words is the one PocketSphinx finds.
        order_ = sorted(range(n), key=names.__getitem__)
        kept = [i for j, i in enumerate(order_) if j == 0 or names[i] != names[order_[j - 1]]]
        starts = array("I")
        pos = 0
        for i in kept:
            starts.append(pos)
            pos += len(names[i]) + 1
        words = b"".join(names[i] + b"\0" for i in kept)
        probs = array("i", logp[kept].tobytes())
        where = {names[i]: i for i in reversed(range(n))}.get(b"<UNK>")
        unknown = int(logp[where]) if where is not None else None
        return cls(words, starts, probs, unknown)

    def _word(self, i: int) -> bytes:
        start = self._starts[i]
        return self._words[start:self._words.index(b"\0", start)]

    def prob(self, word: str) -> int | None:
        """``NGramModel.prob([word])``, None where that is log-zero (a word
        the model lacks, when it has no ``<UNK>``)."""
        w = word.encode("utf-8", "surrogatepass")
        i = bisect.bisect_left(range(len(self._starts)), w, key=self._word)
        if i < len(self._starts) and self._word(i) == w:
            return self._probs[i]
        return self._unknown

    def __len__(self) -> int:
        return len(self._starts)
