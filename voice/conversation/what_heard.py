""""What did I ask?", "what did you hear?": the last question as it was
heard, and what it was met with, with the way forward.

Session 26 (`voice text`): each was declined as off the subject. A user who
cannot see a screen has no other way to learn that the recognizer misheard
("what is baclofen" heard as "what is back loafing") or which entry was
read for their words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from voice.conversation import phrases, replies
from voice.conversation.reply import Reply
from voice.matching.normalize import clean

if TYPE_CHECKING:
    from voice.conversation.conversation import Conversation

#: A whole line (cleaned) asking what was heard or asked.
_ASKS = re.compile(
    r"(?:sorry |please |so |wait )?(?:"
    r"what (?:did|do) (?:i|you think i) (?:just )?(?:ask|asked|say|said)"
    r"(?: (?:you|again|before|last))?"
    r"|what (?:was|is) (?:my|the) (?:last )?question(?: (?:again|i asked))?"
    r"|what did you (?:just )?(?:hear|understand|get|think i said)(?: me say)?"
    r"|what question did you (?:hear|answer)"
    r"|what did you hear me (?:say|ask)"
    # Lost the thread ("where were we", "what was I asking"): declined as
    # off the subject (session 37, typed); the last question and how it was
    # met tell them.
    r"|where (?:were we|was i)(?: again)?"
    r"|what (?:was i|were we) (?:asking|saying|talking|on)(?: about)?(?: again)?"
    r")(?: please)?"
)


def asks_what_was_heard(text: str) -> bool:
    """``text`` asks what the last question was, as heard."""
    return bool(_ASKS.fullmatch(clean(text)))


@dataclass(frozen=True)
class Asked:
    """The last question and how it was met."""

    words: str
    """The words, as heard or typed (joined to a half question before them)."""
    heard: bool
    """Heard by a recognizer (so perhaps misheard), not typed."""
    reply: Reply
    """What it was met with."""


def _met(talk: Conversation, reply: Reply) -> str:
    """How ``reply`` met the question, and what the user can do next."""
    title = reply.match.title if reply.match is not None else ""
    if reply.outcome == "answer" and title:
        return f"I answered it with {title}. If that was wrong, say 'that's wrong'."
    if reply.outcome == "confirm" and title:
        if talk.asks_yes_no:
            return f"I offered you {title}. Please say yes or no."
        if talk.state.history and talk.state.history[-1] is reply.match:
            return f"I offered you {title}, and read it when you said yes."
        return f"I offered you {title}."
    return "I didn't have an answer for it. You can ask it again in other words."


def what_was_heard(talk: Conversation, text: str, command: str) -> Reply:
    """The reply to "what did I ask": the words, then how they were met."""
    asked = talk.state.asked
    if asked is None:
        say = phrases.NOTHING_ASKED_YET
    else:
        words = f"I heard: '{asked.words}'." if asked.heard else f"You asked: '{asked.words}'."
        say = f"{words} {_met(talk, asked.reply)}"
        if asked.heard:
            say = f"{say} If I heard you wrong, please say it again."
    return replies.reply(talk, text, "command", say, command=command, stop_speaking=True)
