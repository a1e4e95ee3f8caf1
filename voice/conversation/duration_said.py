"""How long the user has had something, or their age, said as background: "I've had MS
for ten years and my legs are getting stiffer" was declined (session 36's
note), the words of the span ("ten", "years") outweighing the rest, while
"I have MS and my legs are getting stiffer" is offered Physical Therapy.
The span says how long, not what is asked; a line that finds nothing as
said is matched again without it, and what that finds is offered, never
read in full (questions.matched). A question that asks how long ("how long
does it last") is the how-long rule's (how_long.py), not this one's."""

from __future__ import annotations

import re

from voice.conversation.how_long import asks_how_long_cleaned
from voice.matching.normalize import clean

_COUNT = (r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
          r"twenty|thirty|forty|fifty|\d+|a few|a couple of|a couple|couple of|few|several|many|"
          r"some|a number of)")
_UNIT = r"(?:years?|months?|weeks?|days?|yrs?)"
#: A span of time said as background: "for ten years", "for the past few
#: months", "over the last two weeks", "for a while", "for a long time",
#: "for ages". Not a point in time ("last year", "two years ago"): "i was
#: diagnosed last year" is told, not asked, and stays declined
#: (tests/test_session23_typed_items.py).
_SPAN = re.compile(
    r"\b(?:(?:for|over|in|during) (?:the )?(?:past |last )?(?:about |around |nearly |almost |"
    rf"over |more than |at least )?{_COUNT} (?:more )?{_UNIT}"
    r"|for (?:a (?:long )?while|a long time|ages|years|months|decades))\b")


#: An age, background too: "23 years old multiple sclerosis (ms) patient
#: for about 10 years is medication necessary?" (a forum question's tuning
#: half, session 44) was declined, "... is medication necessary?" offered
#: Medication.
_AGE = re.compile(r"\b\d+ ?(?:years?|yrs?) old(?: (?:male|female|man|woman|boy|girl|guy|lady))?\b"
                  r"|\b\d+ ?(?:yo|y o)\b")


def without_duration(text: str) -> str | None:
    """``text`` without the spans of time it says as background ("i've had
    ms and my legs are getting stiffer"), or None when it says none, asks
    how long, or nothing is left."""
    said = clean(text)
    if asks_how_long_cleaned(said) or not (_SPAN.search(said) or _AGE.search(said)):
        return None
    rest = " ".join(_AGE.sub(" ", _SPAN.sub(" ", said)).split())
    return rest or None
