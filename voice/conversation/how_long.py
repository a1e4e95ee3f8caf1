"""Asked how long something takes or lasts: "how long does diagnosis take".

The matcher weighs every word, and "long" is a word of the content's
"Treatment Approaches for Long-Term Management" ("long term", "in the long
run"): "how long does diagnosis take" and "how long does it take to get
diagnosed" were offered that entry, not Diagnosis (session 24, `voice
text`). Said as "how long", the word asks for a time, not the long term.
So the line is matched again without it ("how does diagnosis take"), and
what that finds is offered, never read unasked: the shipped content gives
no times (no entry says minutes, days, weeks, months or years), and the
user is told so when the entry offered says none. Pure: text in, text out.
"""

from __future__ import annotations

import re

from voice.matching.normalize import clean

#: Matched again without "long": False turns it off, for measuring (and
#: for tests/test_hear12_lost_subject.py, whose "how long do my" hearings it
#: declines too, as LOST_SUBJECT does).
REMATCH = True
#: "how long" asking for a time; not "how long-term is it" (cleaned: "how long term").
_HOW_LONG = re.compile(r"\bhow long\b(?! term)")
#: Words of a span of time: an entry with one may say how long.
_TIME_SPAN = re.compile(r"\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|"
                        r"fortnights?|overnight)\b", re.IGNORECASE)


def asks_how_long(text: str) -> bool:
    """``text`` asks how long something takes or lasts."""
    return asks_how_long_cleaned(clean(text))


def asks_how_long_cleaned(cleaned: str) -> bool:
    """``asks_how_long`` of a line already ``clean``ed (duration_said.py's)."""
    return bool(_HOW_LONG.search(cleaned))


def without_how_long(text: str) -> str:
    """``text`` (cleaned) with "how long" said as "how": what is asked about
    stays ("how does diagnosis take"), the long term does not come in."""
    return _HOW_LONG.sub("how", clean(text))


def says_a_time(answer: str) -> bool:
    """Whether an entry's ``answer`` names a span of time at all."""
    return bool(_TIME_SPAN.search(answer))


def pulled_by_long(title: str) -> bool:
    """Whether an entry titled ``title`` is one "long" alone may have
    matched ("Treatment Approaches for Long-Term Management")."""
    return "long" in clean(title).split()
