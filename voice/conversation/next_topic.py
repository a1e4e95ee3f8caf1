""""Next topic" and "previous topic": the topic after (or before) the one
just read, in the numbered order of "list topics".

A tired user who listens to the article a topic at a time should not have
to hear the list again, or remember a number, to move on. Typed in session
32, "next topic", "go to the next topic" and "previous topic" were met with
"Did you mean: Introduction?", and "the one after that" was declined.
Pure: text in, a command name out; the reply is built from the state.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from voice.conversation import phrases, replies
from voice.conversation.reply import Reply
from voice.matching.normalize import clean

if TYPE_CHECKING:
    from voice.conversation.conversation import Conversation

_LEAD = r"(?:(?:ok|okay|now|right|and|so|please|can we|can you|could you) )*"
_GO = r"(?:(?:go|move|skip|jump|read|read me|give me|tell me|on) (?:on |back |ahead )?(?:to )?)?"
_WHAT = r"(?:topic|section|subject|part of the article|chapter)"
_END = r"(?: please| now| then)?"
_NEXT = re.compile(
    rf"^{_LEAD}(?:let s (?:go|move) (?:on )?to )?{_GO}(?:the )?(?:next|following) {_WHAT}{_END}$"
    rf"|^{_LEAD}{_GO}(?:the )?(?:{_WHAT}|one) after (?:that|this)(?: one)?{_END}$")
_PREVIOUS = re.compile(
    rf"^{_LEAD}{_GO}(?:the )?(?:previous|last|earlier) {_WHAT}{_END}$"
    rf"|^{_LEAD}{_GO}(?:the )?(?:{_WHAT}|one) before (?:that|this)(?: one)?{_END}$"
    rf"|^{_LEAD}(?:go )?back (?:a|one) {_WHAT}{_END}$")

#: The command names this module carries out.
STEP_COMMANDS = frozenset({"next_topic", "previous_topic"})


def asks_to_step(text: str) -> str | None:
    """ "next_topic" or "previous_topic" when ``text`` asks for it."""
    said = clean(text).rstrip(" .!?")
    if _NEXT.fullmatch(said):
        return "next_topic"
    if _PREVIOUS.fullmatch(said):
        return "previous_topic"
    return None


def step(talk: Conversation, text: str, command: str) -> Reply:
    """The topic after or before the last one read, named first, then read
    as a chosen topic is; at either end, or before any, how to go on."""
    s = talk.state
    entries = talk.kb.entries
    ids = [e.id for e in entries]
    if not s.history or s.history[-1].id not in ids:
        return replies.reply(talk, text, "command", phrases.NO_TOPIC_READ, command=command)
    at = ids.index(s.history[-1].id) + (1 if command == "next_topic" else -1)
    if not 0 <= at < len(entries):
        say = phrases.LAST_TOPIC if at >= len(entries) else phrases.FIRST_TOPIC
        return replies.reply(talk, text, "command", say, command=command)
    read = replies.answer(talk, text, entries[at])
    # Named first, so a listener who cannot see the screen knows where
    # they are ("Topic 4, Impact on Daily Life.").
    say = f"{phrases.topic_named(at + 1, entries[at].title)} {read.say}"
    s.last_say = say
    return replace(read, say=say, command=command)
