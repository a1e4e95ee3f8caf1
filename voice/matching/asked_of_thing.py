"""Whether a thing of ours harms or who pays for it, declined whole.

"does botox have side effects" and "does insurance cover physio" were
declined, though the content speaks of Botox injections (Medication) and of
physiotherapy. The words that say what is asked carried the decline:
"side effects", a symptom WordNet names and the content never does, made
the line another subject (scope check); "cover", a word of the
Introduction's "what topics do you cover", took a third of the line's
weight, so no entry reached an offer (33.4).

What is asked is one of asked_not_said.py's kinds (harm, paying); the rest
of the line names the thing. When the line as a whole is declined, the
thing alone is matched: if it is ours and reaches an offer, its entry is
offered, never read (no entry says whether Botox has side effects or who
pays for physio), and an entry of the line's own ranking that speaks of
what is asked is offered first (Community Support: "assisting with
treatment costs"). Every word outside what is asked must be one the content
uses, so "does alcohol make spasms worse" (unknown_subject.py) and "do
antibiotics have side effects" stay declined (session 27, branch typed30).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from voice.matching import asked_not_said, normalize

if TYPE_CHECKING:
    from voice.matching.matcher import Candidate, Matcher

#: Off for measuring: the line is decided as before.
ON = True
#: How many of the line's own candidates are looked at for one that speaks
#: of what is asked (the best ones; chosen with the rule, not measured).
_SPEAKING_AMONG = 3
_OPENER = r"(?:does|do|did|can|could|will|would|might|is|are)"
#: The thing asked about, where it stands in a question of harm or paying:
#: the subject of "does X have side effects", "does X make ... worse", "is X
#: dangerous"; what "insurance" or "who" pays for. Not "does my stomach
#: hurt" (what hurts is no thing asked about; K-QA-like lines of the tuning
#: halves were offered Causes and Risk Factors when the whole of
#: asked_not_said.HARM_ASKED's span was taken away).
THING_ASKED = (
    re.compile(rf"{_OPENER} (?P<thing>.+?) (?:have|has|cause|causes|give|gives) (?:any )?"
               r"side effects?"),
    re.compile(r"(?:what are |are there )?(?:the |any )?side effects? (?:of|from) (?P<thing>.+)"),
    re.compile(rf"{_OPENER} (?P<thing>.+?) (?:make|makes) (?P<what>(?:\w+ ){{0,3}})worse"),
    re.compile(rf"{_OPENER} (?P<thing>.+?) (?:dangerous|unsafe|addictive|habit forming)"),
    re.compile(rf"{_OPENER} (?:my |the |your )?(?:health )?insurance "
               r"(?:cover|covers|pay for|pays for|fund|funds) (?P<thing>.+)"),
    re.compile(rf"{_OPENER} (?P<thing>.+?) (?:covered|paid for|funded)(?: by .+| on .+)?"),
    re.compile(r"who (?:pays|will pay|would pay|can pay|should pay) for (?P<thing>.+)"),
    re.compile(r"how much (?:does|do|will|is|are) (?P<thing>.+?) cost"),
)


def thing_asked(text: str) -> str | None:
    """The thing ``text`` asks harm or paying of ("does botox have side
    effects": "botox"), or None when it asks neither of a thing."""
    found = _asked(text)
    return found.group("thing") if found else None


def _asked(text: str) -> re.Match[str] | None:
    cleaned = normalize.clean(text)
    for pattern in THING_ASKED:
        found = pattern.fullmatch(cleaned)
        if found:
            return found
    return None


def _names_strange(matcher: Matcher, words: str) -> bool:
    """``words`` hold a word the content never uses ("alcohol"), or a body
    word, or name nothing at all."""
    unknown: dict[str, str] = {}
    toks = matcher.content_tokens(words, unknown)
    return (not toks or bool(unknown)
            or any(w in normalize.BODY_WORDS for w in words.split()))


def offer(matcher: Matcher, text: str, cands: list[Candidate]) -> list[Candidate] | None:
    """The candidates to offer for ``text``, a line asking whether a thing
    of ours harms or who pays for it that would be declined whole; None
    when it is not such a line (or would not be declined)."""
    if not ON or matcher.scope is None:
        return None
    asked = _asked(text)
    thing = asked.group("thing") if asked else None
    if not asked or not thing:
        return None
    if cands and cands[0].score >= matcher.confirm_threshold and matcher.is_ours(text):
        return None  # decided as before
    if _names_strange(matcher, thing):
        # Nothing named, or a thing the content never uses ("alcohol").
        return None
    what = (asked.groupdict().get("what") or "").strip()
    unknown: dict[str, str] = {}
    if what and matcher.content_tokens(what, unknown) and unknown:
        # What it would make worse is not ours either: "does stress make a
        # cold sore worse" is about cold sores (tests/test_health_subjects.py).
        return None
    found = matcher.rank(thing)
    if not found or found[0].score < matcher.confirm_threshold or not matcher.is_ours(thing):
        return None
    best = found[0]
    for c in cands[:_SPEAKING_AMONG]:
        if c.entry is not best.entry and asked_not_said.says_it(text, c.entry.answer):
            # Offered with the thing's entry (the same score: both named).
            return [type(best)(c.entry, best.score), best,
                    *(d for d in found[1:] if d.entry is not c.entry)]
    return found
