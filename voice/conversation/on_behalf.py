"""A question told first who has the condition: "my husband has MS, what
can he do for his spasms", "I look after my dad who has ALS, what
exercises can he do", "I have MS, is there a cure".

Matched whole, the telling outweighed the question: "my husband has MS,
what can he do for his spasms" was answered, in full, with Recognizing
Chronic Spasms and Neuromuscular Disorders (the section that names MS), and
"I look after my dad who has MS, what exercises can he do" was offered
Coping Strategies (session 10, `voice text`). The content is about all of
these conditions alike, so the telling adds nothing to find the entry: the
question after it is matched on its own (two_part_lines.py).

Only a telling that names a condition the content covers is taken: "my
mother has diabetes, what should she eat" is matched whole, as before.
Pure: text in, the question's words or None out.
"""

from __future__ import annotations

import re

from voice.matching.normalize import clean
from voice.matching.relatives import RELATIVE

#: The conditions the content is about, as people name them.
_CONDITION = (
    r"(?:ms|multiple sclerosis|als|mnd|motor neuron(?:e)? disease|lou gehrig s(?: disease)?|"
    r"myasthenia(?: gravis)?|mg|(?:a |an )?(?:neuromuscular|neurological|nerve|muscle) "
    r"(?:disorder|disease|condition))"
)
# Not "spasms": in "my son has spasms at night, what helps" they are what
# is asked about, not who has what.
#: Who the question is asked for.
_WHO = (
    # The relatives (relatives.py: "my grandad has ms, what can he do for
    # his spasms" was matched whole before "grandad" was among them), and
    # those a carer looks after.
    rf"(?:{RELATIVE}|parent|client|patient|neighbour|neighbor)"
)
_HAS = (r"(?:has|have|has got|have got|got|was diagnosed with|were diagnosed with|"
        r"has been diagnosed with|have been diagnosed with|is living with|lives with|live with|"
        r"suffers from|suffer from|is suffering from|has had|have had)")
_OPENING = r"^(?:(?:hi|hello|um|er|so|well|ok|okay) )*"
_TOLD = re.compile(
    rf"{_OPENING}(?:"
    rf"(?:my|our) (?:\w+ ){{0,2}}{_WHO} {_HAS} {_CONDITION}"
    rf"|i {_HAS} {_CONDITION}"
    rf"|i (?:look after|am looking after|care for|am caring for|take care of|am a carer for|"
    rf"am the carer for|am a caregiver for|am the caregiver for|help) (?:my|our) "
    rf"(?:\w+ ){{0,2}}{_WHO} (?:who {_HAS}|with) {_CONDITION}"
    rf")(?: (?:and|so|but))? (?P<rest>.+)$"
)
#: The question left must say something: "my husband has MS and" is no question.
#: Two words are one: "my son has a neuromuscular disorder, what now" was read
#: in full, matched whole, with "Are neuromuscular disorders hereditary?" ("son"
#: is family); "what now" alone finds nothing, so the whole line's answer is
#: only offered (scope17; no line of tests/data starts with such a telling
#: and two words).
MIN_REST_WORDS = 2


#: Asked of a relative what one may ask of oneself (session 33, typed):
#: "can my dad still exercise" and "can my mum go swimming" were offered the
#: hereditary FAQ first ("dad", "mum" are words of family), where "can i
#: still exercise" is read The Role of Exercise and Rehabilitation. Asked
#: as one's own. Not when the verb is heredity's own ("will my children get
#: it", "should my children be tested", "could my son inherit it"), nor
#: of helping ("can my husband help me").
_ASKED_OF = re.compile(
    rf"{_OPENING}(?P<modal>can|could|should|may|might|must|does|do|is) (?:my|our) "
    rf"(?:\w+ )?{_WHO}s? (?P<rest>(?:still |also |now |ever )?"
    r"(?!(?:get|gets|inherit|catch|have|has|develop|be (?:tested|at risk|affected|born)|test"
    r"|carry|pass|be a carrier"
    # Nor a relative helping: that is caring (teller._HELPER).
    r"|help|support|look after|care for|cope)\b)\w+(?: .+)?)$")
#: The modal as asked of oneself: "does my dad need" -> "do i need".
_OWN_MODAL = {"does": "do", "is": "am"}


def asked_for(text: str) -> str | None:
    """The question in ``text`` after a telling of who has the condition,
    or asked of a relative as one's own ("can my dad still exercise" ->
    "can i still exercise"); None when the line is neither (or nothing is
    asked after the telling)."""
    cleaned = clean(text)
    told = _TOLD.match(cleaned)
    if told is None:
        of = _ASKED_OF.match(cleaned.rstrip(" ?.!"))
        if of is None:
            return None
        modal = of.group("modal")
        return f"{_OWN_MODAL.get(modal, modal)} i {of.group('rest')}"
    rest = told.group("rest")
    return rest if len(rest.split()) >= MIN_REST_WORDS else None


#: A diagnosis told, and nothing asked (session 35, `voice ask`): "my husband
#: has ms" was asked "Did you mean: Recognizing Chronic Spasms ...?", "I was
#: diagnosed with ms today" "Did you mean: Diagnosis and Medical
#: Evaluations?". News, not a question: met kindly, then what helps offered
#: (kind_offers.diagnosis_told).
_FOUND_OUT = (r"(?:(?:we|i) (?:have |ve )?(?:just |only just |recently )?(?:found out|learned|"
              r"learnt|heard|were told|was told|got told|got the news)(?: today| yesterday)?"
              r"(?: that)? |(?:the|my|his|her|our) (?:doctor|neurologist|consultant|gp) "
              r"(?:just |has just )?(?:said|says|told us|told me|has told us|has told me)"
              r"(?: that)? )")
_WHEN = (r"(?: today| yesterday| last week| this week| last month| this month| recently|"
         r" just now| a (?:few|couple of) (?:days|weeks|months) ago| (?:two|three|four|five|six|"
         r"\d+) (?:days|weeks|months|years) ago)?")
_TOLD_ONLY = re.compile(
    rf"{_OPENING}(?P<found>{_FOUND_OUT})?(?:(?:my|our) (?:\w+ ){{0,2}}{_WHO}|i|he|she|we) "
    r"(?:(?:has|have|was|were|is|am|got|has been|have been|had been|was just|has just been|"
    r"have just been|was recently|has recently been|have recently been|just got|got just)"
    r" )?(?P<news>just )?(?:diagnosed with|diagnosed as having|told (?:he|she|i|they) (?:has|have)|"
    rf"has|have|has got|have got|got) {_CONDITION}{_WHEN}$")


def diagnosis_told(text: str) -> str | None:
    """Whether ``text`` only tells that someone has one of the conditions:
    "news" when told as just found out or diagnosed, "told" otherwise, None
    when it is not such a telling (or something is asked too)."""
    cleaned = clean(text).rstrip(" ?.!")
    found = _TOLD_ONLY.fullmatch(cleaned)
    if found is None:
        return None
    new = found.group("found") or found.group("news") or "diagnosed" in cleaned
    return "news" if new else "told"
