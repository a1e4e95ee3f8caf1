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

#: Off: each keyword counts as a line of its own, as before (for measuring).
ON = True


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
