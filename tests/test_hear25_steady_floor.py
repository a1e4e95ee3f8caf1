"""The Whisper engine's noise gate acts on steady noise, not on the quiet
stretches of clean speech (whisper/noise_gate.py ``is_steady_noise``,
session 24, branch hear25).

espeak-ng's clean speech puts its noise floor (5th percentile of 20 ms
frames) near -40 dBFS, over hear24b's floor rule (-45 dBFS), so clean
questions were gated too; "what is acupuncture good for" in en-us was then
heard "what an accurate cure for it" on an AVX-512 Xeon. The quietest
frames of clean speech are different sounds, steady noise keeps one
spectral shape: that spread (3.2-10.4 dB on clean tuning clips, 1.1-2.2 dB
under the benchmark's 20 dB white and pink noise) now decides.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from voice.audio.clip import read_wav
from voice.speech_in.gate import SpeechGate
from voice.speech_in.whisper import noise_gate

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from benchmark_audio import pad  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
from make_spoken_questions import (  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
    BENCHMARK_VARIANTS,
    speak,
)

CLEAN = next(v for v in BENCHMARK_VARIANTS if v.name == "en-us")
PINK = next(v for v in BENCHMARK_VARIANTS if v.name == "en-us+f4/pink20dB")
WHITE = next(v for v in BENCHMARK_VARIANTS if v.name == "en-gb-x-rp/white20dB")


def decoded(text: str, voice: object) -> np.ndarray:
    """What the engine's speech gate hands the decoder for ``text`` said by ``voice``."""
    g = SpeechGate()
    clip = pad(read_wav(speak(text, voice)))
    return np.concatenate([g.push(clip.samples), g.flush()])


def test_clean_speech_over_the_floor_is_not_gated() -> None:
    speech = decoded("what is acupuncture good for", CLEAN)
    # Loud enough for the floor rule alone: what gated it before.
    assert noise_gate.noise_floor_dbfs(speech) >= noise_gate.MIN_FLOOR_DBFS
    assert noise_gate.cleaned(speech, short=False) is speech


def test_the_same_kind_of_question_in_steady_noise_is_gated() -> None:
    for voice in (PINK, WHITE):
        speech = decoded("who can help with the cost", voice)
        assert noise_gate.floor_spread_db(speech) <= noise_gate.MAX_FLOOR_SPREAD_DB
        assert noise_gate.cleaned(speech, short=False) is not speech
