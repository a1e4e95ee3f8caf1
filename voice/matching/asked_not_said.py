"""The part of a question an entry never speaks of (session 26, branch scope29).

A question is often a content word and something asked about it: "does
exercise make spasms worse", "does massage hurt", "who pays for physio". The
content word carries the match (exercise, massage, physio), so the entry about
it scores as if it answered; but the lifestyle FAQ read for the first says
"Yes, regular exercise ... significantly reduce spasm frequency": a yes to the
opposite question. Alternative Therapies never says whether massage hurts, the
physical therapy FAQ never speaks of paying.

What is asked is one of a few kinds of thing (grammar and everyday words, a
closed list), each with the words an answer about it uses:

- harm: whether a thing makes it worse, is bad for one, hurts, is dangerous,
  has side effects, is addictive. An answer speaks of harm when it says worse,
  strain, overuse, risk, side effects, reactions... (pain or discomfort only
  when not what the thing relieves: "reduce discomfort" is no answer to "does
  physio hurt");
- paying: who pays, what it costs, whether it is covered. An answer speaks of
  it when it says cost, pay, funding, insurance, financial...;
- telling two apart (session 27, branch scope31): "X or just Y" where the
  content reads X and Y as one ("depressed or just sad": both mood), "the
  difference between". An answer tells them apart with differ, unlike,
  whereas, rather than...;
- whether one has a thing: "how do i know if i'm depressed". An answer
  tells with signs, symptoms, a test or a diagnosis.

An entry whose answer never speaks of what is asked is offered, never read
(Matcher.match), as an amount or a "why" it does not give is (scope.py).
Pure: text in, bool out.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from voice.matching.normalize import clean, content_tokens, is_function_word, tokens
from voice.matching.scope import CAUSE_GIVEN

#: Asked whether a thing harms: makes it worse, hurts, is bad or dangerous,
#: what it does besides ("side effects"), whether one gets hooked.
HARM_ASKED = re.compile(
    r"\b(?:make|makes|making|made) (?:\w+ ){0,3}worse\b"
    r"|\b(?:do|does|did|can|could|will|would|might|is|are) (?:\w+ ){1,3}worsen(?:s|ing)?\b"
    r"|\b(?:aggravat|exacerbat)\w*"
    r"|\b(?:is|are|be|was|bad) (?:\w+ ){0,3}bad for\b|\bbad for (?:me|you|him|her|us|them|it)\b"
    r"|\b(?:harm|harms|harmful|damage|damages|damaging) "
    r"(?:me|you|him|her|us|them|my|your|his|the)\b"
    r"|\b(?:do|does|did|will|would|can|could|might|is|are) (?:\w+ ){1,3}(?:hurt|painful|sore)\b"
    r"|\b(?:dangerous|unsafe|side effects?|addictive|addicted|addiction|habit forming)\b")

#: An answer speaking of harm.
HARM_SAID = re.compile(
    r"\b(?:worse|worsen\w*|aggravat\w*|exacerbat\w*|trigger\w*|strain\w*|overuse|harm\w*|"
    r"danger\w*|unsafe|risks?|side effects?|adverse|reactions?|addict\w*|dependen\w*|"
    r"withdrawal|pain\w*|hurt\w*|sore\w*|discomfort)\b")

#: Pain or discomfort said as what a thing relieves: not whether it hurts.
RELIEVED = re.compile(
    r"\b(?:reduc\w*|reliev\w*|relief|alleviat\w*|eas\w*|manag\w*|lessen\w*|soothe\w*|"
    r"treat\w*|control\w*|minimi\w*)(?: \w+){0,4}? (?:pain|discomfort|soreness)\b")

#: Asked who pays or what it costs.
PAYING_ASKED = re.compile(
    r"\b(?:who|what) (?:pays|will pay|would pay|can pay|should pay)\b"
    r"|\bpay(?:s|ing)? for\b|\bcosts?\b|\bprice\b|\bexpensive\b|\bafford\b"
    r"|\b(?:covered|paid for|funded) by\b|\binsurance\b|\b(?:is|are) (?:\w+ ){1,3}free\b"
    r"|\bfor free\b|\bhow much (?:is|are|does|do|will)\b")

#: An answer speaking of paying.
PAYING_SAID = re.compile(
    r"\b(?:costs?|pay\w*|paid|fund\w*|insur\w*|financ\w*|afford\w*|price\w*|free of charge|"
    r"expens\w*|subsid\w*)\b")


#: Whether one's own medicine is to blame ("could my tablets be causing
#: this", "are my meds making me tired"): Causes and Risk Factors' "medication
#: reactions" carries it, but no entry can say it of one person's medicine.
#: (voice/conversation/own_medicine.py's notice is for stopping, changing and
#: dosing; tests/test_session24_own_medicine.py keeps every in-scope line out
#: of it, and dev.tsv has "could my tablets be giving me cramps" for Causes.)
#: ``what`` is the thing said after "my"; it is a medicine when it holds an
#: everyday word for one (``EVERYDAY_MEDICINE``) or a medicine the loaded
#: content names (``Matcher.names_our_medicine``: "baclofen", "botox",
#: "muscle relaxants" for the shipped content; session 27, branch scope30:
#: the drug names were a list here, so a page naming another drug was not
#: followed).
OWN_BLAME = (
    re.compile(
        r"\b(?:could|can|might|may|would|is|are|do|does) (?:it be |it |that be |this be )?"
        r"(?:my|his|her|their|our) (?P<what>\w+(?: \w+)?) (?:be |that is |that are )?"
        r"(?:causing|cause|causes|making|make|makes|giving|give|gives|doing|behind|to blame)\b"),
    re.compile(
        r"\b(?:is|could|might) (?:it|this|that) (?:be )?(?:because of |from |due to )?"
        r"(?:my|his|her|their|our) (?P<what>\w+(?: \w+)?)"),
)

#: Everyday words for a medicine, whatever the content names (grammar of
#: saying "my medicine", not drug names).
EVERYDAY_MEDICINE = frozenset({
    "medicine", "medicines", "medication", "medications", "meds", "pill", "pills",
    "tablet", "tablets", "capsule", "capsules", "drug", "drugs", "prescription",
    "prescriptions", "injection", "injections"})


#: Asked what causes a thing (session 27, branch scope30). "why" is
#: scope.asks_why_not_given's, which offers without reordering.
CAUSE_ASKED = re.compile(
    r"\bwhat (?:causes|caused|is causing|is the cause of|are the causes of|brings on|triggers|"
    # "what makes me anxious" (Coping Strategies was read in full; session
    # 28, branch mend33), not what makes a thing better or easier, or
    # what makes a good one (a remedy or a choice asked).
    r"makes|made)\b(?!(?: \w+){0,3} (?:better|easier|easy|good|best|less|go away)\b)")


def asks_cause(text: str) -> bool:
    """``text`` asks what causes a thing ("what causes cramps at night")."""
    return bool(CAUSE_ASKED.search(clean(text)))


#: Asked to tell two things apart by name (session 27, branch scope31):
#: "what's the difference between ...", "how do i tell ... apart", "... versus ...".
APART_ASKED = re.compile(
    r"\bdifferences? between\b|\btell (?:\w+ ){0,4}apart\b|\btell the difference\b"
    r"|\bdistinguish\b|\bversus\b|\bvs\b")

#: An answer telling things apart: how they differ, one unlike the other.
APART_SAID = re.compile(
    r"\b(?:differ\w*|distinguish\w*|unlike|whereas|versus|rather than|not the same|"
    r"mistaken for|confused with|told apart|tell (?:\w+ ){0,3}apart)\b")


def asks_apart(text: str) -> bool:
    """``text`` asks to tell two things apart: by name ("what's the
    difference between ...", ``APART_ASKED``), or as "X or Y" where X and Y
    are different words the content reads as one ("how do i know if i'm
    depressed or just sad": both fold to mood; "is it a cramp or a spasm").
    Alternatives the content tells apart by their words ("is swimming or
    yoga good", "is it treatable or curable") are a choice an entry may
    answer, not this."""
    cleaned = clean(text)
    if APART_ASKED.search(cleaned):
        return True
    for found in re.finditer(r"\bor\b", cleaned):
        left, right = cleaned[:found.start()].strip(), cleaned[found.end():].strip()
        x, y = _last(tokens(left)), _first(tokens(_skip_hedges(right)))
        said_x, said_y = _last(content_tokens(left)), _first(content_tokens(_skip_hedges(right)))
        if (x is not None and x == y and said_x != said_y
                and not _negated(_last(_words(left)), _first(_words(_skip_hedges(right))))):
            return True
    return False


#: Prefixes that say "not": "curable or incurable" asks yes or no, not to
#: tell two things apart (the cure FAQ answers it).
NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "non", "dis", "ab")


def _words(text: str) -> list[str]:
    return [w for w in text.split() if not is_function_word(w)]


def _negated(x: str | None, y: str | None) -> bool:
    """One of ``x``, ``y`` is the other with a negating prefix."""
    if x is None or y is None:
        return False
    return any(y == p + x or x == p + y for p in NEGATING_PREFIXES)


def _skip_hedges(text: str) -> str:
    words = text.split()
    while words and words[0] in ("just", "only", "simply", "merely", "maybe", "perhaps"):
        words = words[1:]
    return " ".join(words)


def _last(items: list[str]) -> str | None:
    return items[-1] if items else None


def _first(items: list[str]) -> str | None:
    return items[0] if items else None


#: Asked how to tell whether one has a thing (session 27, branch scope31):
#: "how do i know if ...", "how can i tell whether ...", "how would i know
#: i've got it".
#: What is found out is a state of someone ("i am depressed", "i have got
#: it", "it is a cramp", "my son has it"), not a choice: "how do i know if
#: i need a wheelchair" is the editors' "do i need a wheelchair" (Assistive
#: Devices), answered.
#: "the X" too ("how do i know if the baclofen is working": Medication was
#: read in full; session 28, branch mend33).
_HAS_IT = (r"(?:i|you|he|she|it|this|that|they|we|(?:my|the) \w+|(?:my|the) \w+ \w+) "
           r"(?:am|is|are|have|has|have got|has got|got|suffer|suffers)\b")
KNOW_IF_ASKED = re.compile(
    r"\bhow (?:do|would|can|could|will|should|does|did) (?:i|you|we|one|they|he|she|my \w+) "
    r"(?:ever |really |even )?(?:know|tell|find out|be sure|be certain) (?:for sure )?"
    r"(?:if|whether) " + _HAS_IT
    + r"|\bhow to (?:know|tell) (?:if|whether) " + _HAS_IT)

#: An answer telling how one knows: signs, symptoms, a test or a diagnosis.
SIGNS_SAID = re.compile(
    r"\b(?:signs?|symptoms?|diagnos\w*|tests?|testing|notic\w*|recogni\w*|"
    # "indicate" as a sign, not research reporting ("clinical trials
    # indicate that ...": Medication read for "how do i know if my
    # medication is working"; session 28, branch typed32).
    r"(?<!trials )(?<!studies )(?<!research )(?<!evidence )indicat\w*|"
    r"look for|watch for|assess\w*|examin\w*|evaluat\w*|screen\w*)\b")


#: Whether a treatment or an effort is working (session 29, branch typed34):
#: "how would i know if the medicine is working", "how do i know if the
#: exercises are doing any good". Every treatment entry speaks of the
#: symptoms it treats ("alleviating symptoms", "address specific
#: symptoms"), which ``SIGNS_SAID`` took for telling how one knows:
#: Alternative Therapies was offered before Medication (85.6 against 79.1),
#: The Role of Exercise read in full. Only an answer that says how a change
#: is noticed or followed tells whether it works (``WORKS_SAID``).
WORKS_ASKED = re.compile(
    r"\b(?:is|are|was|were|be) (?:really |actually |even )?(?:working|helping|"
    r"doing (?:any |me any |him any |her any |them any |much |some )?good|"
    r"making (?:a|any) difference|effective|worth it)\b")

#: An answer telling how one notices a treatment working: a change
#: noticed, followed or reviewed. No entry of the shipped content says it,
#: so such a question is offered, the best-scoring entry first.
WORKS_SAID = re.compile(
    r"\b(?:notic\w*|monitor\w*|track\w*|keep a (?:diary|record|log)|review\w*|"
    r"follow[- ]up\w*|measur\w*)\b")


def asks_works(text: str) -> bool:
    """``text`` asks how to know whether a thing is working ("how would i
    know if the medicine is working")."""
    cleaned = clean(text)
    return bool(KNOW_IF_ASKED.search(cleaned)) and bool(WORKS_ASKED.search(cleaned))


def _signs_said(text: str, answer: str) -> bool:
    """``answer`` tells how one knows what ``text`` asks: whether a thing
    works (``WORKS_SAID``), else whether one has a thing (``SIGNS_SAID``)."""
    said = WORKS_SAID if asks_works(text) else SIGNS_SAID
    return bool(said.search(clean(answer)))


def asks_know_if(text: str) -> bool:
    """``text`` asks how to tell whether one has a thing ("how do i know if
    i'm depressed")."""
    return bool(KNOW_IF_ASKED.search(clean(text)))


def _no_medicine_of_ours(_what: str) -> bool:
    return False


def blames_own_medicine(text: str,
                        ours: Callable[[str], bool] = _no_medicine_of_ours) -> bool:
    """``text`` asks whether the speaker's (or their relative's) own
    medicine is to blame ("could my tablets be causing this"). ``ours``
    tells whether words said name a medicine of the content's
    (``Matcher.names_our_medicine``); without it only everyday words for a
    medicine count."""
    cleaned = clean(text)
    for pattern in OWN_BLAME:
        for found in pattern.finditer(cleaned):
            what = found.group("what")
            if not EVERYDAY_MEDICINE.isdisjoint(what.split()) or ours(what):
                return True
    return False


def asks_harm(text: str) -> bool:
    """``text`` asks whether a thing harms ("does exercise make spasms
    worse", "does massage hurt", "is baclofen addictive")."""
    return bool(HARM_ASKED.search(clean(text)))


def speaks_of_harm(answer: str) -> bool:
    """``answer`` speaks of harm: worse, strain, risk, side effects... Pain
    said as what is relieved ("reduce discomfort") is not."""
    return bool(HARM_SAID.search(RELIEVED.sub(" ", clean(answer))))


def asks_paying(text: str) -> bool:
    """``text`` asks who pays or what it costs ("who pays for physio")."""
    return bool(PAYING_ASKED.search(clean(text)))


def not_said(text: str, answer: str,
             ours: Callable[[str], bool] = _no_medicine_of_ours) -> bool:
    """Whether ``text`` asks a thing (harm, paying, a cause) that ``answer`` never
    speaks of, or whether one's own medicine (``ours``: see
    ``blames_own_medicine``) is to blame: the entry is offered, never read
    (Matcher.match)."""
    if blames_own_medicine(text, ours):
        return True
    if asks_harm(text) and not speaks_of_harm(answer):
        return True
    if asks_cause(text) and not CAUSE_GIVEN.search(answer):
        return True
    if asks_apart(text) and not APART_SAID.search(clean(answer)):
        return True
    if asks_know_if(text) and not _signs_said(text, answer):
        return True
    return asks_paying(text) and not PAYING_SAID.search(clean(answer))


def says_it(text: str, answer: str) -> bool:
    """Whether ``answer`` speaks of what ``text`` asks (harm, paying): the
    entry to offer first when the best one does not."""
    apart, know_if = asks_apart(text), asks_know_if(text)
    if not (asks_harm(text) or asks_paying(text) or asks_cause(text) or apart or know_if):
        return False
    said = True
    if asks_harm(text):
        said = speaks_of_harm(answer)
    if asks_cause(text):
        said = said and bool(CAUSE_GIVEN.search(answer))
    if asks_paying(text):
        said = said and bool(PAYING_SAID.search(clean(answer)))
    if apart:
        said = said and bool(APART_SAID.search(clean(answer)))
    if know_if:
        said = said and _signs_said(text, answer)
    return said
