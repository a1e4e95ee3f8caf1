"""The list of topics, read a few at a time with their numbers, and the
examples named by "help"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from voice.conversation import phrases, replies
from voice.conversation.reply import Reply

#: Topics named per part when listing them, so a part stays short to hear;
#: the first version's choice (8c68b79), not measured.
TOPICS_PER_PART = 6


if TYPE_CHECKING:
    from voice.conversation.conversation import Conversation


def topics(talk: Conversation, text: str, outcome: str = "command", prefix: str = "",
           first: int = 0) -> Reply:
    """The list of topics with their numbers, a few at a time ("go on" for
    more), from the ``first`` (0: all; the FAQ's first for "read the FAQ").
    The numbers stay those of the whole list, so "number 20" is the same
    topic however it was listed."""
    s = talk.state
    titles = [e.title for e in talk.kb.entries]
    starts = range(first, len(titles), TOPICS_PER_PART)
    spoken = [phrases.topic_list(titles[i : i + TOPICS_PER_PART], i + 1) for i in starts]
    spoken[-1] = f"{spoken[-1]} {phrases.CHOOSE_BY_NUMBER}"
    s.pending_parts, s.pending_entry = spoken[1:], None
    s.stopped_parts = []
    s.pending_prompt = phrases.MORE_TOPICS
    s.offered = []
    s.numbered = True
    say = f"{prefix} {phrases.TOPICS_INTRO} {spoken[0]}".strip()
    if s.pending_parts:
        say = f"{say} {phrases.MORE_TOPICS}"
    return replies.reply(
        talk, text, "no_match" if outcome == "no_match" else "command", say,
        command=None if outcome == "no_match" else "topics", more=bool(s.pending_parts),
    )


def examples(talk: Conversation) -> list[str]:
    """Two titles to name as examples of what to ask (FAQs first)."""
    return [e.title for e in talk.kb.entries if e.kind == "faq"][:2] or [
        e.title for e in talk.kb.entries[:2]
    ]


def first_faq(talk: Conversation) -> int | None:
    """The list's index of the first FAQ entry, or None when the content has
    none."""
    return next((i for i, e in enumerate(talk.kb.entries) if e.kind == "faq"), None)
