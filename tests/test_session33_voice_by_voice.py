"""Another voice asked by voice (session 33, conversation/voice_choice.py):
"use a different voice", "use a woman's voice" were declined as off the
subject, and the voice could be changed only in the settings file or on the
caregiver's page. Real `voice text` (the voice is kept in
voice-settings.json), and the real pyttsx3 synthesiser over espeak-ng: the
new voice sounds different."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from voice.conversation.voice_choice import asks_for_voice
from voice.speech_out.base import VoiceSettings
from voice.speech_out.synth import Pyttsx3Synth
from voice.speech_out.voices import voice_problem

from .conftest import voice_text_replies


def _kept(state: Path) -> dict[str, object]:
    return json.loads((state / "voice" / "voice-settings.json").read_text())


@pytest.mark.parametrize("said, command", [
    ("use a different voice", "voice_other"), ("can you use a different voice", "voice_other"),
    ("change your voice", "voice_other"), ("I don't like your voice", "voice_other"),
    ("use a woman's voice", "voice_female"), ("Use a female voice please.", "voice_female"),
    ("can you speak in a man's voice", "voice_male"),
])
def test_asked(said: str, command: str) -> None:
    assert asks_for_voice(said) == command, said


@pytest.mark.parametrize("said", ["what is your voice", "does my voice matter", "use your voice",
                                  "can ms change my voice", "my voice is different"])
def test_not_asked(said: str) -> None:
    assert asks_for_voice(said) is None, said


def test_kept_and_back_to_normal(tmp_path: Path) -> None:
    woman, = voice_text_replies(["use a woman's voice"], tmp_path)
    assert woman["outcome"] == "command" and "woman's voice" in woman["say"], woman
    assert _kept(tmp_path)["voice"] == "en-us+f3"
    voice_text_replies(["use a different voice"], tmp_path)
    assert _kept(tmp_path)["voice"] == "en-us+m3"
    normal, = voice_text_replies(["back to normal"], tmp_path)
    assert "usual voice" in normal["say"], normal
    assert _kept(tmp_path)["voice"] == "en-us"


def test_the_new_voice_is_a_voice_and_sounds_different() -> None:
    assert voice_problem("en-us+f3") is None and voice_problem("en-us+m3") is None
    synth = Pyttsx3Synth()
    try:
        usual = synth.synthesise("Hello, this is my voice.", VoiceSettings(voice="en-us"))
        woman = synth.synthesise("Hello, this is my voice.", VoiceSettings(voice="en-us+f3"))
    finally:
        synth.close()
    assert len(usual.samples) > 1000 and len(woman.samples) > 1000
    # A woman's variant speaks higher: more zero crossings a second.
    def crossings(samples: np.ndarray) -> float:
        signs = np.signbit(samples.astype(np.int32))
        return float(np.count_nonzero(signs[1:] != signs[:-1])) / len(samples)
    assert crossings(woman.samples) > 1.2 * crossings(usual.samples), (
        crossings(woman.samples), crossings(usual.samples))


def test_what_it_says_it_keeps_names_the_voice() -> None:
    """The voice chosen by voice is kept (voice-settings.json, privacy.KEPT):
    the spoken privacy statement says so."""
    from voice.conversation import phrases

    assert "rate, volume, voice and pause you chose" in phrases.PRIVACY
