""""What else can help?" after an answer: the other entries on what helps,
offered.

Typed in session 38: "what medicines help spasms" read Medication, then
"what else can help", "what else can I do" and "is there anything else I
can try" were each told "Sorry, I don't have an answer for that". A tired
user asking for the next thing to try had to know the other sections'
names. Now the entries that answer what helps (``HELPS_QUERIES``, asked of the
content, so a caregiver's own page on what helps is found too), less those
already read, are offered two at a time, never read unasked.
Pure: text in, True or False out; the reply is built from the state.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from voice.conversation import finding, kind_offers, phrases
from voice.conversation.opening_words import OPENING
from voice.conversation.reply import Reply
from voice.matching.normalize import clean

if TYPE_CHECKING:
    from voice.conversation.conversation import Conversation

_FOR = (r"(?: (?:for|with) (?:it|them|that|this|those|spasms|the spasms|my spasms|cramps|"
        r"stiffness))?")
_ASKS = re.compile(
    rf"^{OPENING}"
    r"(?:what else (?:can|could|would|might|will|may) (?:help|work|i do|i try|we do|we try|"
    r"be done|he do|she do|he try|she try)|what else (?:helps|works|is good)|"
    r"(?:is there )?anything else (?:that |which )?(?:i |we |he |she )?(?:can |could |might )?"
    r"(?:help|helps|work|works|do|try)|"
    r"what other things (?:can |could |might )?(?:help|helps|i can try|can i try|can i do))"
    rf"{_FOR}(?: (?:then|too|as well|instead))?(?: please)?$")
#: What helps, asked of the content in words its entries answer outright
#: (`voice ask`, session 38): the lifestyle FAQ, Treatment Approaches,
#: Medication, Dietary Adjustments, Alternative Therapies, Physical Therapy.
HELPS_QUERIES = ("what helps spasms", "what treatments are there for spasms",
                 "what medicine helps spasms", "what diet helps spasms", "does massage help spasms",
                 "what stretches help spasms")
#: Offered at once: two, as "Did you mean X; or Y?" names.
_AT_ONCE = 2


def asks_what_else_helps(text: str) -> bool:
    """Whether ``text`` asks what else can help, as a follow-up."""
    return bool(_ASKS.fullmatch(clean(text).rstrip(" ?.!")))


def what_else_helps(talk: Conversation, text: str) -> Reply:
    """The entries on what helps not read yet, offered; when every one
    was read, said so with the way forward."""
    read = {entry.id for entry in talk.state.history}
    left = [e for e in finding.entries_answering(talk, HELPS_QUERIES) if e.id not in read]
    if not left:
        return kind_offers.offer_entries(talk, text, [], phrases.ALL_HELPS_READ, "what_else")
    return kind_offers.offer_entries(talk, text, left[:_AT_ONCE], phrases.ELSE_HELPS,
                                     "what_else")
