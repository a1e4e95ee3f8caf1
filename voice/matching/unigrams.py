"""The unigram log-probabilities of a PocketSphinx binary language model,
read straight from the file and held compactly.

``scope.GeneralEnglish`` only ever asks one word's unigram probability
(``NGramModel.prob([word])``) of the en-us model PocketSphinx ships. Loading
that model whole (``NGramModel.readfile``) holds its bigrams and trigrams too:
~33 MB for 72,547 words. This reads the same file's header, its unigram
records and its word strings, skipping the rest with ``seek``, and keeps the
words sorted in one fixed-width bytes array (1.6 MB) with an int32 array of
their log-probabilities (0.3 MB). A word is found by binary search.

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

import struct
from pathlib import Path

import numpy as np

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

    def __init__(self, names: np.ndarray, probs: np.ndarray, unknown: int | None) -> None:
        self._names = names  # sorted, distinct, fixed-width bytes ("S22")
        self._probs = probs  # int32, one per name
        self._unknown = unknown

    @classmethod
    def read(cls, path: Path) -> Unigrams | None:
        """The unigrams of the binary model at ``path``, or None when it is
        not a trie binary model laid out as PocketSphinx writes it."""
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
            if n == 0 or len(records) != (n + 1) * _RECORD or len(size) != 4:
                return None
            (k,) = struct.unpack("<I", size)
            text = f.read(k)
            if len(text) != k or f.read(1) or not text.endswith(b"\0"):
                return None
        # Words are NUL-terminated strings; laid out here as a fixed-width
        # bytes array without a Python object per word (that cost ~10 MB).
        buf = np.frombuffer(text, dtype=np.uint8)
        ends = np.flatnonzero(buf == 0).astype(np.int32)
        if len(ends) != n:
            return None
        starts = np.concatenate((np.zeros(1, dtype=np.int32), ends[:-1] + 1))
        lengths = ends - starts
        del ends
        width = int(lengths.max())
        if width == 0:
            return None
        table = np.zeros((n, width), dtype=np.uint8)
        for j in range(width):  # column by column: no array per byte of text
            longer = np.flatnonzero(lengths > j)
            table[longer, j] = buf[starts[longer] + j]
        del buf, text, starts, lengths
        names = table.view(f"S{width}").ravel()
        prob = np.frombuffer(records, dtype="<f4").reshape(n + 1, 3)[:n, 0]
        # (int32) of the float, as lm_trie_score returns it: toward zero.
        logp = prob.astype(np.int32)
        del prob, records
        unk = np.flatnonzero(names == b"<UNK>")
        unknown = int(logp[unk[0]]) if len(unk) else None
        # Sorted for binary search; of duplicate words the first is the one
        # PocketSphinx finds (a stable sort keeps it first).
        order_ = np.argsort(names, kind="stable").astype(np.int32)
        names = names[order_]
        del table
        first = np.ones(n, dtype=bool)
        first[1:] = names[1:] != names[:-1]
        return cls(names[first].copy(), logp[order_[first]].copy(), unknown)

    def _word(self, i: int) -> bytes:
        return bytes(self._names[i])

    def prob(self, word: str) -> int | None:
        """``NGramModel.prob([word])``, None where that is log-zero (a word
        the model lacks, when it has no ``<UNK>``)."""
        # PocketSphinx is given a C string: it ends at a NUL.
        w = word.encode("utf-8", "surrogatepass").partition(b"\0")[0]
        if len(w) <= self._names.dtype.itemsize:  # longer would be cut short
            i = int(np.searchsorted(self._names, w))
            if i < len(self._names) and self._names[i] == w:
                return int(self._probs[i])
        return self._unknown

    def __len__(self) -> int:
        return len(self._names)
