"""How long a pause ends a question, by voice: "give me more time", "you
cut me off" (wait longer) and "don't wait so long" (wait less).

A slow or tired speaker who pauses mid-question was cut off at the
settings' pause (2 s by default), and "you cut me off" or "give me more
time" was declined as off the subject (session 31, `voice text`): the one
way to give them more time was a settings file they may not reach. The
choice is kept with the speech settings (``VoiceSettings.wait``), so it
lasts between runs, and every listening path ends a question on it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from voice.conversation import phrases, replies
from voice.conversation.reply import Reply
from voice.conversation.speaking import towards

if TYPE_CHECKING:
    from voice.conversation.conversation import Conversation

#: Seconds per "wait longer" / "wait less". A whole second is a step a
#: listener notices; from the default 2 s, four steps reach WAIT_MAX.
WAIT_STEP = 1.0
#: Pauses of 3 to 5 s split one spoken question into two or three turns
#: (docs/loose-ends.md, session 23), so the longest reaches past them. Six
#: seconds of quiet after every question is already slow to be answered.
WAIT_MAX = 6.0
#: A 1 s pause ends a question of a fluent speaker; less cuts between words.
WAIT_MIN = 1.0
#: The commands this module carries out.
WAITING_COMMANDS = frozenset({"wait_longer", "wait_less"})


def change(talk: Conversation, text: str, command: str) -> Reply:
    """One of WAITING_COMMANDS carried out, and said so."""
    if command not in WAITING_COMMANDS:
        raise ValueError(f"not a waiting command: {command}")
    s = talk.state
    step = WAIT_STEP if command == "wait_longer" else -WAIT_STEP
    wait = round(towards(s.settings.wait, step, WAIT_MIN, WAIT_MAX), 1)
    changed = wait != s.settings.wait
    s.settings = replace(s.settings, wait=wait)
    say = phrases.wait_changed(command, changed, wait)
    return replies.reply(talk, text, "command", say, command=command, remember=False)
