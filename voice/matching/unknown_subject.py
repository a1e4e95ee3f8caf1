"""A thing asked about that the content never names, standing as the subject
of a yes/no question about what it does: "does alcohol make spasms worse",
"does sugar make spasms worse", "does caffeine make cramps worse".

The rest of such a line is ours ("spasms worse"), so it reached the
lifestyle FAQ, and "does sugar make spasms worse" was read it in full
("Yes, regular exercise, balanced nutrition ..."). But what is asked is
what the thing does, and the content never mentions the thing: no entry
answers it. Branch drink27 (``unknown_object.py``) declines the same
thing put after a generic verb ("is it ok to drink alcohol"); this is the
thing before the verb, and it is declined the same way
(``unknown_object.DECLINE``).

The subject is the word after an auxiliary or modal that opens the line
("does", "can", "will" ...: a closed class, grammar), past at most a
determiner or a quantifier ("does too much sugar ..."), and it is one the
content does not know (``Matcher.content_tokens``' unknown words: no
number, pronoun, unit of time or "-ly" adverb). Not when the unknown words
only describe a word of the content's own that follows them ("can private
physio help": physio, ``unknown_object.modifies_ours``), nor when a
possessive or a person stands there ("does my son ...": "my" is no unknown
word).

Pure: reads the matcher's tokens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from voice.matching import normalize, scope
from voice.matching.unknown_object import BEFORE_OBJECT, NO_OBJECT, modifies_ours

if TYPE_CHECKING:
    from voice.matching.matcher import Matcher

#: Auxiliaries and modals that open a yes/no question whose next words are
#: its subject and then a verb ("does alcohol make ...", "can stress cause
#: ..."). Not "is", "are": their subject is followed by what it is ("is
#: tingling a sign of ms"), a question about a symptom, not about what a
#: thing does.
_OPENERS = frozenset("does do did can could will would might may".split())


def unknown_subject(matcher: Matcher, text: str) -> str | None:
    """The word ``text`` asks about when it is the subject of a yes/no
    question and one the content never uses ("alcohol" in "does alcohol
    make spasms worse"); None otherwise, and always without a scope
    model."""
    if matcher.scope is None:
        return None
    words = normalize.strip_fillers(normalize.clean(text)).split()
    if len(words) < 3 or words[0] not in _OPENERS:
        return None
    unknown: dict[str, str] = {}
    matcher.content_tokens(text, unknown)
    strange = {w for w in unknown.values()
               if not scope.is_number(w) and w not in NO_OBJECT}
    j = 1
    while j < len(words) and words[j] in BEFORE_OBJECT:
        j += 1
    if (j < len(words) - 1 and words[j] in strange and not words[j].endswith("ly")
            and not modifies_ours(matcher, words, j, strange)
            and not _acts_on_ours(matcher, words, j)):
        return words[j]
    return None


#: Particles that make a phrasal verb of the verb before them ("cut down",
#: "cut back", "give up", "ease off"): a closed class, grammar.
PARTICLES = frozenset("down back up out off".split())
#: Prepositions that may follow the particle before the verb's object
#: ("cutting down on stress", "backing off from work").
_OBJECT_PREPOSITIONS = frozenset("on of from with".split())
#: False: session 35's rule (the gerund read as the unknown subject).
PHRASAL_ON = True


def _acts_on_ours(matcher: Matcher, words: list[str], j: int) -> bool:
    """Whether ``words[j]`` is the "-ing" form of a phrasal verb whose object
    is a word the content uses: "does cutting back on stress help with the
    spasms" asks what lessening stress does (tuning32, declined before with
    "cutting" read as an unknown thing, as "alcohol" in "does alcohol make
    spasms worse"); "does cutting back on sugar help" still names sugar,
    a thing the content never names (session 36, branch scope44)."""
    if not PHRASAL_ON or not words[j].endswith("ing"):
        return False
    k = j + 1
    if k >= len(words) or words[k] not in PARTICLES:
        return False
    while k < len(words) and words[k] in PARTICLES | _OBJECT_PREPOSITIONS:
        k += 1
    return (k < len(words) and not normalize.is_function_word(words[k])
            and matcher.is_content_word(words[k]))
