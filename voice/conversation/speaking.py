"""Rate and volume by voice: "slower", "faster", "louder", "quieter", and
back to the usual ("normal speed"), each within the bounds below."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from voice.conversation import phrases, replies
from voice.conversation.reply import Reply

if TYPE_CHECKING:
    from voice.conversation.conversation import Conversation

#: Words a minute per "slower" / "faster": from the default 150, three
#: "slower" reach RATE_MIN and five "faster" RATE_MAX. Chosen in the first
#: version (8c68b79), not measured against listeners.
RATE_STEP = 25
#: espeak-ng speaks no slower than 80: a 12-word sentence took 7.29 s at
#: -s 60 and at -s 80 (espeak-ng -w, then soxi -D). 260 is the first
#: version's choice, not measured.
RATE_MIN, RATE_MAX = 80, 260
#: A step and the quietest a voice command goes: the first version's choice
#: (8c68b79), not measured (no sound card here to hear it on).
VOLUME_STEP = 0.15
VOLUME_MIN, VOLUME_MAX = 0.2, 1.0
#: The commands this module carries out.
SPEAKING_COMMANDS = frozenset({"slower", "faster", "louder", "quieter",
                               "usual_rate", "usual_volume", "usual_voice"})


def towards(value: float, step: float, low: float, high: float) -> float:
    """``value`` moved by ``step``, kept within ``low``..``high``, but never
    moved the other way: the settings file allows a rate of 60-400 and a
    volume of 0.0-1.0, so "slower" at 60 set 80 (faster, while it said "more
    slowly") and "quieter" at 0.1 set 0.2."""
    moved = min(high, max(low, value + step))
    return moved if (moved - value) * step > 0 else value


def change(talk: Conversation, text: str, command: str) -> Reply:
    """One of SPEAKING_COMMANDS carried out, and said so."""
    s = talk.state
    if command in ("slower", "faster"):
        step = -RATE_STEP if command == "slower" else RATE_STEP
        rate = int(towards(s.settings.rate, step, RATE_MIN, RATE_MAX))
        changed = rate != s.settings.rate
        s.settings = replace(s.settings, rate=rate)
        say = phrases.rate_changed(command, changed)
        return replies.reply(talk, text, "command", say, command=command, remember=False)
    if command in ("louder", "quieter"):
        vstep = VOLUME_STEP if command == "louder" else -VOLUME_STEP
        volume = round(towards(s.settings.volume, vstep, VOLUME_MIN, VOLUME_MAX), 2)
        changed = volume != s.settings.volume
        s.settings = replace(s.settings, volume=volume)
        say = phrases.volume_changed(command, changed)
        return replies.reply(talk, text, "command", say, command=command, remember=False)
    if command in ("usual_rate", "usual_volume", "usual_voice"):
        rate = talk.usual.rate if command != "usual_volume" else s.settings.rate
        volume = talk.usual.volume if command != "usual_rate" else s.settings.volume
        # "Back to normal" is the usual voice too, since it can be changed
        # by voice (voice_choice.py, session 33).
        voice = talk.usual.voice if command == "usual_voice" else s.settings.voice
        changed = (rate, volume, voice) != (s.settings.rate, s.settings.volume, s.settings.voice)
        s.settings = replace(s.settings, rate=rate, volume=volume, voice=voice)
        say = phrases.usual_changed(command, changed)
        return replies.reply(talk, text, "command", say, command=command, remember=False)
    raise ValueError(f"not a speaking command: {command}")
