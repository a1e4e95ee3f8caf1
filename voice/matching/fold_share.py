"""A word reached only through a synonym fold weighs less for an entry that
never uses the word as said (session 28, branch typed32).

synonyms.py folds "difficult", "hard to" and "trouble" onto "difficulty",
"anxiety" onto "stress", and so on, in the question and in the content alike.
A fold is what lets "i have trouble sleeping" find an entry written with
"difficulty", but it also makes an entry look as if it used the asker's word
when it used another one of its group: "is it difficult to treat" was offered
the early-signs FAQ (its "Also asked" line "is trouble swallowing a symptom")
before the treatment section, because "difficulty" is a rare token there and
"treatment" a common one.

So, for each token of the question that a said word reached only through a
fold (the said word is not the token's own word or an inflection of it),
an entry whose own words (title, "Also asked", keywords, answer, unfolded)
hold that said word keeps the token's full weight, and one that holds only
another word of its group gets ``SHARE`` of it. Only when at least one of
the entries the token reaches holds the said word: when none does, the fold
is the only way in, and every entry keeps it whole (else a question said
only in synonyms would sink below the thresholds for no entry's benefit).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from voice.content.model import Entry
from voice.matching import normalize

#: Off: measured on the tuning halves, it cost answers ("i have trouble getting
#: dressed", Impact on Daily Life 83.0 -> 67.4, offered); docs/user-journeys.md, session 28.
ON = False
#: The share of a folded token's weight for an entry without the said word.
#: Measured on the tuning halves and left off: docs/user-journeys.md, session 28 (typed32).
SHARE = 0.5
#: The shortest stem taken as the root of a longer one ("treat" of
#: "treatment"); shorter ones ("ms", "eat") are compared whole.
ROOT_MIN = 4


def own_stems(entry: Entry) -> frozenset[str]:
    """The entry's content words as written, stemmed, no synonym folded."""
    text = " ".join((entry.title, *entry.phrasings, *entry.keywords, entry.answer))
    return frozenset(normalize.content_tokens(normalize.strip_fillers(normalize.clean(text))))


def _same_root(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return short == long or (len(short) >= ROOT_MIN and long.startswith(short))


def _holds(stems: frozenset[str], said: list[str]) -> bool:
    """Whether an entry's ``stems`` hold every word of a said unit."""
    return all(s in stems or any(_same_root(s, t) for t in stems) for s in said)


def holds_all(stems: frozenset[str], said: list[str]) -> bool:
    """Whether an entry's ``stems`` hold every one of the ``said`` words."""
    return bool(said) and _holds(stems, said)


def said_as(units: Iterable[tuple[str, str]]) -> dict[str, list[list[str]]]:
    """Each token of the question with the said units (as stems) that
    reached it."""
    out: dict[str, list[list[str]]] = {}
    for surface, tok in units:
        if stems := normalize.content_tokens(surface):
            out.setdefault(tok, []).append(stems)
    return out


def shares(units: Iterable[tuple[str, str]],
           postings: Mapping[str, list[tuple[int, float]]],
           stems_of: list[frozenset[str]]) -> dict[tuple[str, int], float]:
    """(token, entry index) -> the share of the token's weight that entry
    gets, for the entries that get less than all of it."""
    if not ON:
        return {}
    out: dict[tuple[str, int], float] = {}
    for tok, said in said_as(units).items():
        posts = postings.get(tok, ())
        holding = {idx for idx, _ in posts
                   if any(_holds(stems_of[idx], unit) for unit in said)}
        if not holding:
            continue
        out.update(((tok, idx), SHARE) for idx, _ in posts if idx not in holding)
    return out
