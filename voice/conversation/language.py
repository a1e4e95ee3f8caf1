"""Whether a typed line is clearly not English, so that the decline can say
that only English is understood rather than "I don't have an answer" with
English examples ("¿Qué es la esclerosis múltiple?").

Clearly: it has a letter outside ASCII (an English question, typos and all,
never does, nor do nearly all medical terms), and most of its words are not
English words (the CMU pronouncing dictionary PocketSphinx ships, 134,000
words; a word with such a letter counts as not English). "what is
guillain-barré syndrome" keeps the usual decline: 2 words of 5. Missed:
a line whose words are mostly in that dictionary too ("Qu'est-ce que la
sclérose en plaques", the dictionary has "que", "la", "en", "plaques"), and
one with no accented letter at all; those get the usual decline, as before.
Measured on every typed set in tests/data (8,704 lines, in and out of
scope): no line is taken for another language
(tests/test_conversation_not_english.py).
"""

from __future__ import annotations

import re

from voice.matching.spelling import english_words

_WORD = re.compile(r"[^\W\d_]+")
#: Fewer letters than this in the words not English ("¿qué?", "café") is too
#: little to tell a language by. The data cannot choose it: of the 4,373
#: typed tuning-half lines 2 have such a letter, none taken at 3, 4, 5 or 6;
#: at 4 "café" alone is taken for another language, at 3 "¿qué?" too
#: (scripts/tune_constants.py language MIN_FOREIGN_LETTERS=3,4,6).
MIN_FOREIGN_LETTERS = 5


def looks_not_english(text: str) -> bool:
    """True when ``text`` is clearly in another language (see the module)."""
    if text.isascii():
        return False
    words = _WORD.findall(text.lower())
    if not any(not w.isascii() for w in words):
        return False  # the non-ASCII is punctuation or an emoji
    english = english_words()
    if not english:  # no dictionary: never claim a line is not English
        return False
    foreign = [w for w in words if not w.isascii() or w not in english]
    return (2 * len(foreign) > len(words)
            and sum(len(w) for w in foreign) >= MIN_FOREIGN_LETTERS)
