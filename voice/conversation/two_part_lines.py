"""Lines that carry two things: told who has the condition, then asked ("my
husband has MS, what can he do for his spasms"), or two questions at once
("... and how are they treated", the second offered after the answer)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from typing import TYPE_CHECKING

from voice.content.model import Entry
from voice.conversation import finding, phrases
from voice.conversation.on_behalf import asked_for
from voice.conversation.reply import Reply
from voice.conversation.second_question import second_question
from voice.matching import teller
from voice.matching.matcher import MatchResult

if TYPE_CHECKING:
    from voice.conversation.conversation import Conversation


def asked_alone(talk: Conversation, text: str, result: MatchResult, doubtful: bool, heard: bool,
                sure: Collection[str]) -> MatchResult:
    """A question told first who has the condition ("my husband has MS,
    what can he do for his spasms"): the question is matched on its own
    (voice/conversation/on_behalf.py). When it finds nothing, the whole
    line's answer is only offered: what it found may be the telling's."""
    rest = asked_for(text)
    if rest is None or (result.outcome == "answer" and teller.cared_for(text) is not None):
        # Told who has it, then asked how to help them ("my mum has been
        # diagnosed with ms, how do i support her"): the whole line asks
        # how to care for them (voice/matching/teller.py); "how do i
        # support her" alone was read Community Support in full.
        return result
    own = finding.match(talk, rest, doubtful, heard, sure)
    if own.outcome == "answer" and heard and result.outcome == "confirm":
        # Spoken, no surer than the whole line: Whisper heard espeak-ng's
        # "my wife has multiple sclerosis, will exercise make her worse"
        # as "... make the worse" at 10 of 20 offsets (offered whole,
        # answered after the telling); its entry is offered first.
        return replace(own, outcome="confirm")
    if own.outcome in ("answer", "confirm") and own.entry is not None:
        return own
    if result.outcome == "answer" and result.entry is not None:
        return replace(result, outcome="confirm")
    return result


def also_asked(talk: Conversation, text: str, entry: Entry, reply: Reply, heard: bool,
               sure: Collection[str]) -> Reply:
    """``reply`` answered one question of a line that asks two: the
    second is matched on its own and, when it surely means another
    entry, offered at the end of the answer (voice/conversation/second_question.py)."""
    split = second_question(text)
    if split is None:
        return reply
    # The second part first; when the whole line was answered with the
    # second part's entry ("what are the early signs and when should
    # someone seek medical attention"), the first part is the unanswered one.
    for part in (split[1], split[0]):
        result = finding.match(talk, part, False, heard, sure)
        # Sure enough to offer: what the matcher would answer or ask "Did
        # you mean" about ("how are spasms treated" is the latter, two
        # close entries). The offer names its title and is read only on
        # "yes", so its first entry is offered, as "Did you mean" would.
        if result.outcome not in ("answer", "confirm") or result.entry is None:
            return reply
        if result.entry.id != entry.id:
            talk.state.second = result.entry
            return reply if talk.state.pending_parts else offer_second(talk, reply)
    return reply


def offer_second(talk: Conversation, reply: Reply, say: str = "") -> Reply:
    """The held second question offered after ``say`` (default: the reply's)."""
    s = talk.state
    entry, s.second = s.second, None
    if entry is None:
        return reply
    s.offered, s.offer_words, s.second_offered = [entry], "", entry
    s.offer_repeats, s.offer_score = 0, 100.0
    s.last_say = f"{say or reply.say} {phrases.also_asked(entry.title)}"
    return replace(reply, say=s.last_say)

