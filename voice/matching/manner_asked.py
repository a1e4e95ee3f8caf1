"""How hard or easy a thing is, asked: the thing carries the question
(session 28, branch typed32).

"is it difficult to treat" was offered the early-signs FAQ and Impact on
Daily Life, not Treatment Approaches: synonyms.py folds "difficult", "hard
to" and "trouble" onto "difficulty", a word of two entries ("difficulty
swallowing", "difficulties in completing daily activities"), so it weighed
far more than "treat", a word of 13. In a question "is it difficult to X",
"will it be hard to X", the difficulty is how X goes, and X is what is
asked about; the difficulty token is left out of the ranking. Only in the
question form: "it's hard to get up the stairs" tells a difficulty, and
"difficulty" is then what the line is about (Impact on Daily Life).

No entry says how hard a thing is, so such a line is offered, never read
(offer_rather.py).
"""

from __future__ import annotations

import re

#: Off for measuring: the tokens ranked as before.
ON = True

#: The question form, on prepared text (synonyms folded: "hard to" ->
#: "difficulty"): an opener, a subject of one or two words, "be" at most,
#: then how hard or easy, then the verb asked about.
MANNER_ASKED = re.compile(
    r"^(?:is|are|was|were|will|would|could) (?:\w+ ){1,2}?(?:be )?"
    r"(?:difficulty|easy|easier|harder) (?:to )?(?P<what>\w+)")
#: The tokens of how hard or easy (stemmed), left out of the ranking.
MANNER_TOKENS = frozenset({"difficulti", "easi", "easier", "harder"})


def asks_manner(prepared: str) -> bool:
    """``prepared`` (normalize.prepare) asks how hard a thing is to do."""
    return ON and bool(MANNER_ASKED.search(prepared))


def without_manner(prepared: str, toks: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """``toks`` without how hard or easy, when ``prepared`` asks it of a
    thing that leaves tokens to rank."""
    if not asks_manner(prepared):
        return toks
    kept = [(t, c) for t, c in toks if t not in MANNER_TOKENS]
    return kept or toks
