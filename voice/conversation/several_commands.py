"""Two or more changes to how it speaks, asked in one line: "speak more
slowly and louder", "that was too fast, say it again", "slow down and give
me more time".

Each part alone is a command (commands.find_command); said together they
were declined as off the subject ("Sorry, I don't have an answer for that
in what I know"), and the third such line read out the whole topic list
(found by typing in session 32). A tired listener asks for what they need
in one breath; making them say it twice, in two turns, is the cost this
removes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from voice.conversation import phrases, replies, speaking, waiting
from voice.conversation.commands import find_command
from voice.conversation.reply import Reply
from voice.conversation.speaking import SPEAKING_COMMANDS
from voice.conversation.waiting import WAITING_COMMANDS

if TYPE_CHECKING:
    from voice.conversation.conversation import Conversation

#: What joins the parts. "and" also joins questions ("what helps spasms
#: and sleep"), which is why every part must be a command on its own.
_JOINS = re.compile(r"\s*(?:[,;]|\band then\b|\band also\b|\band\b|\bthen\b|\bplus\b)\s*")
#: The commands that can be said together: the ones that change how it
#: speaks or waits, and "say it again" after them. Not "stop", "yes" or a
#: topic number: those change what is said, and one at a time is clearer.
COMBINABLE = SPEAKING_COMMANDS | WAITING_COMMANDS | {"repeat"}
#: Pairs that undo each other: "slower and faster" is not understood.
_OPPOSITES = (frozenset({"slower", "faster"}), frozenset({"louder", "quieter"}),
              frozenset({"wait_longer", "wait_less"}))
#: How each change is said after "All right, I'll speak ...".
_HOW = {"slower": "more slowly", "faster": "faster", "louder": "louder",
        "quieter": "more quietly"}


def commands_in(text: str) -> list[str] | None:
    """The commands ``text`` asks for, in order, when it is two or more of
    COMBINABLE and nothing else; otherwise None."""
    parts = [p for p in _JOINS.split(text.lower()) if p.strip(" .!?")]
    if len(parts) < 2:
        return None
    found: list[str] = []
    for part in parts:
        command = find_command(part)
        if command not in COMBINABLE:
            return None
        found.append(command)
    if any(pair <= set(found) for pair in _OPPOSITES) or set(found) == {"repeat"}:
        return None
    return found


#: How each of two opposites is asked for, in the reply that asks which:
#: "slower and faster" was declined as off the subject (session 33, typed).
_SAY = {"slower": "slower", "faster": "faster", "louder": "louder", "quieter": "quieter",
        "wait_longer": "give me more time", "wait_less": "answer sooner"}


def opposites_in(text: str) -> tuple[str, str] | None:
    """The first two commands of ``text`` that undo each other ("slower and
    faster"), when every part is a command of COMBINABLE; otherwise None."""
    parts = [p for p in _JOINS.split(text.lower()) if p.strip(" .!?")]
    if len(parts) < 2:
        return None
    found = [find_command(part) for part in parts]
    if any(command not in COMBINABLE for command in found):
        return None
    for pair in _OPPOSITES:
        if pair <= set(found):
            first, second = sorted(pair, key=lambda c: found.index(c))
            return first, second
    return None


def run_opposites(talk: Conversation, text: str, pair: tuple[str, str]) -> Reply:
    """Nothing changed; which one is wanted asked, each said as it is said."""
    say = (f"I can't do both at once, so I've left it as it was. "
           f"Say '{_SAY[pair[0]]}' or '{_SAY[pair[1]]}'.")
    return replies.reply(talk, text, "command", say, command="opposites", remember=False)


def run(talk: Conversation, text: str, found: list[str]) -> Reply:
    """Every change in ``found`` carried out, said in one reply; with
    "say it again" among them, the last thing said again instead, as
    "again, slower" does."""
    s = talk.state
    how: list[str] = []
    others: list[str] = []
    waits: list[str] = []
    for command in found:
        if command in SPEAKING_COMMANDS:
            before = s.settings
            said = speaking.change(talk, text, command).say
            if s.settings != before and command in _HOW:
                how.append(_HOW[command])
            else:
                # At a limit, or back to the usual: said as it is.
                others.append(said)
        elif command in WAITING_COMMANDS:
            waits.append(waiting.change(talk, text, command).say)
    name = "+".join(found)
    if "repeat" in found:
        say = s.last_say or phrases.NOTHING_TO_REPEAT
        return replies.reply(talk, text, "command", say, command=name, stop_speaking=True)
    return replies.reply(talk, text, "command", phrases.several_changed(how, others, waits),
                         command=name, remember=False)
