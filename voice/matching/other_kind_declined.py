"""A kind of disorder the content never names is declined, not offered
(session 35, branch scope43).

``Matcher.names_other_kind`` (session 25, branch scope26) finds a line that
names a kind of disorder the loaded content never names ("mood disorders",
"alcohol use disorder", "adjustment disorder": a word before "disorder",
"disease", "condition"...) and none of the content's diseases. Until now such
a line went one step down, as a line carried by generic words does: an answer
was offered, an offer declined. So "what are mood disorders" was still
offered Coping Strategies and "where can i find support for people with
alcohol use disorder" Community Support: an offer of an entry about another
condition than the one asked, which a yes then reads in full.

A generic word is a weak sign (the line may still be ours in other words);
a kind of disorder named is not: it says which condition is asked about, and
it is not ours. Declined outright, when it is all the line asks about: not
when the content's own matter is named too ("are spasms a sign of a serious
illness" is the seek-medical FAQ's; "serious" is read as a kind).

Tuning halves (``/tmp/scope43/kind.py`` over every typed tuning line,
7,476: scripts/tune_scope18.py, tune_scope32.py, tune_scope39.py sets,
clinc, meqsum, medquad-ours): of all lines answered or offered, the rule
holds for 2, both uncovered (MedQuAD-tuning "What is (are) Mood Disorders
?", "Where to find support for people with Alcohol use disorder ?"); no
in-scope line. Figures in docs/out-of-scope.md, session 35.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from voice.matching import normalize

if TYPE_CHECKING:
    from voice.matching.matcher import Matcher

#: False: the session-25 behaviour (one step down: an answer offered).
ON = True
#: The content's own matter: a line that names it too asks about it, with the
#: other kind as a circumstance ("are spasms a sign of a serious illness",
#: "can a thyroid disorder cause muscle cramps"): one step down as before.
OWN_MATTER = frozenset(normalize.tokens("spasm muscle"))


def other_kind_declined(matcher: Matcher, text: str) -> bool:
    """Whether ``text`` names a kind of disorder the content never names (and
    none of its diseases), with the scope check on: then it is declined."""
    return (ON and matcher.require_kind and matcher.scope is not None
            and not OWN_MATTER & set(matcher.content_tokens(text))
            and matcher.names_other_kind(text))
