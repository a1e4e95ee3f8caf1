"""What each voice command does ("repeat", "slower", "stop", "go back",
"help", "list topics", "go to sleep", ...); found by commands.find_command."""

from __future__ import annotations

from typing import TYPE_CHECKING

from voice.conversation import listing, phrases, replies, speaking, yes_no
from voice.conversation.reply import Reply
from voice.matching.normalize import clean

if TYPE_CHECKING:
    from voice.conversation.conversation import Conversation

#: Words that make "help" a person's call for help ("I need help", "help
#: me", "please help") rather than a question about using the assistant.
_CALL_WORDS = frozenset({"need", "me", "please", "now", "somebody", "someone", "get"})


def asks_for_help(text: str) -> bool:
    """``text`` calls for help ("I need help", "HELP!!!"), not how to use me."""
    words = clean(text).split()
    # Also "help!" / "HELP!!!": cried, not asked (Whisper writes a shouted
    # "help" with "!"); "HELP!!!" typed got only the list of commands (found
    # using `voice text`, tests/test_robust22_help_cry.py).
    return "help" in words and (bool(set(words) & _CALL_WORDS) or "!" in text)


def run_command(talk: Conversation, text: str, command: str) -> Reply:
    """What ``command`` (commands.find_command) does, said."""
    s = talk.state
    if command == "repeat":
        say = s.last_say or phrases.NOTHING_TO_REPEAT
        return replies.reply(talk, text, "command", say, command=command, stop_speaking=True)
    if command == "restart":
        return restart(talk, text)
    if command in ("again_slower", "again_louder"):
        speaking.change(talk, text, "slower" if command == "again_slower" else "louder")
        say = s.last_say or phrases.NOTHING_TO_REPEAT
        return replies.reply(talk, text, "command", say, command=command, stop_speaking=True)
    if command in speaking.SPEAKING_COMMANDS:
        return speaking.change(talk, text, command)
    if command == "stop":
        replies.set_aside(talk)
        return replies.reply(
            talk, text, "command", phrases.STOPPED, command=command, stop_speaking=True,
            remember=False,
        )
    if command == "pause":
        replies.set_aside(talk)
        say = phrases.PAUSED_WITH_MORE if s.stopped_parts else phrases.PAUSED
        return replies.reply(talk, text, "command", say, command=command, stop_speaking=True,
                             remember=False)
    if command == "privacy":
        return replies.reply(talk, text, "command", phrases.PRIVACY, command=command,
                             stop_speaking=True)
    if command in ("yes", "second", "more"):
        return yes_no.yes(talk, text, command)
    if command == "forget":
        if not len(talk.phrasings):
            return replies.reply(talk, text, "command", phrases.NOTHING_LEARNED, command=command)
        s.confirm_forget = True
        return replies.reply(talk, text, "command", phrases.confirm_forget(len(talk.phrasings)),
                             command=command)
    if command in ("no", "wrong"):
        return yes_no.no_or_wrong(talk, text, command)
    if command == "help":
        say = phrases.help_text(listing.examples(talk))
        if asks_for_help(text):
            say = f"{phrases.URGENT_HELP_FIRST} {say}"
        return replies.reply(talk, text, "command", say, command=command, stop_speaking=True)
    if command == "topics":
        # "how many topics are there": the number first (session 25:
        # declined, "you can ask: ..." two titles).
        asked_how_many = clean(text).startswith("how many")
        return listing.topics(talk, text, prefix=phrases.topic_count(len(talk.kb.entries))
                              if asked_how_many else "")
    if command == "back":
        if len(s.history) >= 2:
            s.history.pop()
            previous = s.history.pop()
            return replies.answer(talk, text, previous)
        return replies.reply(talk, text, "command", phrases.NOTHING_BEFORE, command=command)
    if command == "sleep":
        s.asleep = True
        s.pending_parts, s.offered = [], []
        return replies.reply(talk, text, "command", phrases.SLEEP, command=command,
                             stop_speaking=True)
    if command == "wake":
        return replies.reply(talk, text, "command", phrases.ALREADY_AWAKE, command=command)
    if command == "greet":
        return replies.reply(talk, text, "command", phrases.GREETING, command=command)
    if command == "thanks":
        return replies.reply(talk, text, "command", phrases.WELCOME, command=command)
    if command == "exit":
        return replies.reply(talk, text, "command", phrases.EXIT, command="exit", exit=True,
                             stop_speaking=True)
    if command == "about":
        return replies.reply(talk, text, "command", phrases.ABOUT_ME, command=command)
    if command == "source":
        return replies.reply(talk, text, "command", phrases.SOURCE, command=command)
    if command == "never_mind":
        # Let drop: the offer and the "Shall I go on?" with it ("go on"
        # still reads the rest), not counted as a misunderstanding.
        replies.set_aside(talk)
        s.offered, s.second, s.failures = [], None, 0
        return replies.reply(talk, text, "command", phrases.NEVER_MIND, command=command,
                             stop_speaking=True, remember=False)
    if command == "simpler":
        say = phrases.SIMPLER if s.history else phrases.NOTHING_READ_YET
        return replies.reply(talk, text, "command", say, command=command, stop_speaking=True)
    if command == "call":
        return replies.reply(talk, text, "command", phrases.CANNOT_CALL, command=command,
                             stop_speaking=True)
    raise ValueError(f"unhandled command {command}")


def restart(talk: Conversation, text: str) -> Reply:
    """"Start again": what was being read, from its first part."""
    s = talk.state
    if s.pending_entry is None and s.numbered:
        return listing.topics(talk, text)
    if s.history:
        others = s.others
        return replies.answer(talk, text, s.history.pop(), others=others)
    return replies.reply(talk, text, "command", phrases.NOTHING_TO_REPEAT, command="restart")

