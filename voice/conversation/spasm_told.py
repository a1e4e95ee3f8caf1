"""A spasm told in everyday words, nothing asked: "my legs lock up at
night", "my muscles knot up", "my toes curl up", "my hand goes into a claw".

Each was declined ("I don't have an answer for that"; session 35, `voice
ask`): the words are not the content's, and the scope helpers found the
same idioms among the in-scope lines the matcher misses (scope40, scope42:
"lock / knot / curl up"). A person who tells this wants to know what it is
and what helps; the content cannot say what it is for them, but says what
spasms are and what helps them. Those entries are offered (kind_offers.py,
``SPASM_TOLD_OFFERS``), never read unasked. Only when the matcher declined
the line (questions.py), and never when another health subject is named,
nor a pet's, nor restless legs (at_night.py's exclusions).
Pure: text (and the matcher, read only) in, True or False out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from voice.conversation.at_night import names_another_subject, not_a_spasm
from voice.matching.normalize import clean

if TYPE_CHECKING:
    from voice.matching.matcher import Matcher

_PART = (r"(?:legs?|arms?|feet|foot|muscles?|hands?|fingers?|toes|calf|calves|thighs?|back|"
         r"neck|jaw|shoulders?|body|whole body)")
#: What a muscle does by itself, in everyday words.
_IDIOM = re.compile(
    rf"\b(?:my|his|her|their|the) (?:\w+ )?{_PART} (?:keep |keeps |always |often |sometimes |"
    r"just |suddenly |will |still |then )*(?:lock|locks|locked|locking|knot|knots|knotted|"
    r"knotting|curl|curls|curled|curling|seize|seizes|seized|seizing|bunch|bunches|bunching|"
    r"tighten|tightens|tightening|clench|clenches|clenching|cramp|cramps|go|goes|went|going|"
    r"pull|pulls|draw|draws) ?(?:up|in|into a (?:claw|fist|ball|knot)|rigid|stiff|hard|"
    r"tight)?\b")
#: A person stiff: "she gets really stiff in the mornings" was declined
#: (session 41, `voice text`, after "my wife has ms"), while "my muscles are
#: stiff in the morning" is offered Recognizing: the person, not a muscle,
#: named. Stiffness is what Physical Therapy and Diagnosis say of spasms.
_STIFF = re.compile(
    r"\b(?:i|i m|he|he s|she|she s|they|they re|(?:my|his|her|their) (?:\w+ )?(?:body|legs?|"
    r"arms?|muscles?)) (?:gets?|got|getting|is|are|am|feels?|felt|goes|went|becomes?|stays?)"
    r"(?: (?:really|very|so|quite|a bit|a lot|all|more|terribly|awfully|always))* "
    r"(?:stiff|stiffer|rigid)\b")
#: The verbs above that say nothing alone: "my legs go" must go somewhere.
_BARE = re.compile(r"\b(?:go|goes|went|going|pull|pulls|draw|draws)$")


def spasm_told(text: str, matcher: Matcher | None = None) -> bool:
    """Whether ``text`` tells of a spasm in everyday words ("my legs lock
    up", "my toes curl up"), naming no other health subject."""
    cleaned = clean(text).rstrip(" ?.!")
    idiom = _IDIOM.search(cleaned)
    if idiom is not None and _BARE.search(idiom.group(0).rstrip()):
        idiom = None
    if idiom is None:
        idiom = _STIFF.search(cleaned)
    # Only the everyday words: the content's own ("spasms", "cramps") the
    # matcher weighs, and declines for a reason ("stomach cramps", "can
    # arteries spasm": MeQSum's tuning half).
    return bool(idiom is not None and not not_a_spasm(cleaned)
                and not names_another_subject(cleaned, matcher))


def stiffness_told(text: str) -> bool:
    """Whether what ``text`` tells is stiffness ("she gets really stiff"),
    not a muscle locking or curling up: said back in its own words."""
    cleaned = clean(text).rstrip(" ?.!")
    return _IDIOM.search(cleaned) is None and _STIFF.search(cleaned) is not None
