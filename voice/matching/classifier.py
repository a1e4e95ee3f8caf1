"""A small linear classifier: is a question worded like ours or like the rest?

Logistic regression over hashed features of the cleaned question
(``normalize.prepare``): its words, word pairs and the character 3- to
5-grams of each word. Trained on the *tuning* halves only
(``scripts/train_scope_classifier.py``; tests/data/README.md says which
files those are): the content's titles and editors' phrasings and the
in-scope tuning questions against everyday requests and uncovered health
questions. Weights of 2**HASH_BITS buckets and a bias, numpy only; it can be
stored as an .npz (``save``/``load``).

**Not shipped** (tried and dropped, docs/out-of-scope.md): the scope model
uses it only when given one; ``scripts/tune_scope.py --classifier`` measures
it on the tuning halves two-fold.

It only *adds* evidence to the word models of ``scope.py``: it was trained
on the content as it shipped, so a page a caregiver adds later is unknown to
it. It therefore keeps the content tokens it was trained with
(``vocabulary``), and the scope model does not ask it about a question with
a word of the loaded content outside them.
"""

from __future__ import annotations

import itertools
import math
import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np

#: Number of hashed feature buckets (2**HASH_BITS); 16,384 float32 weights.
HASH_BITS = 14
#: Character n-grams of each word (padded with spaces) from MIN to MAX long.
CHAR_MIN, CHAR_MAX = 3, 5


def features(cleaned: str) -> list[int]:
    """Distinct hashed feature buckets of a ``normalize.prepare``d question."""
    words = cleaned.split()
    feats: set[str] = {"w:" + w for w in words}
    feats.update(f"b:{a} {b}" for a, b in itertools.pairwise(words))
    for w in words:
        padded = f" {w} "
        for n in range(CHAR_MIN, CHAR_MAX + 1):
            feats.update("c:" + padded[i:i + n] for i in range(len(padded) - n + 1))
    mask = (1 << HASH_BITS) - 1
    return sorted({zlib.crc32(f.encode()) & mask for f in feats})


class ScopeClassifier:
    """P(ours) of a cleaned question from stored linear weights."""

    def __init__(self, weights: np.ndarray, bias: float,
                 vocabulary: frozenset[str] = frozenset()) -> None:
        self.weights = np.asarray(weights, dtype=np.float32)
        self.bias = float(bias)
        #: Content tokens (``normalize.tokens``) of the content it learned from.
        self.vocabulary = vocabulary

    @classmethod
    def load(cls, path: Path) -> ScopeClassifier | None:
        """The stored classifier, or None when the file is missing or damaged."""
        try:
            with np.load(path) as data:
                weights, bias = data["weights"], float(data["bias"])
                vocabulary = frozenset(str(w) for w in data["vocabulary"])
        except (OSError, KeyError, ValueError):
            return None
        if weights.shape != (1 << HASH_BITS,):
            return None
        return cls(weights, bias, vocabulary)

    def save(self, path: Path) -> None:
        np.savez_compressed(path, weights=self.weights, bias=np.float64(self.bias),
                            vocabulary=np.array(sorted(self.vocabulary), dtype=str))

    def score(self, cleaned: str) -> float:
        """The classifier's log-odds that ``cleaned`` is ours."""
        idx = features(cleaned)
        if not idx:
            return self.bias
        return self.bias + float(self.weights[idx].sum()) / math.sqrt(len(idx))

    def prob(self, cleaned: str) -> float:
        return 1.0 / (1.0 + math.exp(-self.score(cleaned)))


def train(texts: Sequence[str], labels: Sequence[int],
          vocabulary: frozenset[str] = frozenset(), epochs: int = 300,
          l2: float = 1e-4, rate: float = 0.5) -> ScopeClassifier:
    """Logistic regression on ``features`` (texts already cleaned), full
    batch with Adagrad from zero: deterministic, so the stored file can be
    checked against a rebuild. Each class weighs half in the loss."""
    rows = [features(t) for t in texts]
    y = np.asarray(labels, dtype=np.float64)
    n_pos = max(1.0, float(y.sum()))
    n_neg = max(1.0, float(len(y) - y.sum()))
    sample_w = np.where(y > 0, 0.5 / n_pos, 0.5 / n_neg)
    row_idx = np.concatenate([np.full(len(r), i) for i, r in enumerate(rows)]).astype(np.int64)
    col_idx = np.concatenate([np.asarray(r, dtype=np.int64) for r in rows])
    val = np.concatenate([np.full(len(r), 1.0 / math.sqrt(len(r))) if r else np.zeros(0)
                          for r in rows])
    dim = 1 << HASH_BITS
    w = np.zeros(dim)
    b = 0.0
    g2w = np.full(dim, 1e-8)
    g2b = 1e-8
    for _ in range(epochs):
        z = np.bincount(row_idx, weights=val * w[col_idx], minlength=len(rows)) + b
        p = 1.0 / (1.0 + np.exp(-z))
        err = (p - y) * sample_w
        gw = np.bincount(col_idx, weights=val * err[row_idx], minlength=dim) + l2 * w
        gb = float(err.sum())
        g2w += gw * gw
        g2b += gb * gb
        w -= rate * gw / np.sqrt(g2w)
        b -= rate * gb / math.sqrt(g2b)
    return ScopeClassifier(w.astype(np.float32), round(b, 6), vocabulary)
