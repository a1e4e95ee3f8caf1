"""What each voice command does ("repeat", "slower", "stop", "go back",
"help", "list topics", "go to sleep", ...); found by commands.find_command."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from voice.conversation import (
    listing,
    next_topic,
    phrases,
    replies,
    small_turns,
    speaking,
    voice_choice,
    waiting,
    what_heard,
    yes_no,
)
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


@dataclass(frozen=True)
class Said:
    """What a command that only says something says."""

    say: str
    stop_speaking: bool = False
    """Silence what is being read first."""
    exit: bool = False
    """The program ends after it ("goodbye")."""


#: The commands that only say something.
SAID = {
    "privacy": Said(phrases.PRIVACY, stop_speaking=True),
    "offline": Said(phrases.OFFLINE, stop_speaking=True),
    "wake": Said(phrases.ALREADY_AWAKE),
    "greet": Said(phrases.GREETING),
    "thanks": Said(phrases.WELCOME),
    "exit": Said(phrases.EXIT, stop_speaking=True, exit=True),
    "about": Said(phrases.ABOUT_ME),
    "source": Said(phrases.SOURCE),
    "call": Said(phrases.CANNOT_CALL, stop_speaking=True),
    "remind": Said(phrases.CANNOT_REMIND, stop_speaking=True),
    "wake_phrase": Said(phrases.WAKE_PHRASE_SET),
    "clock": Said(phrases.CANNOT_TELL_TIME),
    "no_rush": Said(phrases.NO_RUSH),
    "typing_for": Said(phrases.TYPING_FOR),
    "well": Said(phrases.GLAD),
}

#: A command carried out: (conversation, the line, the command) to its reply.
Handler = Callable[["Conversation", str, str], Reply]


def run_command(talk: Conversation, text: str, command: str) -> Reply:
    """What ``command`` (commands.find_command) does, said."""
    said = SAID.get(command)
    if said is not None:
        return replies.reply(talk, text, "command", said.say, command=command,
                             stop_speaking=said.stop_speaking, exit=said.exit)
    handler = HANDLERS.get(command)
    if handler is None:
        raise ValueError(f"unhandled command {command}")
    return handler(talk, text, command)


def repeat(talk: Conversation, text: str, command: str) -> Reply:
    """ "Repeat that": the last thing said again."""
    say = talk.state.last_say or phrases.NOTHING_TO_REPEAT
    return replies.reply(talk, text, "command", say, command=command, stop_speaking=True)


def again_changed(talk: Conversation, text: str, command: str) -> Reply:
    """ "Again, slower" / "again, louder": the change, then the last thing said."""
    speaking.change(talk, text, "slower" if command == "again_slower" else "louder")
    say = talk.state.last_say or phrases.NOTHING_TO_REPEAT
    return replies.reply(talk, text, "command", say, command=command, stop_speaking=True)


def stop(talk: Conversation, text: str, command: str) -> Reply:
    """ "Stop": silence, the unread parts kept for "go on"."""
    replies.set_aside(talk)
    return replies.reply(
        talk, text, "command", phrases.STOPPED, command=command, stop_speaking=True,
        remember=False,
    )


def pause(talk: Conversation, text: str, command: str) -> Reply:
    """ "Pause": as "stop", saying how to go on."""
    replies.set_aside(talk)
    say = phrases.PAUSED_WITH_MORE if talk.state.stopped_parts else phrases.PAUSED
    return replies.reply(talk, text, "command", say, command=command, stop_speaking=True,
                         remember=False)


def forget(talk: Conversation, text: str, command: str) -> Reply:
    """ "Forget what you learned": asked to confirm (dispatch.py hears the answer)."""
    if not len(talk.phrasings):
        return replies.reply(talk, text, "command", phrases.NOTHING_LEARNED, command=command)
    talk.state.confirm_forget = True
    return replies.reply(talk, text, "command", phrases.confirm_forget(len(talk.phrasings)),
                         command=command)


def help_(talk: Conversation, text: str, command: str) -> Reply:
    """ "Help": what can be said, after where to get help when it is a call for it."""
    say = phrases.help_text(listing.examples(talk))
    if asks_for_help(text):
        say = f"{phrases.URGENT_HELP_FIRST} {say}"
    return replies.reply(talk, text, "command", say, command=command, stop_speaking=True)


def topics(talk: Conversation, text: str, command: str) -> Reply:
    """ "List topics" (or "how many topics are there": the number first)."""
    # "how many topics are there": the number first (session 25:
    # declined, "you can ask: ..." two titles).
    asked_how_many = clean(text).startswith("how many")
    return listing.topics(talk, text, prefix=phrases.topic_count(len(talk.kb.entries))
                          if asked_how_many else "")


def faq(talk: Conversation, text: str, command: str) -> Reply:
    """ "Read the FAQ": the list from its first question ("read the faq" was
    declined as off the subject; session 36, `voice text`); the whole list
    when the content has no FAQ."""
    first = listing.first_faq(talk)
    return listing.topics(talk, text, first=first or 0)


def back(talk: Conversation, text: str, command: str) -> Reply:
    """ "Go back": the answer before the last, read again."""
    s = talk.state
    if len(s.history) >= 2:
        s.history.pop()
        previous = s.history.pop()
        return replies.answer(talk, text, previous)
    return replies.reply(talk, text, "command", phrases.NOTHING_BEFORE, command=command)


def sleep(talk: Conversation, text: str, command: str) -> Reply:
    """ "Go to sleep": quiet until "wake up" (or an emergency, or a call for help)."""
    s = talk.state
    s.asleep = True
    s.pending_parts, s.offered = [], []
    return replies.reply(talk, text, "command", phrases.SLEEP, command=command,
                         stop_speaking=True)


def rest(talk: Conversation, text: str, command: str) -> Reply:
    """ "I'm tired, can we stop": said kindly, then quiet as after "go to
    sleep"; the unread parts kept for "go on" once woken."""
    replies.set_aside(talk)
    s = talk.state
    s.asleep = True
    s.offered = []
    return replies.reply(talk, text, "command", phrases.REST, command=command,
                         stop_speaking=True)


def never_mind(talk: Conversation, text: str, command: str) -> Reply:
    """ "Never mind": what was asked is let drop."""
    s = talk.state
    # Let drop: the offer and the "Shall I go on?" with it ("go on"
    # still reads the rest), not counted as a misunderstanding.
    replies.set_aside(talk)
    s.offered, s.second, s.failures = [], None, 0
    return replies.reply(talk, text, "command", phrases.NEVER_MIND, command=command,
                         stop_speaking=True, remember=False)


def simpler(talk: Conversation, text: str, command: str) -> Reply:
    """ "Say it more simply": what it can do instead."""
    say = phrases.SIMPLER if talk.state.history else phrases.NOTHING_READ_YET
    return replies.reply(talk, text, "command", say, command=command, stop_speaking=True)


def shorter(talk: Conversation, text: str, command: str) -> Reply:
    """ "Is there a shorter version?": what it can do instead."""
    say = phrases.SHORTER if talk.state.history else phrases.NOTHING_READ_YET
    return replies.reply(talk, text, "command", say, command=command, stop_speaking=True)


def restart(talk: Conversation, text: str) -> Reply:
    """"Start again": what was being read, from its first part."""
    s = talk.state
    if s.pending_entry is None and s.numbered:
        return listing.topics(talk, text)
    if s.history:
        others = s.others
        return replies.answer(talk, text, s.history.pop(), others=others)
    return replies.reply(talk, text, "command", phrases.NOTHING_TO_REPEAT, command="restart")


#: The other commands, each to what carries it out.
HANDLERS: dict[str, Handler] = {
    "repeat": repeat,
    "restart": lambda talk, text, command: restart(talk, text),
    "again_slower": again_changed,
    "again_louder": again_changed,
    **{name: speaking.change for name in speaking.SPEAKING_COMMANDS},
    **{name: waiting.change for name in waiting.WAITING_COMMANDS},
    "stop": stop,
    "pause": pause,
    "yes": yes_no.yes,
    "second": yes_no.yes,
    "more": yes_no.yes,
    "both": yes_no.both,
    "unsure": yes_no.unsure,
    "forget": forget,
    "no": yes_no.no_or_wrong,
    "wrong": yes_no.no_or_wrong,
    "help": help_,
    "topics": topics,
    "faq": faq,
    "back": back,
    "sleep": sleep,
    "never_mind": never_mind,
    "simpler": simpler,
    "shorter": shorter,
    "rest": rest,
    "praise": small_turns.acknowledged,
    "noted": small_turns.acknowledged,
    "plan": small_turns.acknowledged,
    "what_heard": what_heard.what_was_heard,
    **{name: next_topic.step for name in next_topic.STEP_COMMANDS},
    **{name: voice_choice.change for name in voice_choice.VOICE_COMMANDS},
}
