"""A fall, asked about or told: "what should I do if I fall", "how do I
prevent falls", "my husband fell", "she keeps falling".

Each was declined ("I don't have an answer for that"; session 33's note,
`voice ask`): the content has no entry on falls, yet falls are common in
these conditions and can be serious. The user hears first when to call for
help (hurt, a head struck, or unable to get up), then the entries on what
helps with walking are offered (kind_offers.py, ``FALLS_OFFERS``), never
read unasked. A fall with an emergency's words ("I fell and can't get up",
"she fell and hit her head") is emergency.py's, checked first.

Not a fall: falling asleep, ill, apart, behind, pregnant, in love, hair
falling out, "in the fall" (autumn).
Pure: text in, True or False out.
"""

from __future__ import annotations

import re

from voice.conversation.conditions_named import NAMED
from voice.matching.normalize import clean
from voice.matching.relatives import RELATIVE

_FALL = re.compile(r"\b(?:fall|falls|falling|fell|fallen|falled)\b")
#: The other senses of the word, and fall in its season.
_NOT_A_FALL = re.compile(
    r"\b(?:fall|falls|falling|fell|fallen) (?:asleep|ill|sick|apart|behind|pregnant|in love|"
    r"for|short|through|out|off the wagon|into (?:a|the) (?:habit|trap|category|group)|"
    r"under|within|into place|back on|back asleep|back to sleep|in)\b"
    # A day or date falling ("what day does my birthday fall on").
    r"|\b(?:fall|falls|fell) on (?:a |the |which |what )?(?:monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|weekend|weekday|day|date|this year|next year)\b"
    r"|\b(?:fall|falls|fell) on$"
    r"|\b(?:hair|teeth|tooth|nails?) (?:is |are |keeps |keep )?(?:fall|falls|falling)\b"
    r"|\b(?:in|this|last|next) (?:the )?fall\b|\bfall (?:season|semester|term)\b"
    r"|\bblood pressure (?:falls|fell|falling)\b|\b(?:sugar|levels?) (?:falls|fell|falling)\b"
    r"|\bfalling (?:sensation|feeling)\b")
_PERSON = (r"(?:i|i m|i am|i ve|he|he s|she|she s|they|they re|we|you|me|him|her|them|us|"
           rf"someone|somebody|people|patients|(?:my |our |your |his |her )?(?:{RELATIVE}|"
           r"patient))")
#: The person's condition said after them: "my mum with ms keeps falling"
#: was offered the hereditary FAQ first (session 41, `voice ask`): "with
#: ms" took the two words allowed before "falling".
_WITH_IT = (rf"(?: (?:with|who has|who s got|who has got|who lives with) (?:mg|{NAMED}|"
            r"parkinson s|spasms|a neuromuscular (?:disorder|disease|condition)|dementia|"
            r"a stroke))?")
#: A person falling ("if I fall", "my husband fell", "she keeps falling",
#: "stop me falling"), or falls as a thing to prevent or fear: never prices,
#: scores or leaves ("will the market fall").
_PERSONS_FALL = re.compile(
    rf"\b{_PERSON}{_WITH_IT} (?:\w+ ){{0,2}}(?:fall|falls|falling|fell|fallen)\b"
    r"|\b(?:prevent|preventing|prevention of|avoid|avoiding|stop|stopping|reduce|reducing|"
    r"risk of|fear of|afraid of|scared of|frightened of|worried about|after|from|had|have had|"
    r"has had|keep having|about|with) (?:a |the |any |more |many |these |his |her |my )?"
    r"(?:falls?|falling)\b")


def about_falls(text: str) -> bool:
    """Whether ``text`` asks about, or tells of, a person falling."""
    cleaned = clean(text)
    return bool(_FALL.search(cleaned) and not _NOT_A_FALL.search(cleaned)
                and _PERSONS_FALL.search(cleaned))
