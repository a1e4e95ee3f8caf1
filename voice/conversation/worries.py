"""A fear about one's own future: "will I die from this", "is it fatal",
"how long do I have to live", "will it get worse", "am I going to end up in
a wheelchair".

The content is general health information: it cannot tell one person what
will happen to them, so these were declined flatly ("I don't have an answer
for that") or met with "Did you mean: Assistive Devices?". Said to a
person, they are met with a kind word, that only their doctor or nurse can
talk it through with them, and then the entry that comes nearest is offered,
never read unasked (conversation.py, like a feeling).

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

from voice.matching.normalize import clean

Kind = Literal["outlook", "mobility"]

#: What "it" may be called: the conditions the content is about.
_IT = (r"(?:it|this|that|my (?:condition|illness|disease|diagnosis|ms|als|mg)|the (?:condition|"
       r"illness|disease)|these (?:disorders|conditions)|ms|als|mnd|mg|multiple sclerosis|"
       r"myasthenia(?: gravis)?|motor neuron(?:e)? disease|lou gehrig s disease|"
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
    r"\bhow (?:many|much) (?:years|time) (?:do|have|would|will|might) i (?:have|got)\b",
    r"\b(?:my|what is the|what s the) life expectancy\b",
    rf"\blife expectancy (?:with|of|for) (?:me|{_IT})\b",
    rf"\b(?:does|will|can) {_IT} (?:shorten|reduce) (?:my )?(?:life|life expectancy|lifespan)\b",
    r"\bwhat is my (?:prognosis|outlook|future)\b",
    rf"\bwhat is the (?:prognosis|outlook) (?:for me|with {_IT}|for {_IT})\b",
    r"\bwhat (?:will|is going to) happen to me\b",
    # will it get worse, is it progressive, will i get worse
    rf"\b{_WILL} {_IT} {_GOING}(?:get|getting|gets|become) (?:any |much |a lot )?worse\b",
    rf"\b{_WILL} {_IT} {_GOING}(?:worsen|deteriorate|progress)\b",
    rf"\b(?:will|am) i {_GOING}(?:get|getting) (?:any |much )?worse\b",
    rf"\b(?:is|are) {_IT} (?:always )?(?:progressive|degenerative)\b",
    r"\bhow (?:fast|quickly) (?:will|does|is) (?:it|this|my condition|my ms|my als) "
    r"(?:progress|get worse|going to progress|going to get worse)\b",
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


@dataclass(frozen=True)
class Worry:
    """A fear the line voices about the speaker's own future."""

    kind: Kind
    """outlook (dying, life expectancy, getting worse) or mobility
    (a wheelchair, walking)."""


def worry_of(text: str) -> Worry | None:
    """The fear ``text`` voices about the speaker's future, or None."""
    cleaned = clean(text)
    if _MOBILITY.search(cleaned):
        return Worry("mobility")
    if _OUTLOOK.search(cleaned):
        return Worry("outlook")
    return None
