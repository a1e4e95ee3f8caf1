"""A subject the content does not cover, and what is said of it: the shape
shared by not_covered.py's everyday topics and medical_words.py's words."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: ``Topic.offered_with`` for a topic whose words alone say the line is
#: about living with a condition: its entries offered on any line naming it
#: ("what should I ask my doctor" names no condition, and is still this
#: assistant's user's question).
ANY_LINE = re.compile("")


@dataclass(frozen=True)
class Topic:
    """A subject the content does not cover, and what is said of it."""

    key: str
    #: Said first: that it is not covered, and who can tell them.
    say: str
    #: Asked of the content for the entries offered after it (none: the way
    #: forward is said instead).
    offers: tuple[str, ...] = ()
    #: Said between ``say`` and the offer, only when an entry is offered.
    lead: str = ""
    #: Taken without the conditions named: words with no other sense
    #: ("ventilator", "palliative care"), asked by anyone; nothing is
    #: offered then.
    anyone: bool = False
    #: Whether an entry offered near it may answer it, so the matcher's own
    #: offer of one stays alone ("can my girlfriend's spasms be passed to
    #: our baby": the hereditary FAQ). False: no entry says it, so the
    #: topic's line is said first whatever the matcher offered.
    near_answers: bool = True
    #: When set, entries are offered only when the line names one of these
    #: (rather than the conditions): "i have a side effect from my
    #: tablets" is told the topic, offered nothing (the medicines the
    #: content names are not said to be theirs).
    offered_with: re.Pattern[str] | None = None
    #: Said even when the matcher would answer: the content never names it,
    #: so an entry answered only shares a word with it ("what is foot drop"
    #: and the early-signs FAQ's "dropping things").
    over_answer: bool = False
    #: With ``over_answer``: the line without the topic's words may still
    #: be answered ("can orthotics help with foot drop": the devices FAQ).
    #: False where that rest is only ever the question of the topic itself
    #: ("is medical marijuana good for spasms" less the drug is "is good
    #: for spasms", which the content cannot answer of cannabis).
    rest_answers: bool = True
    #: The topic's word is the content's own ("muscle fatigue", Impact on
    #: Daily Life): whatever the matcher offered stays ("what causes my
    #: fatigue": Causes and Risk Factors, then Impact on Daily Life); the
    #: topic is said only when the matcher found nothing.
    content_word: bool = False
    #: With ``over_answer``: whether the entry answered names the topic is
    #: judged by its title and text alone, not the editors' "Also asked"
    #: lines and keywords: "what is deep brain stimulation" is one of
    #: Neuromodulation's lines, whose text names only spinal cord and
    #: transcranial magnetic stimulation (session 46, typed).
    text_names: bool = False
