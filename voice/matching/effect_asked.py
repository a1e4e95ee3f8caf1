"""What a condition does, asked, met by the entry on what causes it
(session 33, typed): "can spasms cause damage", "do spasms cause damage" and
"can spasms damage my muscles" were read Causes and Risk Factors in full
(81.0, 81.0, 76.4). That entry gives the causes OF these conditions ("nerve
damage, genetic mutations ..."); the line asks what the condition itself
causes, which it does not say. Offered, never read (offer_rather.py).

No line of tests/data's sets written by others has this shape with an
answer (a K-QA tuning line about chlamydia, declined; two held-out COVID-Q
lines, not answered: counted, not read), so the rule is kept narrow: the
condition is the subject of the cause, and the entry is the one the content
answers "what causes these conditions" with.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from voice.matching import normalize

if TYPE_CHECKING:
    from voice.content.model import Entry
    from voice.matching.matcher import Matcher

#: Off for measuring: every line decided as before.
ON = True

#: The condition, as the subject: "spasms", "my cramps", "ms", "it".
_CONDITION = (r"(?:(?:a|the|my|his|her|their|these|this|those|muscle|chronic|bad|severe|"
              r"frequent|long) )*(?:spasms?|cramps?|ms|als|it|they|spasticity|conditions?|"
              r"disorders?|disease|myasthenia(?: gravis)?|multiple sclerosis|twitch(?:es|ing)?)")
#: What it causes, asked on cleaned text.
EFFECT_ASKED = re.compile(
    rf"\b(?:can|could|do|does|will|would|might|may) {_CONDITION} "
    r"(?:ever |actually |really |also )?(?:cause|damage|harm|hurt|injure|lead to|result in)\b")
#: How the content is asked for the causes of its conditions.
CAUSES_QUERY = "what causes neuromuscular disorders"


def asks_effect(text: str) -> bool:
    """``text`` asks what a condition causes ("can spasms cause damage")."""
    return ON and bool(EFFECT_ASKED.search(normalize.clean(text)))


def causes_entry(matcher: Matcher) -> Entry | None:
    """The entry the content answers CAUSES_QUERY with, or None."""
    found = matcher.match(CAUSES_QUERY)
    return found.entry if found.outcome == "answer" else None
