"""A carer asking how to help the person they look after, and nothing else:
"how can I help my husband", "what can I do to help my dad".

Each was declined ("I don't have an answer for that"; session 36, `voice
ask`), while "how can I support my husband" was offered the entry on coping
for individuals and caregivers: "help" is how people ask anything, so the
scope check weighs it as no word of the content's. Said by a user of this
assistant, the person helped is almost always the one with the condition;
the content's entry for carers is offered (kind_offers.py,
``HELPING_OFFERS``), never read unasked. Only the whole line: "how can I
help my mum with her computer" names what with, and stays the matcher's.
Pure: text in, True or False out.
"""

from __future__ import annotations

import re

from voice.matching.normalize import clean
from voice.matching.relatives import RELATIVE

_HELPING = re.compile(
    r"(?:(?:so|and|but|ok|okay|please) )*"
    r"(?:how (?:can|could|do|should|shall|might) (?:i|we) (?:best |really |still )?"
    r"|what (?:can|could|should|shall) (?:i|we) do to (?:best )?"
    r"|what is the best way to |what are the best ways to |is there anything (?:i|we) can do to )"
    r"(?:help|support|look after|care for|take care of|be there for) "
    rf"(?:(?:my|our) (?:\w+ )?{RELATIVE}|him|her|them)"
    r"(?: (?:best|more|better|properly|at home|day to day|every day|now|then))?"
    # "what can i do for her", after "my wife has ms", was declined
    # (session 41, `voice text`): the person, or "him"/"her", said alone.
    r"|(?:(?:so|and|but|ok|okay|then) )*(?:what|is there anything|anything) (?:else )?"
    r"(?:can|could|should|shall) (?:i|we) do for "
    rf"(?:(?:my|our) (?:\w+ )?{RELATIVE}|him|her|them)"
    r"(?: (?:now|then|at home|day to day|every day))?"
    # "what do i say to someone just diagnosed with ms" was offered Diagnosis
    # and Medical Evaluations (session 46, typed): what to say to them is
    # being there for them; the coping entry speaks of support.
    r"|(?:(?:so|and|but|um|er) )*(?:what|how) (?:do|should|can|could|shall) (?:i|we) "
    r"(?:say to|talk to|speak to|support|comfort) "
    rf"(?:someone|somebody|a friend|(?:my|our) (?:\w+ )?{RELATIVE}|him|her|them)"
    r"(?: who (?:has|s|is|was|has been|have been|has just been))?"
    r"(?: (?:just|newly|recently|only just))? (?:been )?diagnosed(?: with (?:ms|als|mg|mnd|"
    r"multiple sclerosis|motor neurone? disease|myasthenia(?: gravis)?|it|this))?")


def asks_how_to_help(text: str) -> bool:
    """Whether ``text`` only asks how to help someone close ("how can I
    help my husband")."""
    return _HELPING.fullmatch(clean(text).rstrip(" ?.!")) is not None
