"""A spasm happening now: "my leg is cramping right now, what do I do",
"what can I do during a spasm", "how do I help someone having a spasm".

Said by someone in the middle of a spasm (or beside someone who is), these
were met with "Did you mean: Recognizing Chronic Spasms ...; or: Causes and
Risk Factors?" (session 24, `voice text`): two sections that do not say what
to do, asked of a person in pain. The content has no first aid for a spasm,
so the user hears when to call for help at once, and then the entries on
what helps spasms and on when to see a doctor are offered
(kind_offers.py, ``RIGHT_NOW_OFFERS``), never read unasked.

Taken only when the line names a spasm (or a limb cramping, jerking...), says
it is happening now, and asks what helps (the same words as at_night.py).
Spasms at night are at_night.py's; a line that is one of the content's own
questions, or names another health subject, is matched as before.
Pure: text (and the matcher, read only) in, True or False out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from voice.conversation.at_night import REMEDY, SYMPTOM, names_another_subject
from voice.matching.normalize import clean

if TYPE_CHECKING:
    from voice.matching.matcher import Matcher

_EPISODE = (r"(?:spasms?|cramps?|attacks?|episodes?|spasm attacks?|fits? of spasms|"
            r"bad spasms?|leg cramps?|muscle spasms?|muscle cramps?)")
_NOW = re.compile(
    r"\b(?:right now|just now|at the moment|this minute|currently|as we speak|as i speak|"
    r"won t stop|will not stop|does not stop|doesn t stop|keeps going|is not stopping)\b"
    rf"|\b(?:during|in the middle of|through|while having|when having) (?:a |an |the |his |her |"
    rf"my |their )?{_EPISODE}\b"
    rf"|\b(?:i am|i m|he is|he s|she is|she s|they are|they re|someone is|someone s|"
    rf"somebody is|my \w+ is|my \w+ s) (?:having|getting|in) (?:a |an |the )?(?:bad |severe |"
    rf"painful )?{_EPISODE}\b"
    rf"|\b(?:someone|somebody|a person|him|her|them|my \w+) having (?:a |an )?"
    rf"(?:bad |severe )?{_EPISODE}\b"
    # "my leg is cramping": said as it happens.
    r"|\b(?:is|are|am|s|m) (?:cramping|spasming|seizing up|locking up|jerking|twitching|"
    r"spasming up|cramping up)\b"
    rf"|\bwhen (?:a|the|my|his|her) {_EPISODE} (?:comes|starts|hits|happens|comes on)\b"
    # "how do I help my husband when he has a spasm" was read the FAQ on
    # seeing a doctor in full (session 39, typed).
    rf"|\bwhen (?:i|he|she|they|we|someone|somebody|my \w+) (?:has|have|gets|get|is having|are "
    rf"having|am having) (?:a |an |one of (?:his|her|their|my|those) )?(?:bad |severe |"
    rf"painful )?{_EPISODE}\b"
)


#: "How do I help someone having a spasm": the remedy words of at_night.py
#: take "how do I help"; this takes "what should I do for him".
_HELP_SOMEONE = re.compile(
    r"\bwhat (?:should|can|do|could) (?:i|we) do (?:for|to help|with) (?:him|her|them|someone|"
    r"my \w+)\b|\bhelp (?:me|him|her|them)\b"
)

#: Told, not asked, as it happens: "I'm having a really bad spasm right
#: now" was offered "When should someone seek medical attention; or:
#: Recognizing ..." (session 41, `voice ask`), with nothing said first of
#: when to call for help. Only these words of "now", and only a line that
#: is no question ("is it normal to cramp right now" asks the content).
_TOLD_NOW = re.compile(r"\b(?:right now|just now|at the moment|this minute|as we speak|"
                       r"won t stop|will not stop|isn t stopping|is not stopping)\b")
_ASKED = re.compile(r"^(?:is|are|am|can|could|does|do|did|why|what|how|when|where|should|"
                    r"will|would|which|who)\b")


def spasm_happening_now(text: str, matcher: Matcher | None = None) -> bool:
    """Whether ``text`` asks what to do about a spasm happening now, and
    (given ``matcher``) names no other health subject the content never
    mentions."""
    cleaned = clean(text)
    return bool(SYMPTOM.search(cleaned) and _NOW.search(cleaned)
                and (REMEDY.search(cleaned) or _HELP_SOMEONE.search(cleaned)
                     or (_TOLD_NOW.search(cleaned) and not _ASKED.match(cleaned)))
                and not names_another_subject(cleaned, matcher))

