"""A question about the conditions in general that holds an emergency's
words: "why do people with ALS choke when they eat", "can MS cause chest
pain", "is choking a sign of ALS".

Each of these was met with the emergency advice alone (emergency.py's
patterns are broad on purpose), and the question itself went unanswered:
someone asking why choking comes with ALS heard "This sounds like it could be
an emergency" and nothing more (session 33's note; `voice ask`, session 34).
Such a line still hears where to get help first, in case it is happening
now (phrases.IF_HAPPENING_NOW), and then the question is matched as any
other (dispatch.py).

Taken only when the line is a question, names the conditions or people in
general, and speaks of no one in particular: "why am I choking", "why is he
choking", "can ms make my chest hurt", "what do I do, he's choking now"
stay emergencies. Thoughts of suicide or an overdose always do.
Pure: text in, True or False out.
"""

from __future__ import annotations

import re

from voice.matching.emergency import is_emergency
from voice.matching.normalize import clean
from voice.matching.relatives import RELATIVE

_ASKED = re.compile(
    r"^(?:why|can|could|does|do|is|are|will|would|how does|how do|how can|what causes|"
    r"what makes|what is the link between)\b")
#: The conditions, or people in general, as the subject.
_IN_GENERAL = re.compile(
    r"\b(?:ms|als|mg|mnd|multiple sclerosis|myasthenia gravis|motor neurone? disease|"
    r"lou gehrig s disease|neuromuscular (?:disorders?|diseases?|conditions?)|"
    r"these (?:disorders|diseases|conditions)|spasticity|"
    r"people|patients|someone with|anyone with|a person with|sufferers)\b")
#: Someone in particular, now, or a plea: not a general question.
_PARTICULAR = re.compile(
    r"\b(?:i|i m|me|my|mine|myself|he|he s|she|she s|him|her|his|hers|we|us|our|"
    rf"now|right now|at the moment|currently|today|tonight|help|please|quick|quickly|"
    rf"{RELATIVE}|baby)\b")
#: Always the whole emergency advice, however asked.
_ALWAYS = re.compile(
    r"\b(?:suicid\w*|kill|die|dying|self harm|overdose\w*|overdosed|poison\w*|took|taken|"
    r"swallowed|unconscious|not breathing|stopped breathing|ambulance|emergency|911|999|112)\b")


def asked_in_general(text: str) -> bool:
    """Whether ``text`` is an emergency's words in a question about the
    conditions in general (not about someone now)."""
    cleaned = clean(text).rstrip(" ?.!")
    # The cheap shape tests first: is_emergency's long pattern only for a
    # general question (dispatch.py has asked it already for any line).
    return bool(_ASKED.search(cleaned) and _IN_GENERAL.search(cleaned)
                and not _PARTICULAR.search(cleaned) and not _ALWAYS.search(cleaned)
                and is_emergency(text))
