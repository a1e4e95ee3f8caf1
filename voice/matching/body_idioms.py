"""How people say their muscles misbehave, in the content's words.

People with MS, ALS or myasthenia gravis and their carers rarely say
"spasm", "stiffness" or "weakness": they say "my legs lock up", "his calves
knot up", "her hand curls into a fist", "my legs are like jelly", "my knees
give out". Those verbs and images are words the content never uses, rare in
general English, so the scope check counted them as another subject's words
and declined the line ("my partner's hand curls up on its own and won't
straighten", inscope-tuning32), or the score stayed under an offer ("my
wife's legs lock up at night what can we try", 37.0). Of 47 probes written
by people's words (tests/data/scope48/probes-tuning.tsv), 20 found their
entry before this (session 38, branch scope48).

Each idiom is rewritten to the content's own word, and only when a part of
the body is named just before it (``_BODY`` then up to ``_GAP`` words): "lock
up the house", "curl up with a book", "give out leaflets", "jelly beans",
"a heavy bag" keep their words. Applied where synonyms are folded
(synonyms.fold), to a question and to the content alike.
"""

from __future__ import annotations

import re

#: False: the idioms keep their words, as before session 38.
ON = True

#: Parts of the body whose muscles people describe (singular and plural).
#: "back" only with a possessive or "the" before it ("come back", "back
#: up" are no body), and so are the rest: "a hand" (help, "i need a hand to
#: lock up") is none.
_BODY = (r"(?:muscles?|legs?|arms?|hands?|feet|foot|toes?|fingers?|calf|calves|thighs?|knees?|"
         r"back|neck|jaw|shoulders?|hips?|ankles?|wrists?|limbs?|eyelids?|eyes|grip|body|"
         r"hamstrings?)")
_OWNER = r"(?:my|his|her|their|your|our|the|both|one)"
#: Words allowed between the part of the body and the idiom: "my legs keep
#: locking up", "his arm just locks up", "my legs are like jelly", "the
#: muscles in her neck are in knots" (two: "in her").
_GAP = 3

#: (idiom, the content's word). The content's words: "seize up" (a keyword
#: of Recognizing Chronic Spasms: "why do my muscles seize up"), "contract"
#: (its "muscles contract involuntarily"), "cramp" and "jerk" (folded to
#: spasm, synonyms.py), "weak" (weakness, the early sign), "stiff".
IDIOMS: tuple[tuple[str, str], ...] = (
    # Stiffness that will not let go: spasticity as people feel it.
    (r"lock(?:s|ed|ing)? up|lock(?:s|ed|ing)?(?= (?:solid|stiff|rigid)\b)|locks|locking",
     "stiff"),
    # A cramp felt as a knot.
    (r"knot(?:s|ted|ting)? up|(?:are |is |go |goes |went |tied )?in (?:a )?knots?|"
     r"knot(?:s|ting)", "cramp"),
    # A hand, foot or toes pulled in by the muscles.
    (r"curl(?:s|ed|ing)?(?: up| in| under| into| over)?|clench(?:es|ed|ing)?(?: up)?|"
     r"claw(?:s|ed|ing)?(?: up)?", "contract"),
    # A limb moving by itself.
    (r"kick(?:s|ed|ing)? out|kick(?:s|ing)|jump(?:s|ed|ing)?|jolt(?:s|ed|ing)?|"
     r"flicker(?:s|ed|ing)?|jump(?:y)|twitchy", "jerk"),
    # Weakness: legs that fail, muscles with nothing in them, lids that fall.
    (r"(?:are |is |feel |feels |felt |go |goes |went |turn |turns |turned |turning )?"
     r"(?:like |to )jelly|jelly", "weak"),
    (r"giv(?:e|es|ing) out|gave out|gone out|(?:are |is |feel |feels |felt )?like lead|"
     r"(?:are |is |feel |feels |felt )?(?:so |really |very )?heavy|floppy|droop(?:s|ed|ing|y)?|"
     r"stop(?:s|ped)? working|(?:has|have) gone(?= weak\b|$)", "weak"),
)

_PATTERN = re.compile(
    r"\b(" + _OWNER + r" (?:[a-z']+ ){0,2}" + _BODY + r"(?: [a-z']+){0," + str(_GAP) + r"}?) ("
    + "|".join(f"(?:{idiom})" for idiom, _ in IDIOMS) + r")\b")
_WORD_FOR = [(re.compile(rf"^(?:{idiom})$"), word) for idiom, word in IDIOMS]


def _content_word(idiom: str) -> str:
    for pattern, word in _WORD_FOR:
        if pattern.match(idiom):
            return word
    return idiom


def rewrite(text: str) -> str:
    """Cleaned ``text`` with each idiom said of a part of the body written
    in the content's word ("my legs lock up" -> "my legs stiff")."""
    if not ON:
        return text
    return _PATTERN.sub(lambda m: f"{m.group(1)} {_content_word(m.group(2))}", text)


def said(text: str) -> bool:
    """Whether raw ``text`` says one of the idioms of a part of the body
    (the conversation keeps its own replies to a spasm told for them:
    conversation/questions.py)."""
    if not ON:
        return False
    # Imported here: normalize folds synonyms, which rewrites through this module.
    from voice.matching.normalize import clean, strip_fillers
    from voice.matching.persons_own import persons_own

    cleaned = strip_fillers(persons_own(clean(text)))
    return rewrite(cleaned) != cleaned
