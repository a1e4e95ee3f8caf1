""""Is it safe?" after an answer: the content never says what is safe for
this person, so who can tell them is said.

Typed in session 38: after Medication, Physical Therapy or "what is botox"
was read, "is it safe" was offered Alternative Therapies and The Role of
Exercise (their editors' "is acupuncture safe", "what activities are
safe"), whatever "it" stood for. Only a pointer ("it", "that", "they"),
nothing named: "is acupuncture safe" is still the content's own.
Pure: text in, True or False out.
"""

from __future__ import annotations

import re

from voice.conversation.opening_words import OPENING
from voice.matching.normalize import clean

_ASKS = re.compile(
    rf"^{OPENING}"
    r"(?:is (?:it|that|this)|are (?:they|those|these|them)|would (?:it|that|they) be|"
    r"will (?:it|that|they) be) (?:really |actually |definitely |completely |totally )?"
    r"(?:(?:safe|ok|okay|alright|all right)"
    r"(?: (?:for me|for him|for her|for them|for us|to do|to try|to take|to use|to have|"
    r"with my (?:\w+ )?(?:medicines?|medication|tablets|pills)|long term|in the long run))?|"
    # "are they dangerous" after "what causes spasms" asks of spasms, not
    # of a treatment: only a thing done is asked of here.
    r"(?:dangerous|risky|harmful) (?:to do|to try|to take|to use|to have))"
    r"(?: (?:then|too|though))?(?: please)?$")
#: Not "is it ok" alone: said to the assistant's own offer or reading ("is
#: it ok if I ask another question" is longer and stays the matcher's).
_ALONE_OK = frozenset({"is it ok", "is it okay", "is that ok", "is that okay", "is it alright",
                       "is that alright", "is it all right", "is that all right"})


def asks_if_safe(text: str) -> bool:
    """Whether ``text`` asks whether what was just read of is safe."""
    said = clean(text).rstrip(" ?.!")
    return said not in _ALONE_OK and bool(_ASKS.fullmatch(said))
