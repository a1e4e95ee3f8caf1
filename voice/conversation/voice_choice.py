"""Another voice, asked by voice: "use a different voice", "use a woman's
voice", "use a man's voice" (session 33, typed: each was declined as off
the subject). Rate and volume could be changed by voice, the voice itself
only in the settings file or on the caregiver's page, which a user who
cannot see a screen or reach a keyboard cannot use; one voice may be far
easier for them to follow than another.

espeak-ng's variants change the voice of one language ("en-us+f3"); the
language is kept. The new voice is kept with the rate and volume
(voice-settings.json); "back to normal" returns to the configured one.
Kept out of commands.find_command: its phrasings are also the recognizers'
language-model lines. Pure: text in, a command name or None out.
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

#: The commands this module carries out.
VOICE_COMMANDS = frozenset({"voice_female", "voice_male", "voice_other"})
#: espeak-ng variants, in the order "a different voice" steps through them:
#: the language's own voice, a woman's, a man's. Chosen by name only ("f3"
#: and "m3" are espeak-ng's plain female and male variants); not measured
#: with listeners, as no voice here has been.
FEMALE, MALE = "f3", "m3"
CYCLE = ("", FEMALE, MALE)

_ASK = (r"^(?:(?:can|could|would) you (?:please )?|please |i want you to |i would like you to |"
        # "can I have a male voice" (session 36, `voice text`): declined.
        r"(?:can|could|may) i (?:please )?)?")
_WOMAN = r"(?:woman'?s|woman|female|lady'?s|lady|girl'?s|women'?s)"
_MAN = r"(?:man'?s|man|male|men'?s)"
_KIND = rf"(?:a |an )?(?:{_WOMAN}|{_MAN}|different|other|new|some other)|another"
_VOICE_ASKED = re.compile(
    rf"{_ASK}(?:use|try|speak (?:in|with)|talk (?:in|with)|have|switch to|change to) "
    rf"(?P<kind>{_KIND}) voice(?: (?:please|instead|now))?"
    rf"|{_ASK}(?:change|switch) (?:your|the|to a different) voice(?: please)?"
    r"|(?:i do not like|i can not understand|i cannot understand) (?:your|this|that) voice"
    # "sound like a woman" (session 36): declined.
    rf"|{_ASK}(?:sound|speak|talk) like (?:a |an )?(?P<like>{_WOMAN}|{_MAN})(?: please)?"
    rf"|(?P<bare>{_KIND}) voice(?: please)?"
)


def asks_for_voice(text: str) -> str | None:
    """The voice command ``text`` is as a whole, or None."""
    said = clean(text).rstrip(" .!?")
    found = _VOICE_ASKED.fullmatch(said)
    if found is None:
        return None
    kind = found.group("kind") or found.group("bare") or found.group("like") or ""
    if re.search(rf"\b{_WOMAN}$", kind):
        return "voice_female"
    if re.search(rf"\b{_MAN}$", kind):
        return "voice_male"
    return "voice_other"


def change(talk: Conversation, text: str, command: str) -> Reply:
    """The voice changed and kept, said in the new voice."""
    s = talk.state
    base, _, variant = s.settings.voice.partition("+")
    if command == "voice_female":
        wanted = FEMALE
    elif command == "voice_male":
        wanted = MALE
    else:
        at = CYCLE.index(variant) if variant in CYCLE else 0
        wanted = CYCLE[(at + 1) % len(CYCLE)]
    voice = f"{base}+{wanted}" if wanted else base
    changed = voice != s.settings.voice
    s.settings = replace(s.settings, voice=voice)
    return replies.reply(talk, text, "command", phrases.voice_changed(command, changed),
                         command=command, remember=False)
