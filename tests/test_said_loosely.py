"""Commands said loosely (voice/conversation/said_loosely.py): a cue word in a
line made only of words a request to the assistant uses. Through the real
find_command and Conversation with the shipped content; the guards count
every labelled line of tests/data (held-out sets counted, never printed)."""

from __future__ import annotations

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation.commands import find_command
from voice.conversation.conversation import Conversation
from voice.conversation.said_loosely import command_of
from voice.matching import Matcher

from .test_said_freely import CLINC_COMMANDS, DATA


@pytest.fixture()
def talk(kb: KnowledgeBase, matcher: Matcher) -> Conversation:
    return Conversation(kb, matcher=matcher)


@pytest.mark.parametrize(("said", "command"), [
    # Each was no command before ("I don't have an answer for that").
    ("olly that's enough, just cancel", "stop"),
    ("would you please shut off", "stop"),
    ("please mute the speakers", "stop"),
    ("don't talk", "stop"),
    ("i want you just stop it", "stop"),
    ("please increase the volume of the speaker", "louder"),
    ("turn up the volume of my speakers", "louder"),
    ("i can't hear you, speak up", "louder"),
    ("the sound is too low", "louder"),
    ("turn down the speakers", "quieter"),
    ("please lower the sound a little", "quieter"),
    ("would you tell me that once again", "repeat"),
    ("please will you say that one more again", "repeat"),
    ("tell me what you just said once again please", "repeat"),
    ("that's wonderful work, thank you", "thanks"),
    ("you've done it right", "thanks"),
    ("thanks for asssistance", "thanks"),
    ("who else commands you", "about"),
    ("who is your employeer", "about"),
    ("what is the ai's name", "about"),
    ("what location did you originate at", "about"),
    ("i need to know how you are doing today", "greet"),
    ("which subjects are you the most experienced with", "topics"),
    ("how do i change your options so that you speak more slowly", "slower"),
    # As a tired user of ours might say them (written by us).
    ("can you read it a bit slower for me", "slower"),
    ("can you slow it down a bit", "slower"),
    ("speed it up please", "faster"),
    ("the volume is too low for me", "louder"),
    ("could you tell me that part one more time", "repeat"),
])
def test_a_command_said_loosely_is_that_command(said: str, command: str) -> None:
    assert find_command(said) == command


@pytest.mark.parametrize("said", [
    # A word outside a command's: a question, left to the matcher.
    "can you speed up my recovery",
    "how old are you when symptoms start",
    "can you repeat what you said about diet",
    "will the spasms come back again",
    "does loud noise make spasms worse",
    # Of the user, not the assistant.
    "why do i speak more slowly",
    "i talk too fast when i am tired",
    "should i stop",
    "can i quit",
    "what should i do",
    "what can i do",
    "what can i do to help",
    "what is it made from",
    "what do you call me",
    "how old do you have to be",
    # A question about the command, not the command.
    "is that enough",
    "is it too loud",
    # Two ways at once, or none: no volume is guessed.
    "turn up/down the sound",
    "put the volume to 4",
    "don't do that again",
])
def test_a_question_or_no_way_is_no_loose_command(said: str) -> None:
    assert command_of(said) is None


def test_cancel_said_loosely_stops(talk: Conversation) -> None:
    reply = talk.respond("olly that's enough, just cancel")
    assert reply.outcome == "command"


def test_more_volume_said_loosely_raises_it(talk: Conversation) -> None:
    before = talk.respond("hello").settings.volume
    talk.respond("quieter")
    lowered = talk.respond("hello").settings.volume
    reply = talk.respond("please increase the volume of the speaker")
    assert reply.outcome == "command"
    assert lowered < before and reply.settings.volume > lowered


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def _labelled(row: list[str]) -> bool:
    return len(row) > 1 and row[1].strip() not in ("", "-", "none")


def test_no_labelled_question_of_the_data_is_taken_loosely() -> None:
    """No question of tests/data's sets with an entry is taken, tuning and
    held-out alike; of the lines without one, only greetings and "what's
    your name" (dev.tsv, tuning.tsv: 3), which get the greeting and "who I
    am" rather than "I don't have an answer for that". Counted, never
    printed one by one."""
    in_scope = 0
    kinds: list[str] = []
    for path in sorted(DATA.glob("*.tsv")):
        if path.name.startswith(("clinc-", "foreign-")):
            continue
        for row in _rows(path.name):
            found = command_of(row[0])
            if found is not None:
                in_scope += _labelled(row)
                kinds.append(found)
    assert in_scope == 0
    assert sorted(kinds) == ["about", "greet", "greet"]


#: NLU-Evaluation-Data's intents that are commands of ours, and the
#: commands that meet each (muting is stopping its speech).
NLU_COMMANDS = {"audio_volume_up": {"louder"}, "audio_volume_down": {"quieter"},
                "audio_volume_mute": {"quieter", "stop"}, "general_repeat": {"repeat", "restart"},
                "general_commandstop": {"stop", "never_mind", "sleep", "exit"},
                "general_praise": {"thanks"}}


def test_nlu_requests_to_the_assistant_get_their_command() -> None:
    """foreign-tuning.tsv (NLU-Evaluation-Data, tuning half): 25 of 172
    such requests met their command before this module, 139 with it; of
    its other requests only two ("thanks, it's amazing") are taken for one."""
    rows = _rows("foreign-tuning.tsv")
    kinds = [(q, NLU_COMMANDS[i]) for q, i in rows if i in NLU_COMMANDS]
    assert len(kinds) == 172
    assert sum(find_command(q) in want for q, want in kinds) >= 135
    loose_other = [q for q, i in rows if i not in NLU_COMMANDS and command_of(q) is not None]
    assert len(loose_other) <= 2


def test_clinc_requests_said_loosely_get_their_command() -> None:
    """CLINC150's tuning half: the command requests met rise from 113 to 145
    of 176, and none of its 1,841 other requests is taken loosely."""
    rows = _rows("clinc-tuning.tsv")
    kinds = [(q, CLINC_COMMANDS[i]) for q, i in rows if i in CLINC_COMMANDS]
    assert len(kinds) == 176
    assert sum(find_command(q) in want for q, want in kinds) >= 140
    assert not [q for q, i in rows if i not in CLINC_COMMANDS and command_of(q) is not None]
