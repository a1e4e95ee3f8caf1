"""What helps spasms at night: "my son has spasms at night, what helps",
"how do I stop my legs jumping at night".

The matcher folds "night" onto sleep (voice/matching/synonyms.py), and the
only entry about sleep is Impact on Daily Life ("disrupted sleep
patterns"), so "my son has spasms at night, what helps" was answered, in
full, with that section: it does not say what helps (session 10, `voice
text`, score 77.3). "How do I stop my legs jumping at night" was declined
("jumping" names another subject to the scope check). The time is when, not
what, is asked about; the content has no entry on spasms at night, so the
entries on what helps spasms are offered (kind_offers.py,
``AT_NIGHT_OFFERS``), never read unasked.

Taken only when the line names a spasm (or legs jumping, kicking, jerking),
the night, and asks what helps or how to stop it. "Restless legs" is a
condition of its own that the content does not cover: not taken. A line
that is one of the content's own questions is matched as before
(questions.py). Nor a line that names another health subject the
content never mentions, as the scope check sees it (health_subjects.py,
given the matcher; branch scope20): "what helps cramp in my calf at night
when pregnant" was offered the spasm entries; it goes through the normal
scope check now (declined: pregnancy is not ours). The spasm words matched
here name no such subject ("legs jumping", "charley horses", "twitches":
checked in tests/test_scope20_matching.py).
Pure: text (and the matcher, read only) in, True or False out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from voice.matching.health_subjects import CARRIED
from voice.matching.normalize import clean

if TYPE_CHECKING:
    from voice.matching.matcher import Matcher

_LIMB = (r"(?:legs?|arms?|feet|foot|muscles?|body|hands?|toes|calf|calves|thighs?|back|"
         r"(?:my|his|her|their) whole body)")
_MOVES = (r"(?:jump|jumps|jumping|jumpy|kick|kicks|kicking|jerk|jerks|jerking|twitch|twitches|"
          r"twitching|jolt|jolts|jolting|spasm|spasms|spasming|cramp|cramps|cramping|"
          r"tighten|tightens|tightening|lock|locks|locking up|seize up|seizes up|go stiff|"
          r"goes stiff|going stiff|"
          # "my legs won't stop shaking" was declined plainly (session 41).
          r"shake|shakes|shaking)")
#: For a limb's spasm told in a whole line (offer_set_aside.py).
LIMB, MOVES = _LIMB, _MOVES
SYMPTOM = re.compile(
    r"\b(?:spasms?|spasming|cramps?|cramping|twitch(?:es|ing)?|jerks?|jerking|spasticity|"
    r"charley horses?)\b"
    rf"|\b{_LIMB} (?:keep |keeps |start |starts |won t stop |will not stop )?{_MOVES}\b"
    rf"|\b(?:jumpy|twitchy|jerky|kicking) {_LIMB}\b"
)
_NIGHT = re.compile(
    r"\b(?:at night|in the night|during the night|overnight|at bedtime|bed time|in bed|"
    r"at nighttime|at night time|every night|all night|at nights|nights|in (?:my|his|her|their) "
    r"sleep|while (?:i|he|she|they|we) (?:sleep|sleeps|am asleep|is asleep|are asleep)|"
    r"when (?:i|he|she|they|we) (?:go|goes) to bed|when (?:i|he|she|they|we) (?:lie|lies) down|"
    r"wake (?:me|him|her|them|us) up|keep (?:me|him|her|them|us) awake|"
    r"keeps (?:me|him|her|them|us) awake)\b"
)
REMEDY = re.compile(
    r"\bwhat (?:helps|help|works|can help|could help|will help|would help|might help|"
    r"can stop|will stop|stops|eases|can ease|is good for|s good for|is best for|s best for)\b"
    r"|\bwhat (?:can|could|should|do) (?:i|we|you|he|she|they) do\b"
    r"|\bhow (?:do|can|could|should|would|might) (?:i|we|you|he|she|they|one) (?:stop|ease|help|"
    r"calm|reduce|prevent|relieve|treat|manage|get rid of|deal with|cope with|settle|control|"
    r"avoid|lessen)\b"
    r"|\bhow to (?:stop|ease|help|calm|reduce|prevent|relieve|treat|manage|get rid of|deal with|"
    r"cope with|settle|control|avoid)\b"
    r"|\b(?:is there|are there) (?:anything|something|a way|ways|any way|tips|remedies|a remedy)\b"
    r"|\b(?:anything|something) (?:for|to help with|to ease) (?:it|that|this|them)\b"
    r"|\bwhat (?:can|could|should) (?:i|we|you|he|she|they) try\b"
    r"|\bany (?:tips|ideas|advice|remedies|suggestions)\b"
    r"|\b(?:tips|remedies|remedy|cure) for\b"
    r"|\bhelp (?:with|for) (?:the |my |his |her |their )?(?:spasms?|cramps?|twitch|jerks?|legs)\b"
    r"|\b(?:can|could) (?:anything|something|you|i|we) (?:help|stop|ease)\b"
)
#: Not spasms: a condition the content does not cover ("restless legs
#: syndrome"); nor a pet's: "my dog twitches in his sleep, is there anything
#: for that" was offered the spasm entries (session 32's note; the pets of
#: off_topic.py, which the matcher weighs against, and their young).
_NOT = re.compile(r"\brestless legs?\b|\brls\b|\bsleep apnoea\b|\bsleep apnea\b"
                  r"|\b(?:dogs?|cats?|pets?|puppy|puppies|kittens?|vet)\b")


def not_a_spasm(cleaned: str) -> bool:
    """Whether cleaned text names what is no spasm of ours: restless legs,
    sleep apnoea, a pet's (``_NOT``)."""
    return bool(_NOT.search(cleaned))


def asks_what_helps_at_night(text: str, matcher: Matcher | None = None) -> bool:
    """Whether ``text`` asks what helps a spasm (or legs jumping) at night,
    and (given ``matcher``) names no other health subject that the content
    never mentions."""
    cleaned = clean(text)
    return bool(SYMPTOM.search(cleaned) and _NIGHT.search(cleaned)
                and REMEDY.search(cleaned) and not _NOT.search(cleaned)
                and not names_another_subject(cleaned, matcher))


def asks_what_helps_a_spasm(text: str, matcher: Matcher | None = None) -> bool:
    """Whether ``text`` asks what helps a spasm said in everyday words ("how
    can I stop my legs jumping", "what helps when my legs kick"), at any
    time, naming no other health subject. Asked of the matcher only when it
    found nothing (questions.matched): declined before (session 34)."""
    cleaned = clean(text)
    return bool(SYMPTOM.search(cleaned) and REMEDY.search(cleaned)
                and not _NOT.search(cleaned) and not names_another_subject(cleaned, matcher))


#: A question asked, not a thing told: "why do my legs jump at night", "can
#: spasms keep me awake" are asked of the content (Impact on Daily Life says
#: spasms disrupt sleep).
_ASKED = re.compile(r"^(?:what|why|how|when|where|who|which|can|could|do|does|did|is|are|"
                    r"will|would|should|shall|may|might|has|have)\b")


def told_at_night(text: str, matcher: Matcher | None = None) -> bool:
    """Whether ``text`` tells of a spasm (or legs jumping) at night and asks
    nothing: "my legs keep jumping at night" was read Impact on Daily Life in
    full ("night" is folded onto sleep; session 45, `voice text`), where "my
    legs keep jumping" was met as a spasm told and "... at night, what
    helps" got what helps spasms offered. Names no other health subject."""
    cleaned = clean(text)
    return bool(SYMPTOM.search(cleaned) and _NIGHT.search(cleaned)
                and not _ASKED.match(cleaned) and "?" not in text
                and not _NOT.search(cleaned) and not names_another_subject(cleaned, matcher))


#: "What about at night?", "and at night?": only the night said, after a
#: question (session 32, typed: after "what helps with spasms", "what about
#: at night" was read Impact on Daily Life in full).
_ONLY_NIGHT = re.compile(r"^(?:(?:and|so|but|ok|okay|then) )*(?:(?:what|how) about )?"
                         r"(?:(?:and )?(?:just |only |especially )?)(?P<night>.+?)$")


def asked_again_at_night(text: str, before: str) -> str | None:
    """The question ``before`` asked again at night, when ``text`` says only
    the night ("what about at night"); None otherwise."""
    found = _ONLY_NIGHT.fullmatch(clean(text).rstrip(" ?.!"))
    if (found is None or not before or _NIGHT.fullmatch(found.group("night")) is None
            or _NIGHT.search(clean(before))):
        return None
    return f"{before.rstrip(' ?.!')} {found.group('night')}"


def names_another_subject(cleaned: str, matcher: Matcher | None) -> bool:
    """Whether ``cleaned`` names a health subject the content never mentions
    (not a part of the body: "my calf"), as the matcher's scope check would
    see it (Matcher.is_ours)."""
    if matcher is None or matcher.scope is None or matcher.scope.subjects is None:
        return False
    return bool({cat for _, cat in matcher.scope.subjects.uncovered(cleaned)} - CARRIED)
