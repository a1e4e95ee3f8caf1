"""A word heard where only a noun can stand, read as the content's noun.

Whisper writes a noun of the content as a commoner word that sounds alike
but cannot stand where it was written:

- "nerves" as "nervous" (N-ER-V-Z against N-ER-V-AH-S): flite's awb voice
  saying "how can i tell if something is wrong with my nerves" was heard
  "... wrong with my nervous" at 0.96, and the matcher, which folds a bare
  "nervous" onto worry (synonyms.py: "i feel nervous" is stress), offered
  coping strategies. After a possessive or "the", with nothing after it
  but the end of the line or a word that cannot begin a noun phrase,
  "nervous" is no adjective: the noun was meant. "my nervous system" (the
  content's own phrase) and "i am nervous" are left alone.
- "ALS", said as letters, as "else" (EH L S against EY EH L EH S):
  festival's slt voice saying "what is als" was heard "what is else" at
  0.93 and declined. "else" only ever follows "something", "anyone",
  "what", "or" and their kind; after any other word it is a noun's place.

The reading is made only when the noun is a word of the content (the
caller says which), and the line is then only offered ("Did you mean
...?"), never answered outright: it was read, not heard.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: The adjective Whisper writes for a noun of the content after a
#: determiner, and that noun. Only "nervous": measured on the tuning halves
#: (docs/speech-in.md, "Session 30 (branch heard36)").
NOUN_OF = {"nervous": "nerves"}
#: What "else" is read as when no word that takes "else" comes before it.
ELSE_AS = "als"

#: The words that make what follows a noun's place.
_DETERMINERS = r"my|your|his|her|their|our|the|these|those"
#: A word that may follow the adjective when it stands alone (the end of
#: the line, a preposition or a conjunction): "my nervous and my muscles",
#: "the nervous in my legs". A noun after it ("system") keeps the adjective.
_AFTER = r"and|or|in|of|on|at|to|for|with|from|but|so|because|again|too|now|please"
#: The words "else" follows in English ("something else", "what else",
#: "or else", "no one else").
_TAKES_ELSE = frozenset(
    "something anything everything nothing someone anyone everyone somebody anybody "
    "everybody nobody one somewhere anywhere everywhere nowhere what who whom where how "
    "why whatever whoever wherever or little much all".split())

#: Set False to measure without the reading (scripts/split_spoken_misses.py
#: --no-noun-heard).
ON = True


def _adjective_place() -> re.Pattern[str]:
    adjectives = "|".join(map(re.escape, NOUN_OF))
    return re.compile(rf"\b(?:{_DETERMINERS}) ({adjectives})(?= (?:{_AFTER})\b|$)")


_ADJECTIVE_PLACE = _adjective_place()


def noun_read(text: str, is_ours: Callable[[str], bool] = lambda _: True) -> str | None:
    """``text`` (heard words, lower case) with a word of NOUN_OF, or "else",
    in a noun's place read as its noun, or None when there is none.
    ``is_ours``: whether a noun is a word of the content (only those are read)."""
    if not ON:
        return None
    line = " ".join(text.lower().split()).rstrip(".?!,")
    read = _ADJECTIVE_PLACE.sub(
        lambda m: (m.group(0)[: m.start(1) - m.start(0)] + NOUN_OF[m.group(1)]
                   if is_ours(NOUN_OF[m.group(1)]) else m.group(0)), line)
    words = read.split()
    if is_ours(ELSE_AS):
        words = [ELSE_AS if w == "else" and i > 0 and words[i - 1] not in _TAKES_ELSE else w
                 for i, w in enumerate(words)]
    read = " ".join(words)
    return read if read != line else None
