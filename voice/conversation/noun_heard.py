"""An adjective heard where only a noun can stand, read as the content's noun.

Whisper writes the plural "nerves" as "nervous" (the same sounds, N-ER-V-Z
against N-ER-V-AH-S, and the commoner word): flite's awb voice saying "how
can i tell if something is wrong with my nerves" was heard "... wrong with
my nervous" at 0.96, and the matcher, which folds a bare "nervous" onto
worry (synonyms.py: "i feel nervous" is stress), offered coping strategies.
After a possessive or "the" with nothing after it but the end of the line
or a word that cannot begin a noun phrase, "nervous" is no adjective: the
noun was meant. "my nervous system" (the content's own phrase) and "i am
nervous" are left alone. The line is then only offered ("Did you mean
...?"), never answered outright: it was read, not heard.
"""

from __future__ import annotations

import re

#: The adjective Whisper writes for a noun of the content, and that noun.
#: Only "nervous": measured on the tuning halves (docs/speech-in.md, "Session
#: 30 (branch heard36)"), the one such pair among 36 spoken misses.
NOUN_OF = {"nervous": "nerves"}

#: The words that make what follows a noun's place.
_DETERMINERS = r"my|your|his|her|their|our|the|these|those"
#: A word that may follow the adjective when it stands alone (the end of
#: the line, a preposition or a conjunction): "my nervous and my muscles",
#: "the nervous in my legs". A noun after it ("system") keeps the adjective.
_AFTER = r"and|or|in|of|on|at|to|for|with|from|but|so|because|again|too|now|please"

#: Set False to measure without the reading (scripts/tune_heard36_noun_heard.py).
ON = True


def _pattern() -> re.Pattern[str]:
    adjectives = "|".join(map(re.escape, NOUN_OF))
    return re.compile(rf"\b(?:{_DETERMINERS}) ({adjectives})(?= (?:{_AFTER})\b|$)")


_NOUN_PLACE = _pattern()


def noun_read(text: str) -> str | None:
    """``text`` (heard words, lower case) with an adjective of NOUN_OF in a
    noun's place read as its noun, or None when there is none."""
    if not ON:
        return None
    line = " ".join(text.lower().split()).rstrip(".?!,")
    read = _NOUN_PLACE.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)] + NOUN_OF[m.group(1)],
                           line)
    return read if read != line else None
