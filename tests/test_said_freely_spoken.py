"""Commands in people's own words (voice/conversation/said_freely.py),
spoken: an espeak-ng WAV decoded by the real Whisper tiny.en model (its
short-reply decodes included), read as the app reads a spoken line
(``understood``, then ``find_command``). scripts/spoken_said_freely.py
counts all of tests/test_said_freely.py's phrasings this way."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from voice.audio.clip import AudioClip, read_wav
from voice.content.loader import load_knowledge
from voice.conversation.commands import find_command
from voice.conversation.heard import understood
from voice.matching.matcher import Matcher
from voice.models.manifest import WHISPER_MODEL
from voice.speech_in.whisper import WhisperRecognizer

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from make_spoken_questions import Variant, speak  # noqa: E402


@pytest.fixture(scope="module")
def kb_rec() -> tuple[Matcher, WhisperRecognizer]:
    kb = load_knowledge([str(REPO / "content")])
    return Matcher(kb), WhisperRecognizer(REPO / "models" / WHISPER_MODEL, kb)


@pytest.mark.parametrize(("said", "voice", "command"), [
    # Declined as off the subject before said_freely, typed and spoken alike.
    ("i want you to talk more slowly", "en-us", "slower"),
    ("i can't hear you very well", "en-us", "louder"),
    ("it's too loud for me", "en-us", "quieter"),
    # Whisper writes it "hey i stopped talking".
    ("ai, stop talking", "en", "stop"),
])
def test_a_command_in_other_words_spoken_is_that_command(
        kb_rec: tuple[Matcher, WhisperRecognizer], tmp_path: Path,
        said: str, voice: str, command: str) -> None:
    matcher, rec = kb_rec
    c = read_wav(speak(said, Variant(voice), tmp_path)).resampled(16000)
    z = np.zeros(8000, dtype=np.int16)
    heard = rec.transcribe(AudioClip(np.concatenate([z, c.samples, z]), 16000, 1))
    text, _ = understood(heard, matcher)
    assert find_command(text) == command, (heard.text, text)
