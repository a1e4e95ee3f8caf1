"""Building replies: every turn's Reply, an entry read in parts, and what
"yes" to an offer teaches (the words become the user's own way of asking)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from voice.content.model import Entry
from voice.conversation import phrases
from voice.conversation.personal import Phrasing
from voice.conversation.reply import Reply
from voice.conversation.speech_parts import parts
from voice.matching.matcher import MatchResult

if TYPE_CHECKING:
    from voice.conversation.conversation import Conversation

#: Lowest score of the runner-up worth offering after "that's wrong". Chosen
#: with the feature (9798ecf), not measured: the tuning halves have too few
#: wrong answers to choose it (typed 0, spoken tuning 2 of 484 clips:
#: docs/benchmarks.md "Constants and their measurements").
OTHER_FLOOR = 25.0


def learn(talk: Conversation, chosen: Entry) -> str | None:
    """The words of the offer the user just confirmed become theirs for ``chosen``."""
    words, talk.state.offer_words = talk.state.offer_words, ""
    if words and talk.phrasings.learn(words, chosen.id):
        return "added"
    return None


def answer(talk: Conversation, text: str, entry: Entry, result: MatchResult | None = None,
           others: list[Entry] | None = None, phrasing: Phrasing | None = None,
           learned: str | None = None) -> Reply:
    """``entry`` read: its first part (the disclaimer first, once), the rest
    kept for "go on"; its runner-up kept for "that's wrong"."""
    s = talk.state
    # Chosen from an offer of two or more: "the other one" may follow.
    s.chosen_among = list(s.offered) if len(s.offered) > 1 and entry in s.offered else []
    s.offered = []
    s.offer_words, s.answer_words = "", ""
    s.answered_phrasing = phrasing
    s.read_for = ""
    if others is None and result is not None:
        others = [c.entry for c in result.candidates[1:] if c.score >= OTHER_FLOOR]
    # One runner-up: after a wrong answer, a second guess at most.
    s.others = (others or [])[:1]
    s.failures = 0
    s.history.append(entry)
    s.second = None
    chunks = parts(entry.answer) if talk.paged else [entry.answer]
    s.pending_parts, s.pending_entry = chunks[1:], entry
    s.stopped_parts = []
    s.pending_prompt = phrases.GO_ON
    say = chunks[0] if chunks else entry.answer
    if not s.disclaimer_given:
        say = f"{phrases.DISCLAIMER} {say}"
        s.disclaimer_given = True
    if s.pending_parts:
        say = f"{say} {phrases.GO_ON}"
    return reply(
        talk, text, "answer", say, match=entry, answer=entry.answer,
        score=result.score if result else 100.0,
        alternatives=result.candidates[1:] if result else [],
        more=bool(s.pending_parts), stop_speaking=True,
        learned="used" if phrasing is not None else learned,
    )


def set_aside(talk: Conversation) -> None:
    """Stopped: the unread parts are kept for a later "go on"."""
    s = talk.state
    if s.pending_parts:
        s.stopped_parts = s.pending_parts
    s.pending_parts = []


def reply(talk: Conversation, text: str, outcome: str, say: str, *, remember: bool = True,
          **fields: object) -> Reply:
    """The Reply, with the settings and sleep in force; ``say`` kept for
    "repeat" unless ``remember`` is False."""
    if remember and say and say not in phrases.NOT_REPEATED:
        talk.state.last_say = say
    reply = Reply(
        input=text, outcome=outcome, say=say,  # type: ignore[arg-type]
        settings=talk.state.settings, asleep=talk.state.asleep, **fields,  # type: ignore[arg-type]
    )
    return reply

