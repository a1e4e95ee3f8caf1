"""Longer utterances over steady noise are gated before Whisper hears them
(whisper/noise_gate.py, branch hear24b).

A tuning.tsv question said by espeak-ng in the benchmark's pink noise
(20 dB) and decoded by the real tiny.en on the tests' AVX2 path
(2026-12-04): ungated "who can help with the cost" is heard "who can tell
with the cost"; gated (60%, noise floor at least -45 dBFS) word for word,
and the assistant finds the entry it names.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import numpy as np

from voice.app import Assistant
from voice.audio.clip import read_wav
from voice.content.model import KnowledgeBase
from voice.conversation import Conversation
from voice.speech_in.whisper import WhisperRecognizer, noise_gate

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from benchmark_audio import pad  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
from make_spoken_questions import (  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
    BENCHMARK_VARIANTS,
    speak,
)

PINK = next(v for v in BENCHMARK_VARIANTS if v.name == "en-us+f4/pink20dB")


def test_help_with_the_cost_in_pink_noise_is_heard_and_found(
        kb: KnowledgeBase, whisper_tiny: WhisperRecognizer) -> None:
    said = whisper_tiny.transcribe(pad(read_wav(speak("who can help with the cost", PINK))))
    assert said.text == "who can help with the cost"
    got = Assistant(Conversation(kb), None, out=io.StringIO(),
                    json_lines=True).handle_heard(said)
    assert got["outcome"] != "no_match", got
    assert got["match"]["id"] == "community-support-and-awareness"


def test_quiet_or_short_speech_is_left_as_it_is() -> None:
    rng = np.random.default_rng(0)
    quiet = (rng.standard_normal(48000) * 50).astype(np.int16)  # floor about -56 dBFS
    assert noise_gate.noise_floor_dbfs(quiet) < noise_gate.MIN_FLOOR_DBFS
    assert noise_gate.cleaned(quiet, short=False) is quiet
    loud = (rng.standard_normal(48000) * 1000).astype(np.int16)
    assert noise_gate.cleaned(loud, short=True) is loud
    gated = noise_gate.cleaned(loud, short=False)
    assert gated is not loud and np.abs(gated).mean() < np.abs(loud).mean()
