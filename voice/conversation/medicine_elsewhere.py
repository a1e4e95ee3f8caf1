"""A medicine asked of for a condition the content never mentions
(session 38, branch fresh48): the prescriber's notice, and no offer.

"when should my baby have the measles jab" (health-tuning48.tsv, an
everyday question) is taken by own_medicine.py as how to take one's own
medicine: its notice (the label, the leaflet, the pharmacist say how) is
right, but the entry on Medication (muscle relaxants, botulinum toxin) was
offered after it, because the matcher's nearest entry, below any
threshold, was Medication, carried by "jab" alone. A measles jab is not
what that entry is about; "what if I miss a contraceptive pill" was already
offered nothing (kind_offers.own_medicine). So the near-miss route of that
offer is not taken when the line names a condition (health_subjects.tsv's
"condition" category, or any other that declines outright, not "body")
that the content never mentions. A medicine word itself ("antidepressants",
"dose") is the notice's subject and keeps the offer as before; so does a
medicine for spasms named ("baclofen"), or a line the matcher takes.

Pure: reads the matcher's scope model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from voice.matching.health_subjects import CARRIED
from voice.matching.normalize import clean

if TYPE_CHECKING:
    from voice.matching.matcher import Matcher

#: Shipped on (see docs/out-of-scope.md, "Session 38 (branch fresh48)").
ON = True

#: Categories that never stop the offer: a part of the body is carried by
#: the content's words (health_subjects.CARRIED); a medicine is what the
#: own-medicine notice is about ("should i stop my antidepressants").
_KEPT = CARRIED | frozenset(("medicine",))


def other_condition(text: str, matcher: Matcher) -> str | None:
    """The first subject ``text`` names that the content never mentions and
    that is no part of the body and no medicine ("measles"); None when
    there is none, when off, or without the scope check's subjects."""
    if not ON or matcher.scope is None or matcher.scope.subjects is None:
        return None
    return next((name for name, category in matcher.scope.subjects.uncovered(clean(text))
                 if category not in _KEPT), None)
