"""A lone "bye" heard is asked about before the assistant sleeps
(voice/conversation/sleep_confirm.py): Whisper tiny.en writes flite slt's
"hi ai" as "bye" (at 0.97), and a greeting put the assistant to sleep,
deaf to all but "wake up". A user who did say bye ends with one "yes", or
with "bye" again; typed, or said at greater length, it sleeps at once."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

from voice.audio.clip import AudioClip, read_wav
from voice.content.loader import load_knowledge
from voice.conversation import Conversation, phrases
from voice.conversation.heard import surely_heard, understood
from voice.models.manifest import WHISPER_MODEL
from voice.speech_in.whisper import WhisperRecognizer

from .conftest import CONTENT

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from make_spoken_questions import Variant, speak  # noqa: E402

needs_flite = pytest.mark.skipif(shutil.which("flite") is None,
                                 reason="flite is not installed (apt-get install flite)")


@pytest.fixture
def talk() -> Conversation:
    return Conversation(load_knowledge([CONTENT]))


def test_a_lone_bye_heard_is_asked_about_and_yes_sleeps(talk: Conversation) -> None:
    asked = talk.respond("bye", heard=True)
    assert asked.say == phrases.CONFIRM_SLEEP and not asked.asleep
    slept = talk.respond("yes", heard=True)
    assert slept.command == "sleep" and slept.asleep and slept.say == phrases.SLEEP


def test_bye_said_twice_sleeps(talk: Conversation) -> None:
    talk.respond("bye", heard=True)
    assert talk.respond("bye", heard=True).asleep


def test_no_keeps_it_listening_and_a_greeting_is_greeted(talk: Conversation) -> None:
    talk.respond("bye", heard=True)
    no = talk.respond("no", heard=True)
    assert no.say == phrases.STILL_LISTENING and not no.asleep
    talk.respond("bye", heard=True)
    hello = talk.respond("hi", heard=True)
    assert hello.say == phrases.GREETING and not hello.asleep


def test_a_question_after_the_asking_is_answered(talk: Conversation) -> None:
    talk.respond("bye", heard=True)
    answer = talk.respond("can these disorders be cured?", heard=True)
    assert answer.outcome == "answer" and not answer.asleep


@pytest.mark.parametrize(("line", "heard"), [
    ("bye", False),  # typed: the keyboard does not mishear
    ("goodbye", True),
    ("bye bye", True),
    ("that's all for today", True),
])
def test_typed_or_longer_goodbyes_sleep_at_once(talk: Conversation, line: str,
                                                heard: bool) -> None:
    reply = talk.respond(line, heard=heard)
    assert reply.command == "sleep" and reply.asleep, line


@needs_flite
def test_hi_ai_spoken_does_not_put_it_to_sleep(tmp_path: Path) -> None:
    kb = load_knowledge([CONTENT])
    rec = WhisperRecognizer(REPO / "models" / WHISPER_MODEL, kb)
    c = read_wav(speak("hi ai", Variant("slt", synth="flite"), tmp_path)).resampled(16000)
    z = np.zeros(8000, dtype=np.int16)
    heard = rec.transcribe(AudioClip(np.concatenate([z, c.samples, z]), 16000, 1))
    talk = Conversation(kb)
    text, doubtful = understood(heard, talk.matcher)
    reply = talk.respond(text, doubtful, heard=True, sure=surely_heard(heard))
    assert not reply.asleep, (heard.text, reply.say)
    # Said again, now heard as a greeting or not, it is never met by silence.
    again = talk.respond("hi", heard=True)
    assert again.say and not again.asleep
