"""A person's possessive is the person: "my husband's legs", "my dad's calf",
"my partner's hand", "my mum's stiffness" (session 28, branch scope32).

"my husband has spasms" reads "husband" as a word that says who is asked
about, not what (normalize.PEOPLE_WORDS), and "my dad has cramps" reads "dad"
as family (synonyms.py's family group). Said with "'s", the same person was a
word of its own that neither knows: "husband's" became the token "husband",
unknown to the content, and counted against the question as a rare word of
another subject would ("my partner's hand curls up on its own and won't
straighten", "my dad's calf muscles knot up when he walks to the shops" were
declined; scope32's fresh in-scope tuning set, tests/data/tuning32/). A
possessive says whose a thing is, not what is asked (as possessives.py says
of "my"), so a person word with "'s" before the thing it owns is left out
before synonyms are folded (normalize.prepare): "my dad's calf muscles knot
up" is matched as "my calf muscles knot up". Read as the person alone ("my
dad has...") it would fold to family, the hereditary FAQ's word, and "what
can physio do for my mum's stiffness" (answered Physical Therapy) became an
offer (a first version, measured on the tuning set).

"'s" before a function word is "is" or "has" ("my son's been diagnosed",
"my husband's not sleeping"): the person is who, and the word is kept
without its "'s", as "my son has been diagnosed" reads.

Only these person words: "the doctor's advice" or "a child's toy" keep theirs
as before ("child's" is family, and reads as "child" now too). "he's" and
"she's" are no possessive (normalize.clean reads "he has" or "he is").
Pure: cleaned text in, cleaned text out.
"""

from __future__ import annotations

from voice.matching.normalize import FILLER_WORDS, HE_HAS, PEOPLE_WORDS, STOPWORDS
from voice.matching.synonyms import GROUPS

#: Off for measuring (scripts/tune_scope18.py, scripts/tune_scope32.py).
ON = True
#: The person words: partners (said who, normalize.PEOPLE_WORDS) and family
#: (synonyms.py's family group, singular words only: "'s" follows a singular).
PERSONS = frozenset(PEOPLE_WORDS | {w for w in GROUPS["family"] if " " not in w})
#: After "'s", a word that makes it "is" or "has", not a possessive.
_IS_OR_HAS = STOPWORDS | FILLER_WORDS | HE_HAS


def persons_own(cleaned: str) -> str:
    """``cleaned`` (normalize.clean'd) with a person's possessive left out
    ("my dad's calf" -> "my calf") and "'s" meaning "is" or "has" dropped
    from the person ("my son's been" -> "my son been")."""
    if not ON or "'s" not in cleaned:
        return cleaned
    words = cleaned.split()
    out: list[str] = []
    for i, word in enumerate(words):
        person = word[:-2] if word.endswith("'s") else ""
        if person not in PERSONS or i + 1 == len(words):
            # Last, it says nothing of what follows: as before.
            out.append(word)
        elif i + 1 < len(words) and words[i + 1] not in _IS_OR_HAS:
            continue  # whose: left out, as "my" is
        else:
            out.append(person)
    return " ".join(out)
