"""Session 10: speed, volume and "what do I say" in the user's own words.

"you're talking too fast", "that's too quick", "you're too loud", "lower
your voice", "make it louder", "I can't understand you", and a first-time
user's "I don't know what to say" / "what should I ask" were declined as
questions ("I don't have an answer for that in what I know"), the third
such line reading out the topic list; "get help" too. Now the command each
one means. None of the lines of tests/data's sets, nor an "Also asked"
line, is taken by the new phrasings (counted against the lookup without them).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from voice.app import Assistant
from voice.audio.clip import read_wav
from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, commands, phrases
from voice.conversation.commands import find_command
from voice.matching.matcher import Matcher
from voice.speech_in.whisper import WhisperRecognizer

from .conftest import REPO, every_question_line, voice_text_replies

sys.path.insert(0, str(REPO / "scripts"))
from benchmark_audio import pad  # type: ignore[import-not-found, unused-ignore]
from make_spoken_questions import (  # type: ignore[import-not-found, unused-ignore]
    Variant,
    speak,
)

#: The phrasings added in session 10, by command.
ADDED = {
    "slower": ("you are talking too fast", "you are speaking too fast", "you are going too fast",
               "talk more slowly", "that is too fast", "that is too quick", "too quick",
               "speak more clearly", "talk more clearly"),
    "faster": ("you are talking too slowly", "you are speaking too slowly", "that is too slow",
               "talk more quickly"),
    "louder": ("make it louder", "you are too quiet", "that is too quiet", "be louder",
               "i can not hear", "i can hardly hear you", "i can barely hear you"),
    "quieter": ("you are too loud", "that is too loud", "lower your voice", "be quieter",
                "keep your voice down"),
    "again_slower": ("i can not understand you", "i do not understand you",
                     "i could not understand you"),
    "help": ("i do not know what to say", "i do not know what to ask", "what should i ask",
             "what do i say", "what do i ask", "i do not know where to start",
             "what can i talk about", "get help"),
}


@pytest.mark.parametrize(("line", "command"), [
    ("You're talking too fast", "slower"), ("that's too quick", "slower"),
    ("talk more slowly please", "slower"), ("speak more clearly", "slower"),
    ("you're talking too slowly", "faster"),
    ("make it louder", "louder"), ("I can barely hear you", "louder"),
    ("you're too loud", "quieter"), ("lower your voice", "quieter"),
    ("I can't understand you", "again_slower"),
    ("I don't know what to say", "help"), ("what should I ask?", "help"),
    ("um I don't know what to ask", "help"), ("get help", "help"),
])
def test_said_in_their_own_words(line: str, command: str) -> None:
    assert find_command(line) == command


def test_speed_and_volume_move_as_asked(kb: KnowledgeBase, matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    rate, volume = talk.settings.rate, talk.settings.volume
    reply = talk.respond("you're talking too fast")
    assert reply.command == "slower" and talk.settings.rate < rate
    assert reply.say == phrases.rate_changed("slower", True)
    reply = talk.respond("you're too loud")
    assert reply.command == "quieter" and talk.settings.volume < volume


def test_i_cannot_understand_you_repeats_the_answer_slower(kb: KnowledgeBase,
                                                          matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    answer = talk.respond("is there a cure")
    rate = talk.settings.rate
    again = talk.respond("I can't understand you")
    assert again.say == answer.say and talk.settings.rate < rate


def test_a_first_time_user_hears_what_to_ask(kb: KnowledgeBase, matcher: Matcher) -> None:
    hello = Conversation(kb, matcher).respond("hello")
    assert hello.command == "greet" and "say 'help'" in hello.say
    reply = Conversation(kb, matcher).respond("I don't know what to say")
    assert reply.command == "help" and reply.say.startswith("Ask me a question about")
    urgent = Conversation(kb, matcher).respond("get help")
    assert urgent.say.startswith(phrases.URGENT_HELP_FIRST)


def test_no_line_of_the_question_sets_is_taken(monkeypatch: pytest.MonkeyPatch,
                                               kb: KnowledgeBase) -> None:
    """Every line of tests/data (held out too, counted only) and every "Also
    asked" line gets the same command (or none) with and without the
    phrasings added here."""
    lines = every_question_line(kb)
    assert len(lines) > 9000
    now = [(find_command(q), find_command(q, yes_no_asked=True)) for q in lines]
    added = {p for ps in ADDED.values() for p in ps}
    assert added <= set(commands._LOOKUP)
    monkeypatch.setattr(commands, "_LOOKUP",
                        {p: c for p, c in commands._LOOKUP.items() if p not in added})
    monkeypatch.setattr(commands, "_ALL", [p for p in commands._ALL if p not in added])
    before = [(find_command(q), find_command(q, yes_no_asked=True)) for q in lines]
    assert sum(a != b for a, b in zip(now, before, strict=True)) == 0


def test_the_journey_through_voice_text(tmp_path: Path) -> None:
    replies = voice_text_replies(
        ["I don't know what to say", "is there a cure", "you're talking too fast",
         "I can't understand you", "you're too loud"], tmp_path)
    help_, answer, slower, again, quieter = replies
    assert help_["command"] == "help"
    assert slower["command"] == "slower" and slower["rate"] < answer["rate"]
    assert again["say"] == answer["say"] and again["rate"] < slower["rate"]
    assert quieter["command"] == "quieter" and quieter["volume"] < answer["volume"]


@pytest.mark.parametrize(("said", "command"), [
    ("you're talking too fast", "slower"),
    ("make it louder", "louder"),
    ("I don't know what to say", "help"),
])
def test_said_aloud(kb: KnowledgeBase, whisper_tiny: WhisperRecognizer, said: str,
                    command: str) -> None:
    """espeak-ng's voice heard by the real Whisper tiny.en, through the
    assistant's spoken path (Assistant.handle_heard, as `voice listen`)."""
    heard = whisper_tiny.transcribe(pad(read_wav(speak(said, Variant("en-us")))))
    got = Assistant(Conversation(kb), None, out=io.StringIO(),
                    json_lines=True).handle_heard(heard)
    assert got["command"] == command, got
