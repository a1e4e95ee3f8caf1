"""The Medication entry offered after the own-medicine notice only when the
scope model says the line is about the content (session 39, branch
fresh49).

kind_offers.own_medicine offers that entry after the prescriber's notice
when the matcher takes the line, when a spasm medicine is named, or when
the matcher's nearest entry, below every threshold, is Medication (the
near-miss route: "should i stop my medication", 44.6, the scope model's
evidence +3.0). The near-miss route also offered it for one's own dose of
a pill for anything: "i forgot to take my pill this morning, should i take
two tonight" (health-tuning48.tsv; nearest Medication at 27.5, evidence
-5.5) and "what happens if i take two doses of my blood pressure pill by
mistake" (health-tuning32.tsv; 27.5, -6.9). An own dose is an uncovered
health question: the notice (ask the pharmacist, the emergency number)
answers it, and the entry on spasm medicines answers another one. So that
route now also needs ``Matcher.is_ours``: the same scope check the
matcher asks of every line it offers. The notice is said as before.

Not for heard speech with words taken for mishearings (``misheard``):
the line's raw words then carry no evidence the matcher itself trusts.

Pure: reads the matcher's scope model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from voice.matching.matcher import Matcher

#: Shipped on (docs/out-of-scope.md, "Session 39 (branch fresh49)"): on the
#: tuning halves the two own-dose lines above lose their offer and no other
#: line moves (scripts/tune_fresh47.py dump, 7,469 lines, diffed).
ON = True


def near_is_ours(text: str, matcher: Matcher, misheard: bool = False) -> bool:
    """Whether the near-miss route may offer the Medication entry for
    ``text``: the scope model says the line is ours; always when off, for
    speech with misheard words, and without a scope model."""
    if not ON or misheard or matcher.scope is None:
        return True
    return matcher.is_ours(text)
