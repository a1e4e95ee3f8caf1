"""A volume request heard as other words is read from the audio
(voice/conversation/volume_by_audio.py): "lower volume" heard "lower my
wound" / "let me move on", "turn the volume up" heard "turn them all you
mop", "volume up" heard "not all you might" were declined; spoken
(espeak-ng, flite) and decoded by the real Whisper tiny.en model, they are
now the command. Speech that is no volume request stays what it was."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

from voice.audio.clip import AudioClip, read_wav
from voice.content.loader import load_knowledge
from voice.conversation import volume_by_audio
from voice.conversation.commands import find_command
from voice.conversation.heard import understood
from voice.matching.matcher import Matcher
from voice.models.manifest import WHISPER_MODEL
from voice.speech_in.whisper import WhisperRecognizer

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from make_spoken_questions import Variant, speak  # noqa: E402

needs_flite = pytest.mark.skipif(shutil.which("flite") is None,
                                 reason="flite is not installed (apt-get install flite)")


@pytest.fixture(scope="module")
def kb_rec() -> tuple[Matcher, WhisperRecognizer]:
    kb = load_knowledge([str(REPO / "content")])
    return Matcher(kb), WhisperRecognizer(REPO / "models" / WHISPER_MODEL, kb)


def _command(kb_rec: tuple[Matcher, WhisperRecognizer], tmp_path: Path, said: str,
             voice: Variant) -> tuple[str | None, str]:
    matcher, rec = kb_rec
    c = read_wav(speak(said, voice, tmp_path)).resampled(16000)
    z = np.zeros(8000, dtype=np.int16)
    heard = rec.transcribe(AudioClip(np.concatenate([z, c.samples, z]), 16000, 1))
    text, _ = understood(heard, matcher)
    return find_command(text), heard.text


@pytest.mark.parametrize(("said", "voice", "command"), [
    ("lower volume", Variant("en-us"), "quieter"),
    ("lower volume", Variant("en"), "quieter"),
    ("turn the volume up", Variant("en+f3"), "louder"),
    ("volume up please", Variant("en-us"), "louder"),
    pytest.param("turn the volume up", Variant("slt", synth="flite"), "louder",
                 marks=needs_flite),
    pytest.param("volume up", Variant("slt", synth="flite"), "louder", marks=needs_flite),
])
def test_a_volume_request_misheard_is_read_from_the_audio(
        kb_rec: tuple[Matcher, WhisperRecognizer], tmp_path: Path,
        said: str, voice: Variant, command: str) -> None:
    got, heard = _command(kb_rec, tmp_path, said, voice)
    assert got == command, heard


@pytest.mark.parametrize(("said", "voice"), [
    ("hang on a sec", Variant("en+f3")),  # heard "have a good day"
    ("tell me a joke", Variant("en-us")),
    ("how do i get to the train station", Variant("en-us")),
])
def test_other_speech_is_not_made_a_volume_command(
        kb_rec: tuple[Matcher, WhisperRecognizer], tmp_path: Path,
        said: str, voice: Variant) -> None:
    got, heard = _command(kb_rec, tmp_path, said, voice)
    assert got not in ("louder", "quieter"), heard


def test_pump_up_the_volume_heard_as_noise_is_not_turned_down(
        kb_rec: tuple[Matcher, WhisperRecognizer], tmp_path: Path) -> None:
    # Heard "bum bum bum bum bum bum": every short text fits better.
    got, heard = _command(kb_rec, tmp_path, "pump up the volume", Variant("en-us"))
    assert got != "quieter", heard


def test_the_reading_can_be_turned_off(monkeypatch: pytest.MonkeyPatch,
                                       kb_rec: tuple[Matcher, WhisperRecognizer],
                                       tmp_path: Path) -> None:
    monkeypatch.setattr(volume_by_audio, "ON", False)
    got, heard = _command(kb_rec, tmp_path, "lower volume", Variant("en"))
    assert got is None, heard
