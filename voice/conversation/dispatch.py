"""One turn, in order: an emergency first (even asleep), then asleep, nothing
said, the answer to "forget what you learned?", a command (unless it is the
rest of a half question), a number, and otherwise a question (joined to the
half question before it)."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace
from typing import TYPE_CHECKING

from voice.conversation import (
    choosing,
    command_replies,
    corrections,
    follow_ups,
    not_understood,
    phrases,
    questions,
    replies,
    several_commands,
    sleep_confirm,
    small_turns,
    yes_no,
)
from voice.conversation.choices import find_choice
from voice.conversation.command_replies import asks_for_help
from voice.conversation.commands import find_command
from voice.conversation.next_topic import asks_to_step
from voice.conversation.reply import Reply
from voice.conversation.resting import wants_to_rest
from voice.conversation.voice_choice import asks_for_voice
from voice.conversation.what_heard import Asked, asks_what_was_heard
from voice.matching.emergency import is_emergency
from voice.matching.emergency_in_general import asked_in_general
from voice.matching.normalize import clean

if TYPE_CHECKING:
    from voice.conversation.conversation import Conversation

#: Commands after "I only heard 'what is the'" that say it again, slower or
#: louder: the half sentence still waits for its rest.
_KEEP_UNFINISHED = frozenset({"repeat", "slower", "louder", "again_slower", "again_louder"})

#: Command words a half question can end with: "what helps with spasms and"
#: + "sleep" is a question about sleep, not "go to sleep".
_ALSO_A_SUBJECT = frozenset({"sleep"})


def _finishes_part(text: str, command: str) -> bool:
    """``text``, said after a half question ("... and"), is its last word,
    though also a command ("sleep")."""
    return command == "sleep" and clean(text) in _ALSO_A_SUBJECT


def respond(talk: Conversation, text: str, doubtful: bool = False, heard: bool = False,
            sure: Collection[str] = (), long_speech: bool = False) -> Reply:
    """The assistant's reply to one utterance or typed line.

    ``doubtful``: the recognizer was unsure of the words, so a question is
    offered ("Did you mean ...?") rather than answered outright.
    ``heard``: the words came from a recognizer, not the keyboard (a word
    no dictionary knows is then a mishearing, see Matcher.match), except
    the words in ``sure``, heard surely (they may name another subject).
    ``long_speech``: a long stretch of speech was heard; when no words
    came of it, asking to "say it again" would bring the same again.
    """
    text = text.strip()
    # "Forget what you learned?" is answered by the very next utterance only.
    forget_asked, talk.state.confirm_forget = talk.state.confirm_forget, False
    # "I only heard 'what is the'" is answered by the very next line too.
    unfinished, talk.state.unfinished = talk.state.unfinished, ""
    # "Did you say goodbye?" (a lone "bye" heard) likewise.
    sleep_asked, talk.state.confirm_sleep = talk.state.confirm_sleep, False
    # A question about the conditions in general with an emergency's words
    # goes on to be answered, the advice said first; never while asleep, nor
    # when the line is a command or a choice (then the advice alone).
    emergency = is_emergency(text)
    in_general = (emergency and not talk.state.asleep and asked_in_general(text)
                  and find_command(text) is None and find_choice(text, zero=True) is None)
    if emergency and not in_general:
        # Before anything else, even asleep: this must never be missed.
        s = talk.state
        s.asleep = False
        # What was asked before is dropped: "yes" after the advice read a
        # diet answer offered before it in full, and "no" was taken for
        # "that's wrong" about the answer before it ("Sorry about that.
        # Did you mean ...?"; found by branch robust22). Unread parts
        # are kept for "go on".
        replies.set_aside(talk)
        s.offered, s.second, s.second_offered, s.others = [], None, None, []
        s.chosen_among = []
        return replies.reply(talk, text, "emergency", phrases.EMERGENCY, stop_speaking=True)
    # "sorry, I meant diet": what was meant is the line (corrections.py).
    text = corrections.meant(text) or text
    asked = forget_asked or sleep_asked or talk.asks_yes_no
    # "Nothing else, thanks" is done for now, not "tell me more" (small_turns.py).
    command = (small_turns.overriding(text) or find_command(text, yes_no_asked=asked)
               if text else None)
    if command is None and text:
        command = _own_command(text, doubtful)
    if (command is None and talk.state.chosen_among and not talk.state.offered
            and yes_no.asks_for_the_other(text)):
        # "And the other?" after "yes" read the first of two offered.
        command = "second"
    if talk.state.asleep:
        if command == "wake":
            talk.state.asleep = False
            return replies.reply(talk, text, "command", phrases.WAKE, command="wake")
        if command == "exit":
            return replies.reply(talk, text, "command", phrases.EXIT, command="exit", exit=True)
        if command == "help" and asks_for_help(text):
            # "I need help" said to a sleeping assistant was met with
            # silence: a call for help wakes it, told where help is first.
            talk.state.asleep = False
            return command_replies.run_command(talk, text, command)
        return replies.reply(talk, text, "command", "", command="asleep", remember=False)
    if not any(c.isalnum() for c in text):
        # Nothing, or only punctuation or emoji ("...", "???"): no words to
        # answer, so not "I don't have an answer for that" either.
        # The half sentence still waits for its rest: a quiet "cope" heard
        # too unsurely to keep (flite, Whisper) is said again.
        talk.state.unfinished = unfinished
        return not_understood.not_understood(talk, text, heard_nothing=True, long=long_speech)
    if forget_asked:
        if command == "yes":
            talk.phrasings.clear()
            return replies.reply(talk, text, "command", phrases.FORGOT_ALL, command="forget",
                                 learned="cleared")
        if command == "no":
            return replies.reply(talk, text, "command", phrases.KEPT_LEARNED, command="no")
    if sleep_asked and command in ("yes", "sleep"):
        return command_replies.sleep(talk, text, "sleep")
    if sleep_asked and command == "no":
        # Not "that's wrong" about the answer before: the offer, if one
        # was pending, still waits for its yes.
        return replies.reply(talk, text, "command", phrases.STILL_LISTENING, command="no")
    if command == "sleep" and not sleep_asked and sleep_confirm.needs_asking(text, heard):
        talk.state.confirm_sleep = True
        return replies.reply(talk, text, "command", phrases.CONFIRM_SLEEP,
                             command="confirm_sleep")
    if command and unfinished and _finishes_part(text, command):
        # "what helps with spasms and" offered, then "sleep": the rest of
        # the question, not "go to sleep" (session 25: a hand that let go
        # of the button at "and" sent the assistant to sleep).
        command = None
    if command:
        if command in _KEEP_UNFINISHED:
            # "What?" or "slower" to "I only heard 'what is the'": it is
            # said again, and the rest said next is still joined to it.
            talk.state.unfinished = unfinished
        return command_replies.run_command(talk, text, command)
    several = several_commands.commands_in(text)
    if several:
        # "Slower and louder" to "I only heard 'what is the'": the half
        # question still waits for its rest, as after "slower" alone.
        talk.state.unfinished = unfinished
        return several_commands.run(talk, text, several)
    opposites = several_commands.opposites_in(text)
    if opposites:
        return several_commands.run_opposites(talk, text, opposites)
    choice = find_choice(text, zero=True)
    if choice is not None:
        return choosing.choose(talk, text, choice)
    if unfinished:
        text = follow_ups.joined(talk, unfinished, text, doubtful, heard, sure)
    # A new question: "the other one" no longer means an older offer's.
    talk.state.chosen_among = []
    reply = questions.question(talk, text, doubtful, heard, sure)
    talk.state.asked = Asked(text, heard, reply)
    if in_general:
        # Where to get help first, in case it is happening now; then the
        # question, answered or offered as any other (emergency_in_general.py).
        reply = replace(reply, say=f"{phrases.IF_HAPPENING_NOW} {reply.say}")
    return reply


def _own_command(text: str, doubtful: bool = False) -> str | None:
    """A command that is a whole sentence, kept out of commands.find_command
    (whose phrasings are the recognizers' too): "I'm tired, can we stop",
    "what did I ask"."""
    if wants_to_rest(text):
        return "rest"
    if asks_what_was_heard(text):
        return "what_heard"
    step = asks_to_step(text)
    if step:
        return step
    voice = asks_for_voice(text)
    if voice:
        return voice
    # "Sorry, what did you say?": an apology before a command (journey29,
    # `voice text`: declined as off the subject, where "what did you say"
    # alone is "repeat").
    if clean(text) in _SAY_AGAIN:
        return "repeat"
    if clean(text).rstrip(" .!") in _SENT_AWAY:
        return "sleep"
    # "Great", "what time is it", "speak up, I'm deaf", "you're useless"
    # (small_turns.py): each was declined as a question off the subject.
    # Not heard unsurely: asked again then, as a question is (the words may
    # not be what was said).
    turn = None if doubtful else small_turns.turn_of(text)
    if turn:
        return turn
    sorry = _SORRY.fullmatch(clean(text))
    if sorry:
        return find_command(sorry.group("rest"))
    return None


#: Asking to hear it again ("Pardon?"): declined as off the subject (journey29).
_SAY_AGAIN = frozenset({"pardon", "pardon me", "come again", "i beg your pardon"})
#: The assistant sent away: "go away" was read the cure FAQ in full (its
#: "will it go away"), "leave me alone" Coping Strategies (session 45,
#: typed). It goes quiet, as on "goodbye". Kept out of the command
#: phrasings, which are PocketSphinx's language model too.
_SENT_AWAY = frozenset({"go away", "go away please", "please go away", "go away now",
                        "just go away", "leave me alone", "please leave me alone",
                        "leave me alone please", "just leave me alone", "leave me be"})
#: An apology said before a command.
_SORRY = re.compile(r"(?:sorry|i am sorry|excuse me|pardon me|pardon) (?P<rest>.+)")

