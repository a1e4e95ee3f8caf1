"""Between two entries scored nearly alike, the one whose own lines the
question is worded like goes first (session 37, branch scope47).

``Matcher.rank`` scores an entry mostly by coverage (how much of the
question's words the entry's fields explain: title, "Also asked" lines,
keywords, answer) and 30% by phrase similarity (``PHRASE_SHARE``). When two
entries come within the close margin of each other, both are named in "Did
you mean ...?", and coverage has not told them apart: a word of the asker's
own decides which is named first ("what equipment can help at home":
"home" is a keyword of the lifestyle FAQ, 52.5, where the question is
nearly Assistive Devices' own line "what devices can help at home", 46.7).

Here the two are told apart by how closely the question is worded like the
entry's title or one of its "Also asked" lines, word order aside: the mean
of rapidfuzz's token-set ratio (the words in common against the shorter
side's) and token-sort ratio (the words sorted, then compared letter by
letter), best line of each entry. The second goes first when ``WEIGHT``
times its lead in that similarity is more than the gap in score.

The two change places and the scores stay in their places (the first
place keeps the higher score): the gap, the close margin, every threshold
and so whether the question is answered, offered or declined are unchanged
by the order itself, and an entry scored as sure (``SURE_SCORE``: answered
despite a close second) or below the confirm threshold is never moved.
What changes is which entry is named first, and so which entry the checks
after the score read (``cands[0].entry``).

Chosen on the tuning halves only (docs/out-of-scope.md, session 37).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

if TYPE_CHECKING:
    from voice.matching.matcher import Candidate

#: On: the rule runs in ``Matcher.rank``. Off: main's ranking.
ON = True
#: Points of score gap one point of wording similarity outweighs. On the
#: tuning halves the same lines move from 0.6 to 0.9: every gain needs at
#: most 0.5 ("what equipment can help at home" 0.50), the next loss past
#: the one they all take ("should my dad use a walking stick", 0.09) needs
#: 0.99 ("why me", dev.tsv).
WEIGHT = 0.75


def worded_like(cleaned: str, lines: Sequence[str]) -> float:
    """How closely ``cleaned`` (``normalize.prepare``) is worded like the
    closest of ``lines`` (prepared too), word order aside, 0-100: the mean
    of the best token-set and the best token-sort ratio."""
    if not lines:
        return 0.0
    return (max(fuzz.token_set_ratio(cleaned, line) for line in lines)
            + max(fuzz.token_sort_ratio(cleaned, line) for line in lines)) / 2


def reorder(cands: list[Candidate], lines: Callable[[Candidate], Sequence[str]], cleaned: str,
            margin: float, low: float, high: float,
            settled: Callable[[Candidate, Candidate], bool] = lambda a, b: False,
            ) -> list[Candidate]:
    """``cands`` (best first) with the first two swapped, each keeping its
    place's score, when they are within ``margin`` of each other, the first
    scores at least ``low`` and under ``high``, and ``cleaned`` is worded
    like the second's ``lines`` (title and "Also asked" lines) enough more
    than like the first's (see the module's doc). ``settled(first,
    second)``: the first was put first on purpose (the question's shape or
    what it asks defined), left as it is."""
    if not ON or len(cands) < 2:
        return cands
    first, second = cands[0], cands[1]
    gap = first.score - second.score
    if not low <= first.score < high or gap >= margin or settled(first, second):
        return cands
    lead = worded_like(cleaned, lines(second)) - worded_like(cleaned, lines(first))
    if WEIGHT * lead <= gap:
        return cands
    return [replace(second, score=first.score), replace(first, score=second.score), *cands[2:]]
