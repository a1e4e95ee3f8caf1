"""The yes/no shape bonus only between an FAQ and the section on its topic.

``matcher.SHAPE_BONUS`` lifts the kind of entry a question's shape asks for
("is X good" asks an FAQ, "tell me about X" a section) to settle a near-tie
between an FAQ and the section on the same topic. Given against another
topic's section it decides the subject instead of the shape: "is walking
good" scored the assistive-devices FAQ 86.2 and The Role of Exercise and
Rehabilitation 83.0 (its editors wrote "is walking good exercise"), and the
bonus lifted the FAQ to 92.2, offered alone.

Here, when the best entry of the other kind near an entry of the asked kind
(within ``margin`` below it, or above it) is on another topic, the bonus may
still put the asked kind first but not so far ahead that the other is no
longer offered: "is walking good" offers both. Withholding the bonus
outright there was measured and dropped (docs/user-journeys.md, Session 27,
branch typed31): "can a walker help me stay active", with its own "Also
asked" line taken out (leave-one-out), then went to the exercise section.

Two entries are on the same topic when their titles share a topic word: a
title word used by at most ``TOPIC_TITLES`` titles, not a condition's name
("How do assistive devices improve mobility?" and "Assistive Devices" share
"assistive"; every title names the disorders).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence

from voice.content.model import Entry
from voice.matching import normalize

#: Off: the bonus as before, for measuring (scripts/tune_scope18.py --dump).
ON = True
#: A title word in this many titles or fewer names a topic. Of the 26 titles,
#: "disorders" and "treatment" are in 5, "neuromuscular" in 4, "spasms" and
#: "managing" in 3 (they name the whole content, not a topic); every other
#: title word is in at most 2.
TOPIC_TITLES = 2
#: How far under the close margin a capped entry stays (scores are rounded
#: to 0.1): the other entry is still within the margin, so both are offered.
CAP_GAP = 0.2


class Topics:
    """The topic words of each entry's title, by the entry's index."""

    def __init__(self, entries: Sequence[Entry], conditions: Collection[str]) -> None:
        titles = [frozenset(normalize.tokens(e.title)) - frozenset(conditions) for e in entries]
        used = Counter(t for words in titles for t in words)
        self._words = [frozenset(t for t in words if used[t] <= TOPIC_TITLES)
                       for words in titles]

    def same(self, i: int, j: int) -> bool:
        """Whether entries ``i`` and ``j`` share a topic word."""
        return bool(self._words[i] & self._words[j])


def bonus_cap(idx: int, base: Mapping[int, float], shaped: Collection[int],
              topics: Topics, margin: float) -> float | None:
    """The most the shaped entry ``idx`` may score with the shape bonus,
    given every shortlisted entry's score before any bonus (``base``): just
    under ``margin`` above the best unshaped entry near it (at most
    ``margin`` below it, or above it) when that entry is on another topic,
    so the bonus may still put the shaped entry first but never drops the
    other from the offer; None (no cap) otherwise."""
    if not ON:
        return None
    near = [j for j in base if j not in shaped and base[j] >= base[idx] - margin]
    if not near:
        return None
    rival = max(near, key=base.__getitem__)
    if topics.same(idx, rival):
        return None
    return base[rival] + margin - CAP_GAP
