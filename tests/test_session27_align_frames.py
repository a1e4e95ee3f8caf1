"""The beam decode's word probabilities are forced through ``align`` over the
speech's own frames, not the window's 3,000 (session 27: 0.100 -> 0.063 s
of CPU per 2.7 s question). The frames only bound the alignment's time
warp, so every probability the "sure word" and "doubtful" checks read must
be what the 3,000-frame call gave. Real espeak-ng speech, the real tiny.en
model. A guard: it passes before the change too, and fails if a later
change to ``align_frames`` moves what is heard."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.audio.clip import read_wav
from voice.speech_in.whisper.decoder import align_frames

SAID = [
    ("en", 150, "can these disorders be cured"),
    ("en-us+m3", 120, "what should I eat to help with muscle spasms"),
    ("en+f3", 140, "is baclofen safe to take every day"),
]


@pytest.mark.parametrize("voice,speed,text", SAID)
def test_probabilities_over_the_speech_frames_are_the_full_windows(
        whisper_tiny: Any, tmp_path: Path, voice: str, speed: int, text: str) -> None:
    wav = tmp_path / "q.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(wav), text],
                   check=True, timeout=30)
    audio = read_wav(wav).resampled(16000).samples.astype(np.float32) / 32768.0
    dec = whisper_tiny._decoder
    encoded = dec.encode(audio)
    result = dec._generate(encoded, len(audio), dec.prompt, beam_size=2)
    tokens = list(result.sequences_ids[0])
    assert tokens and align_frames(len(audio)) < 3000
    full = dec._model.model.align(encoded, dec._prompt(dec.prompt), [tokens], [3000])
    assert dec._forced(encoded, len(audio), dec.prompt, tokens) == [
        float(p) for p in full[0].text_token_probs]


def test_frames_stay_within_one_window() -> None:
    assert align_frames(0) == 1
    assert align_frames(16000 * 3) == 300
    assert align_frames(16000 * 45) == 3000
