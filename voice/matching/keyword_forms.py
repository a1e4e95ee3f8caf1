"""How many of an editor's lines use each word, a keyword's forms once.

``Matcher._field_weights`` weighs a word an editor used in several "Also
asked" lines or keywords more than one used once. Keywords list a word's
forms side by side ("walk, walking"; "exercise, exercises"), which fold to
one token: counted per keyword, the assistive-devices FAQ weighed "walk" 1.0
(keywords "walk" and "walking", two lines) against 0.85 for The Role of
Exercise and Rehabilitation, whose editors wrote "is walking good exercise",
and "is walking good" was offered the FAQ. Here the keywords together count
once per token; each "Also asked" line still counts once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from voice.matching import normalize

#: Off (not shipped): each keyword counts as a line of its own. On, it moved
#: no tuning line's outcome (two offers' second entries) but cost a held-out
#: row: scripts/benchmark.py "ours ... held-out" 95.7% -> 94.8% (one question
#: of heldout.tsv no longer offered its entry). Session 27, branch typed31.
ON = False


def editor_counts(phrasings: Iterable[str], keywords: Iterable[str]) -> Counter[str]:
    """Token -> how many "Also asked" lines use it, plus one when any keyword does."""
    counts: Counter[str] = Counter()
    for line in phrasings:
        counts.update(set(normalize.tokens(line)))
    if ON:
        counts.update({t for k in keywords for t in normalize.tokens(k)})
    else:
        for k in keywords:
            counts.update(set(normalize.tokens(k)))
    return counts
