"""An amount asked for anyone of a kind: "how much water should a child
drink", "how much sleep does a teenager need".

Such a line asks the general advice for a kind of person (a child, a
newborn, an adult, a pregnant woman), which the content never gives: it
speaks of neuromuscular conditions and spasms, and gives no amounts. Of the
tuning halves' lines of this kind (health-tuning, health-tuning2,
health-heldout, dev: "how much sleep does a teenager need", "how much should
a newborn sleep", "how much water should a child drink", "how much sleep
does a child need"), one was still taken: "how much water should a child
drink" offered Lifestyle Changes ("drink" -> hydration), session 29.

A line is declined when it asks an amount (``scope.AMOUNT_ASKED``), names
its person with "a" or "an" ("a child", not "my child": a caregiver asking
about their own is ours, inscope17), the person is not qualified by a
condition ("a child with cerebral palsy"), and no condition of the content
is named, nor any word distinctive of it (``scope.DISTINCTIVE_AT``, the
generic-words check's measure: "how often should an adult stretch" keeps its
offer of Physical Therapy). "how much water should i drink" keeps its offer (an amount the
answer does not give, branch scope20); an editor's own phrasing is never
declined.

Pure: reads the matcher's units and the scope model's measure.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from voice.matching import normalize, scope

if TYPE_CHECKING:
    from voice.content.model import Entry
    from voice.matching.matcher import Matcher

#: False turns the check off (for measuring).
ON = True
#: A kind of person, said with an indefinite article; "with" after it
#: qualifies the person by a condition, so the line is left to the rest.
ANYONE = re.compile(
    r"\b(?:a|an) (?:(?:young|little|small|old|older|elderly|pregnant|grown|healthy|"
    r"average|normal|typical|breastfeeding) )?"
    r"(?:child|kid|baby|toddler|newborn|infant|teen|teenager|adolescent|adult|person|"
    r"man|woman|boy|girl|pensioner|senior|student|athlete)\b(?! with\b)")


def amount_for_anyone(matcher: Matcher, text: str, entry: Entry) -> bool:
    """Whether ``text`` asks an amount for anyone of a kind and names no
    condition of the content (see the module's doc)."""
    if not ON or matcher.scope is None or matcher._editors_words(text, entry):
        return False
    cleaned = normalize.clean(text)
    if not scope.AMOUNT_ASKED.search(cleaned) or not ANYONE.search(cleaned):
        return False
    units = matcher.said_units(cleaned)
    # A word distinctive of the content ("stretch", "magnesium": the
    # generic-words check's measure) keeps the line for the rest of the
    # checks: "how often should an adult stretch" is still offered Physical
    # Therapy, as before.
    return not (any(t in matcher._conditions for _, t in units)
                or matcher.scope.any_distinctive(units))
