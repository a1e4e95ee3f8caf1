"""The matcher's "Did you mean ...?" set aside for a kinder offer, when the
line is a fall, asks what helps a spasm, or tells a limb's spasm in a
whole line (session 41: "my legs keep jumping"), and what the matcher
offered says none of those.

Both were met well only when the matcher found nothing (questions.matched:
falls.py, at_night.asks_what_helps_a_spasm). When it found something weak,
its offer went out bare (session 39, `voice ask`):
- "my mum keeps falling" was asked "Did you mean: Are neuromuscular
  disorders hereditary; or: Impact on Daily Life?";
- "how do I stop a cramp" was offered Neuromodulation Treatments or Impact
  on Daily Life, "how do I ease a cramp" the FAQ on seeing a doctor or
  Treatment Approaches: none says what helps a cramp.
A fall now hears when to get help first, then what helps with walking
(as when the matcher found nothing), unless the matcher offered one of
those entries itself ("will using a stick stop me falling", dev.tsv: the
devices entry, kept); a spasm's remedy asked hears the
entries on what helps spasms, unless the matcher's own offer is one of the
entries that say what helps (what_else_helps.HELPS_QUERIES, and exercise):
"what helps my legs jumping" offered Physical Therapy keeps that offer.
And a fall told, or what to do when one happens, whose walking offer is
kept ("I keep falling over", "what should I do if she falls": the devices
FAQ) hears when to get help before that "Did you mean ...?" (session 40,
typed): it went out bare, with nothing said of a fall that may have hurt.
And (session 46, typed) hands told or asked about ("what aids are there
for weak hands" was offered the early-signs FAQ) hear the hands reply, and
someone's dropping things, told ("my dad keeps dropping things": the
hereditary FAQ first, for "dad"), the early-signs FAQ first with its
caution, as weak legs told are (seen_now.py).
Pure: text, the match and the conversation's matcher in, a choice out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from voice.conversation import finding
from voice.conversation.at_night import LIMB, MOVES, asks_what_helps_a_spasm, names_another_subject
from voice.conversation.falls import about_falls
from voice.conversation.hands import dropping_told, hands_task
from voice.conversation.helping_someone import asks_how_to_help
from voice.conversation.kind_offers import (
    FALLS_OFFERS,
    HANDS_OFFERS,
    HELPING_OFFERS,
    SPASM_TOLD_OFFERS,
    WEAKNESS_OFFERS,
)
from voice.conversation.what_else_helps import HELPS_QUERIES
from voice.matching.normalize import clean

if TYPE_CHECKING:
    from voice.conversation.conversation import Conversation
    from voice.matching.matcher import MatchResult

#: Entries that say what helps beyond HELPS_QUERIES': exercise (the shipped
#: content: The Role of Exercise and Rehabilitation).
_ALSO_HELPS = ("what exercise is good for me",)

#: Entries on walking beyond FALLS_OFFERS': the devices FAQ (the matcher's
#: offer for "will using a stick stop me falling", dev.tsv).
_ALSO_WALKING = ("how do assistive devices improve mobility",)

Kinder = Literal["falls", "spasm_helps", "spasm_told", "hands", "dropping", "helping"]

#: Entries on the hands beyond HANDS_OFFERS': the devices entries.
_ALSO_HANDS = ("how do assistive devices improve mobility", "what equipment can help me")

#: A limb's spasm told, the whole line, nothing asked: "my legs keep
#: jumping" was asked "Did you mean: Dietary Adjustments; or: When should
#: someone seek medical attention?" (session 41, `voice text`): "jumping"
#: read as a spasm ties nearly every entry (86.7, 86.5, 86.2), and the
#: first two were the tie's luck. What spasms are and what helps them are
#: offered instead, as when the matcher found nothing (spasm_told.py).
_TOLD_LIMB = re.compile(
    rf"^(?:and |so |but )?(?:my|his|her|their|our) (?:\w+ )?{LIMB} (?:keep |keeps |won t stop |"
    rf"will not stop |always |often |sometimes |just |still |are |is |have been |has been |"
    rf"keep on |keeps on )*{MOVES}(?: (?:at night|all the time|a lot|constantly|all day|every "
    r"night|in bed|again|so much|badly|now))*$")

#: Falls as a thing to prevent or be helped with ahead ("will using a stick
#: stop me falling", "how do I prevent falls"): the offer alone, as asked.
#: Anything else about a fall tells one or asks what to do when it happens.
_AHEAD = re.compile(r"\b(?:prevent\w*|stop (?:me|him|her|them|you|us|myself) (?:from )?"
                    r"falling|avoid\w*|reduce\w*|risk of|fear of|afraid of|scared of|"
                    r"frightened of|worried about|less likely)\b")


def kinder_offer(talk: Conversation, text: str, result: MatchResult) -> Kinder | None:
    """Which kinder offer replaces the matcher's "Did you mean ...?" for
    ``text``, if any: only for an offer (``result.outcome`` "confirm")."""
    if result.outcome != "confirm":
        return None
    if _a_fall(talk, text):
        if not _offers_walking(talk, result):
            return "falls"
        return None
    if asks_what_helps_a_spasm(text, talk.matcher):
        helps = {e.id for e in finding.entries_answering(talk, (*HELPS_QUERIES, *_ALSO_HELPS))}
        if not any(e.id in helps for e in result.offered):
            return "spasm_helps"
    cleaned = clean(text).rstrip(" ?.!")
    if result.offered and not names_another_subject(cleaned, talk.matcher):
        if dropping_told(text):
            early = {e.id for e in finding.entries_answering(talk, WEAKNESS_OFFERS[:1])}
            if result.offered[0].id not in early:
                return "dropping"
        elif asks_how_to_help(text):
            # "what do i say to someone just diagnosed with ms": Diagnosis
            # was offered (session 46, typed); coping speaks of support.
            helping = {e.id for e in finding.entries_answering(talk, HELPING_OFFERS)}
            if result.offered[0].id not in helping:
                return "helping"
        elif hands_task(text) and not about_falls(text):
            hands = {e.id for e in finding.entries_answering(talk, (*HANDS_OFFERS,
                                                                    *_ALSO_HANDS))}
            if result.offered[0].id not in hands:
                return "hands"
    if (_TOLD_LIMB.fullmatch(cleaned) and result.offered
            and not names_another_subject(cleaned, talk.matcher)):
        told = {e.id for e in finding.entries_answering(talk, SPASM_TOLD_OFFERS)}
        if result.offered[0].id not in told:
            return "spasm_told"
    return None


def safety_first(talk: Conversation, text: str, result: MatchResult) -> bool:
    """Whether the matcher's kept offer for ``text`` (a fall told, or what
    to do when one happens) is said after when to get help."""
    return (result.outcome == "confirm" and _a_fall(talk, text)
            and _offers_walking(talk, result) and not _AHEAD.search(clean(text)))


def _a_fall(talk: Conversation, text: str) -> bool:
    return about_falls(text) and not names_another_subject(clean(text), talk.matcher)


def _offers_walking(talk: Conversation, result: MatchResult) -> bool:
    walking = {e.id for e in finding.entries_answering(talk, (*FALLS_OFFERS, *_ALSO_WALKING))}
    return any(e.id in walking for e in result.offered)
