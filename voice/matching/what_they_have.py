"""What a person is said to have, or to live with, when the content never
names it: "how do i look after someone with a broken leg", "how do i care
for my dad after a fall", "how do i cope with a bad back".

Those lines were read the caring entry (Coping Strategies) in full
(session 31, branch scope37, probes written here): "look after" folds onto
the content's caregiver, and what the person has is a word the content
never uses, light in the score as every unknown word is ("broken" 0.74
against "caregiver" 2.99), while a limb is no word of the score at all
(normalize.BODY_WORDS). The health-subject check declines "... with a broken
wrist" (a body part the content never names) but not "... a broken leg"
(legs are the content's). What is asked is how to care for that, and no
entry says. So when a person ("someone", "my dad", "her") is followed by
"with" or "after", or "cope", "deal" or "live" by "with", and what follows
names nothing the content knows (every word of it unknown to the content,
limbs and grammar words aside), the line is declined as
``unknown_object``'s lines are. "someone with spasms", "... with weak
legs", "... with ms", "cope with poor sleep", "cope with a walker" keep
their entry.

Pure: reads the matcher's tokens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from voice.matching import normalize, scope
from voice.matching.persons_own import PERSONS
from voice.matching.teller import _KIN

if TYPE_CHECKING:
    from voice.matching.matcher import Matcher

#: Off for measuring.
ON = True
#: A person said to have something: a relative or partner, anyone, or a
#: pronoun for a person (closed classes).
_PERSONS = PERSONS | frozenset(_KIN) | frozenset(
    "someone somebody person patient him her them".split())
#: Living with a thing, said of oneself: "how do i cope with a bad back"
#: was read the caring entry in full as well, "deal with a bad burn"
#: offered it (probes written here). A closed class of verbs that take
#: "with" and what is lived with. Not "struggling with": a hardship told
#: ("we are struggling with the stairs", offered Impact on Daily Life, a
#: probe a first version declined).
_LIVING = frozenset("cope coping deal dealing live living".split())
#: What a person has follows these ("after" only with a determiner: "after
#: a fall", "after her operation"; "look after him" is no such line).
_HAVING = frozenset(("with", "after"))
#: Determiners and possessives before what is had.
_DETERMINERS = frozenset("a an the his her their my our your some this that".split())
#: Where what is had ends: a clause or a conjunction follows.
_END = frozenset("and or but who which that so because when while if at in on to from for "
                 "what how is are was".split())
#: At most this many words are read as what is had ("a bad back"; longer
#: is a clause, not a thing had).
_LONGEST = 3


def unknown_had(matcher: Matcher, text: str) -> str | None:
    """What a person in ``text`` is said to have, when the content knows no
    word of it; None otherwise, and always without a scope model."""
    if not ON or matcher.scope is None:
        return None
    words = normalize.strip_fillers(normalize.clean(text)).replace("'s ", " ").split()
    for i in range(len(words) - 2):
        if not ((words[i] in _PERSONS and words[i + 1] in _HAVING)
                or (words[i] in _LIVING and words[i + 1] == "with")):
            continue
        j = i + 2
        if words[i + 1] == "after" and words[j] not in _DETERMINERS:
            continue
        while j < len(words) and words[j] in _DETERMINERS:
            j += 1
        had: list[str] = []
        while j < len(words) and words[j] not in _END and len(had) < _LONGEST:
            had.append(words[j])
            j += 1
        if j < len(words) and words[j] not in _END:
            continue  # longer than a thing had: a clause
        said = [w for w in had if not normalize.is_function_word(w)]
        if not said or any(scope.is_number(w) for w in said):
            continue
        unknown: dict[str, str] = {}
        toks = matcher.content_tokens(" ".join(said), unknown)
        if toks and all(t in unknown for t in toks):
            return " ".join(had)
    return None
