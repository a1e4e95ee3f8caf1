"""A fear about one's own future: "will I die from this", "is it fatal",
"how long do I have to live", "will it get worse", "am I going to end up in
a wheelchair".

The content is general health information: it cannot tell one person what
will happen to them, so these were declined flatly ("I don't have an answer
for that") or met with "Did you mean: Assistive Devices?". Said to a
person, they are met with a kind word, that only their doctor or nurse can
talk it through with them, and then the entry that comes nearest is offered,
never read unasked (kind_offers.py, like a feeling).

Only questions about the speaker's own course, or "it"/"this"/one of the
conditions the content is about, are taken: "what is the outlook for
Purpura" (MedQuAD) is declined as before. Questions the content answers
("will I get better", "is it permanent", "is there any hope", "do I need a
wheelchair") are not taken: they are its "Also asked" lines and are
matched as before. Emergencies ("I want to die") are checked before this.
Pure: text in, a ``Worry`` or None out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from voice.conversation.conditions_named import NAMED
from voice.matching.normalize import clean
from voice.matching.relatives import RELATIVE

Kind = Literal["outlook", "mobility", "contagion", "life", "hope", "blame"]

#: What "it" may be called: the conditions the content is about.
_IT = (r"(?:it|this|that|my (?:condition|illness|disease|diagnosis|ms|als|mg)|the (?:condition|"
       r"illness|disease)|these (?:disorders|conditions)|mg|"
       rf"{NAMED}|lou gehrig s disease|"
       r"(?:a |my )?neuromuscular (?:disorder|disease|condition)s?|my spasms|the spasms|"
       r"spasms|my symptoms|things)")
#: "will", "is it going to", "am i going to" and the like, said of the future.
#: Not "does it get worse at night": a question about symptoms, not the future.
_WILL = r"(?:will|would|might|(?:is|are)(?= \S+(?: \S+)* (?:going to|gonna) ))"
_GOING = r"(?:going to |gonna |likely to |ever |eventually |one day |just )*"

_OUTLOOK = re.compile("|".join([
    # will i die (from this), am i going to die, am i dying of it
    rf"\b(?:will|would|could|can|am|might|do|does) i {_GOING}die\b",
    rf"\bi (?:will|am going to|am gonna|might) {_GOING}die (?:of|from) ",
    # Session 25 (journey26, `voice text`): "am I dying" was declined; asked,
    # it is a fear, not an emergency (tests/test_emergency_phrases.py).
    r"\bam i (?:slowly )?dying\b(?! to)",
    rf"\b(?:will|would|could|can|is|does) {_IT} {_GOING}kill (?:me|you|people|him|her)\b",
    rf"\b(?:do|does|can|could) (?:people|you|anyone|someone) (?:ever )?die (?:of|from) {_IT}\b",
    # is it fatal / terminal / life threatening / a death sentence
    rf"\b(?:is|are) {_IT} (?:always |usually |ever |very )?(?:fatal|terminal|deadly|"
    r"life threatening|life limiting|life shortening|a death sentence|a killer)\b",
    rf"\b(?:is|are) {_IT} (?:going to be )?(?:fatal|terminal)\b",
    # how long do i have (to live / left), how long can i live with it
    # Ending there: "how long do i have to take the tablets" asks about them.
    r"\bhow long (?:do|would|will|might) (?:i|we) (?:have|have got)(?: left| to live)?$",
    r"\bhow long (?:will|would|might|can) (?:i|we) live\b",
    r"\bhow long (?:have|has) (?:i|he|she) got(?: left| to live)?$",
    rf"\bhow long (?:can|do|does|will) (?:i|you|people|someone|one|a person) live with {_IT}\b",
    # Session 41 (`voice ask`): "how long do people with als live" and "how
    # long does someone with mg live" met the plain "I don't have an
    # answer"; the person named before the condition.
    rf"\bhow long (?:can|do|does|will|would) (?:people|someone|somebody|a person|patients|"
    rf"one|he|she|they|my \w+) (?:with|who (?:has|have|has got|have got)) {_IT} "
    r"(?:usually |normally |typically |generally |still )?live\b",
    r"\bhow (?:many|much) (?:years|time) (?:do|have|would|will|might) i (?:have|got)\b",
    r"\b(?:my|what is the|what s the) life expectancy\b",
    rf"\blife expectancy (?:with|of|for) (?:me|{_IT})\b",
    # "does ms shorten your life" was offered Impact on Daily Life (session 35).
    rf"\b(?:does|will|can|could) {_IT} (?:shorten|reduce) (?:my |your |his |her |their |"
    r"people s |a person s |one s )?(?:life|life expectancy|lifespan|life span)\b",
    r"\bwhat is my (?:prognosis|outlook|future)\b",
    rf"\bwhat is the (?:prognosis|outlook) (?:for me|with {_IT}|for {_IT})\b",
    r"\bwhat (?:will|is going to) happen to me\b",
    # will it get worse, is it progressive, will i get worse
    rf"\b{_WILL} {_IT} {_GOING}(?:get|getting|gets|become) (?:any |much |a lot )?worse\b",
    rf"\b{_WILL} {_IT} {_GOING}(?:worsen|deteriorate|progress)\b",
    rf"\b(?:will|am) i {_GOING}(?:get|getting) (?:any |much )?worse\b",
    # "does ms get worse", "does mg get worse" were read the FAQ on when
    # spasms need a doctor in full (session 45, typed): the same fear as
    # "will it get worse", asked in the present. Only a condition named and
    # the whole line: "does it get worse at night", "do spasms get worse in
    # the heat" ask about symptoms.
    rf"^(?:(?:so|and|but|tell me) )*(?:does|do|can|could) (?:{NAMED}|mg|my (?:ms|als|mg|"
    r"condition)|these conditions|neuromuscular (?:disorders|diseases|conditions)) "
    r"(?:always |usually |normally |eventually |ever |just |only |keep )?(?:get|gets|getting|"
    r"go on getting|keep getting) (?:any |much |progressively )?worse"
    r"(?: over time| with time| with age| over the years| as (?:you|i|we|people) get older)?$",
    rf"^(?:(?:so|and|but|tell me) )*(?:does|do) (?:{NAMED}|mg|my (?:ms|als|mg|condition)) "
    r"(?:always |usually |normally |eventually |ever )?(?:progress|worsen|deteriorate)"
    r"(?: over time| with time| with age| over the years)?$",
    # "how bad will it get" met the plain "I don't have an answer" (session
    # 44, `voice ask`): the same fear as "will it get worse".
    rf"\bhow bad (?:will|would|could|might|can|is) {_IT} {_GOING}(?:going to |gonna )?get\b",
    rf"\bhow bad (?:will|would|could|might|can) (?:i|we) {_GOING}get\b",
    rf"\b(?:is|are) {_IT} (?:always )?(?:progressive|degenerative)\b",
    # "how fast does als progress" was offered the breakthroughs FAQ (session 35).
    rf"\bhow (?:fast|quickly) (?:will|does|do|is|are) (?:{_IT}|his ms|his als|her ms|her als) "
    r"(?:progress|get worse|going to progress|going to get worse|usually progress|spread|"
    r"develop)\b",
    # Said in the everyday words (session 10: "what does the future hold"
    # declined, "am I going to be okay" taken for a reply to an offer):
    # the future as a whole, or being all right. Ending there: "will I be
    # okay to drive" asks about driving.
    r"\bwhat does (?:the|my) future (?:hold|look like)(?: for (?:me|us))?$",
    r"\bwhat (?:is|will) (?:my|our) future (?:be|be like|look like|hold)?$",
    r"\bwhat (?:kind of|sort of) (?:a )?future (?:do|will|can) (?:i|we) (?:have|expect)\b",
    rf"\b(?:will|am|are) (?:i|we) {_GOING}(?:be|going to be) (?:ok|okay|alright|all right|fine)"
    r"(?: in the end| later| long term)?$",
    r"\b(?:is|will) (?:it|everything) (?:going to |gonna )?be (?:ok|okay|alright|all right|fine)"
    r" for me$",
    r"\bwhat (?:will|is going to) happen (?:to me )?(?:next|in the future|later on|from now on)$",
]))
#: Session 34 (`voice ask`): "my son was just diagnosed with als what should
#: we expect" was offered the hereditary FAQ; "what should I expect"
#: declined. The future, with nothing else named: "what should I expect
#: from physio" asks about physio. Not a carer's ("i look after my nan who
#: has ms what should i expect": the caring entry first, typed34).
_EXPECT = re.compile(
    rf"\bwhat (?:should|can|do|will|might|must) (?:i|we|he|she|they) (?:now |really )?expect"
    rf"(?: now| next| from now on| in the future| later on| later| long term| from {_IT})?$"
    rf"|^(?:so |and |then )?what to expect(?: now| next| from now on| from {_IT})?$")
_CARING = re.compile(r"\b(?:look after|looking after|care for|caring for|carer|caregiver)\b")

#: Can it be caught or given to someone ("is it contagious", "can I catch
#: it from my wife"): the content does not say, so it was declined with "I
#: don't have an answer" (session 10). Not the ways of asking whether it is
#: passed down in families ("can my children get it", "can I pass it to my
#: children"): the hereditary entry answers those, so "get" and "pass" are
#: not taken, nor "give" to one's children.
_NAMED = (rf"(?:mg|{NAMED}|(?:a )?neuromuscular (?:disorder|disease|condition)|spasms|"
          r"chronic spasms)")
#: The line starts with the question, or says first that the speaker (or
#: someone they look after) has one of the conditions: "is it contagious"
#: after another illness is named ("what is shingles and is it contagious",
#: tests/data) asks about that one.
_LEAD = (r"^(?:(?:so|and|but|um|er|tell me|please tell me|can you tell me|i want to know|"
         r"i wonder|i was wondering|i need to know) )*"
         rf"(?:(?:i|he|she|my \w+) (?:have|has|has got|have got|was diagnosed with|"
         rf"has been diagnosed with|have been diagnosed with|lives with|is living with) "
         rf"{_NAMED} (?:and |so )?)?")
_CONTAGION = re.compile("|".join([
    rf"{_LEAD}(?:is|are) {_IT} (?:very |highly |at all )?(?:contagious|infectious|catching|catchy|"
    r"transmissible|communicable|an infection|spread by touch)\b",
    rf"{_LEAD}(?:can|could|will|would|might|do|does|did) (?:i|you|we|he|she|they|people|someone|"
    r"anyone|others|other people|my (?:\w+ )?\w+) (?:ever )?(?:catch|caught) "
    rf"(?:{_NAMED}\b|"
    r"(?:it|this|that)(?: from (?:my \w+|him|her|them|me|you|someone|anyone|people|others|"
    r"other people))?$)",
    rf"{_LEAD}(?:can|could|will|would|might) (?:i|he|she|we) (?:give|spread|transmit) (?:it|this|"
    r"ms|als|mg|multiple sclerosis|myasthenia(?: gravis)?) to (?:my (?:husband|wife|partner|"
    r"carer|caregiver|friend|friends|family)|him|her|others|other people|anyone|someone|people)\b",
    rf"{_LEAD}how (?:is|does) {_IT} (?:get )?(?:spread|transmitted|passed from person to person)\b",
]))

_MOBILITY = re.compile("|".join([
    rf"\b(?:will|am|would) i {_GOING}(?:end up|be|need|have to use|have to be|be stuck|"
    r"finish up) (?:in |using |needing |to use )?(?:a )?wheel ?chair\b",
    rf"\b(?:will|am) i {_GOING}(?:lose|losing) (?:the ability to walk|my legs|my mobility|"
    r"the use of my legs)\b",
    rf"\bwill i {_GOING}(?:be able to )?walk again\b",
    rf"\bwill i {_GOING}(?:stop|not be able to) walk(?:ing)?\b",
    rf"\b(?:will|am) i {_GOING}(?:be )?(?:paralysed|paralyzed|bedridden|bed bound)\b",
]))


#: What one's life will be like ("what will my life be like?"): answered, in
#: full, with Impact on Daily Life (score 92.3; session 10, `voice text`),
#: which cannot tell one person their life; met like a fear for the future,
#: that entry offered first (kind_offers.py ``WORRY_OFFERS["life"]``). The
#: present ("what is it like living with this", an "Also asked" line) and
#: "how will my life change" (another) are matched as before.
_LIFE = re.compile("|".join([
    r"\bwhat (?:will|would|is|s) (?:my|our) (?:life|lives|day to day life|"
    r"daily life|everyday life|future life) (?:be |going to be |gonna be )?like\b",
    r"\bwhat (?:will|would|is) life (?:be |going to be |gonna be )?like for (?:me|us)\b",
    r"\bwhat (?:will|is going to) (?:my|our) life look like\b",
    r"\bwhat (?:kind|sort) of (?:a )?life (?:will|can|would) (?:i|we) (?:have|expect|lead)\b",
    r"\b(?:will|can|could) (?:i|we) (?:still )?(?:have|live|lead) a (?:normal|good|full|"
    r"happy) life\b(?! expectancy)",
]))


#: Hope for oneself, or none left ("is there no more hope", "is there hope
#: for me"): read the breakthroughs FAQ in full as if it had been asked for
#: (session 33's note, `voice ask`); a kind word first, then it is offered.
#: "Is there any hope", the content's own line, is matched as before
#: (questions.worry skips the content's questions).
_HOPE = re.compile(
    # None left, or for someone: "is there no more hope", "is there any hope
    # left", "is there still hope for my son"; not "is there hope".
    r"^(?:(?:so|and|but|then|tell me) )*is there (?:still |really |even )?"
    r"(?:(?:no|no more|not any|not much) hope(?: left| anymore| any more| at all)?"
    r"(?: for (?:me|us|him|her|my \w+))?"
    r"|(?:any |any more |any real |much |still any )?hope (?:left|anymore|any more)"
    r"(?: for (?:me|us|him|her|my \w+))?"
    r"|(?:any |any more |any real |much |still any )?hope for (?:me|us|him|her|my \w+))$"
    r"|^(?:there is|there s|i have|i ve got|i see) (?:no|no more) hope(?: left)?(?: for me)?$")


#: A parent or relative asking whether someone's condition is their fault:
#: "my sons got ms, is it my fault" was offered Causes and Risk Factors bare
#: (session 46, typed). Causes says what these conditions come from and the
#: hereditary FAQ what runs in families; neither speaks of blame, so the
#: kind word comes first. Only with someone else's condition said: "is it
#: my fault", "did i do something to cause this" of one's own are Causes'
#: own lines.
_BLAME = re.compile(
    r"\b(?:is it|is this|was it|it s|it is|is that|was that) (?:all |really )?(?:my|our) fault\b"
    r"|\b(?:am i|are we) (?:to blame|responsible|the reason|the cause)\b"
    r"|\b(?:did|could|have|has|might) (?:i|we) (?:\w+ )?(?:caused?|done something to cause|do "
    r"something to cause|do something wrong|done something wrong|given (?:him|her|them) it|give "
    r"(?:him|her|them) it)\b"
    r"|\b(?:because of me|my fault|our fault|blame myself|blame ourselves)\b")
_SOMEONES = re.compile(
    rf"\b(?:my|our) (?:{RELATIVE}|baby|child|kid|boy|girl|little one)s?(?: s)? (?:has|have|has got|"
    rf"got|s got|was diagnosed|has been diagnosed|is diagnosed|is living|lives|s)\b"
    r"|\b(?:he|she|they) (?:has|have|has got|got|s got|was diagnosed|has been diagnosed)"
    rf" (?:{NAMED}|mg|it)\b")

#: Someone else's future, not the speaker's: a relative, "he", "she".
_OTHER = re.compile(
    rf"\b(?:he|he s|she|she s|him|his|her|they|them|their|my (?:{RELATIVE}|baby))\b")
_SELF = re.compile(r"\b(?:i|i m|i am|me|myself)\b")


@dataclass(frozen=True)
class Worry:
    """A fear the line voices about the speaker's own future."""

    kind: Kind
    """outlook (dying, life expectancy, getting worse, being all right),
    mobility (a wheelchair, walking), contagion (catching it, giving it
    to someone), life (what one's life will be like) or hope (is there any
    left for me)."""
    of_other: bool = False
    """About someone else's future ("is there still hope for my son"), not
    the speaker's own."""


def worry_of(text: str) -> Worry | None:
    """The fear ``text`` voices about the speaker's future, or None."""
    cleaned = clean(text)
    found = _worry_kind(cleaned)
    if found is None:
        return None
    return Worry(found.kind, of_other=bool(_OTHER.search(cleaned)) and not _SELF.search(cleaned))


def _worry_kind(cleaned: str) -> Worry | None:
    if _BLAME.search(cleaned) and _SOMEONES.search(cleaned):
        return Worry("blame")
    if _CONTAGION.search(cleaned):
        return Worry("contagion")
    if _MOBILITY.search(cleaned):
        return Worry("mobility")
    if _OUTLOOK.search(cleaned) or (_EXPECT.search(cleaned) and not _CARING.search(cleaned)):
        return Worry("outlook")
    if _LIFE.search(cleaned):
        return Worry("life")
    if _HOPE.search(cleaned.rstrip(" ?.!")):
        return Worry("hope")
    return None
