"""What an everyday word is, asked: offered, never read (session 33).

"what is life" was read Impact on Daily Life in full (88.8), "what is sleep"
the same (94.4), "what is food" Dietary Adjustments (95.5): each word is in
the entry, but the entry does not say what life, sleep or food is. The
article defines its own terms ("what is baclofen", "what is spasticity",
"what is als", "what is electromyography": tuning.tsv and follow-ups-tuning
lines, each read right), and those are rare words in general English; the
words it never defines are the commonest ones. So a bare "what is W" whose
one word W is that common is offered ("Did you mean: Impact on Daily
Life?"), one "yes" from the answer, never read as if it said.
"""

from __future__ import annotations

import re

from voice.matching import normalize
from voice.matching.scope import GeneralEnglish

#: Off for measuring: every line decided as before.
ON = True

#: How common a word must be (-log10 of its unigram probability in
#: PocketSphinx's en-us model, scope.GeneralEnglish) for "what is W" to be
#: offered rather than read. Measured (session 33): the words it catches,
#: life 3.16, work 3.0, food 3.6, research 3.9, sleep 4.07, impact 4.13,
#: pain 4.13, exercise 4.14; the defined terms the tuning lines ask, all read
#: as before, ms 4.32, signs 4.48, then rarer (als 5.53, botox 6.06,
#: baclofen and spasticity 7.5). "stress" (4.45) and "diet" (4.51) are above
#: it and still read Coping Strategies and Dietary Adjustments.
EVERYDAY_BELOW = 4.2

#: The bare definitional question, on cleaned text with fillers stripped:
#: "what is life", "what's a caregiver", "what does sleep mean", "define
#: work", "what is life all about". One word only: "what is daily life
#: like" asks about the content's own subject.
WHAT_IS = re.compile(
    r"^(?:so |and |but |well |ok |okay )?"
    r"(?:what is|what's|whats|what are|define|what does|tell me what) "
    r"(?:a |an |the )?(?P<word>[a-z]+)(?: is| are)?(?: mean| means| all about)?$")

_ENGLISH = GeneralEnglish()


def asks_everyday_word(text: str) -> bool:
    """``text`` asks what a common everyday word is ("what is life")."""
    if not ON:
        return False
    found = WHAT_IS.match(normalize.strip_fillers(normalize.clean(text)))
    if found is None:
        return False
    return _ENGLISH.rarity(found.group("word")) < EVERYDAY_BELOW
