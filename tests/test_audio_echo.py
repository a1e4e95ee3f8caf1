"""The echo canceller (real libspeexdsp) and the reference of what was played."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np

from voice.audio.clip import read_wav
from voice.audio.echo import EchoReference, SpeexEchoCanceller


def _speech(tmp_path: Path, text: str, voice: str) -> np.ndarray:
    wav = tmp_path / f"{voice}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-w", str(wav), text], check=True, timeout=30)
    return read_wav(wav).resampled(16000).samples.reshape(-1)


def _db(x: np.ndarray) -> float:
    return 10 * float(np.log10(np.mean(x.astype(np.float64) ** 2) + 1.0))


def test_the_canceller_removes_the_echo_but_not_another_voice(tmp_path: Path) -> None:
    own = _speech(tmp_path, "Chronic spasms and neuromuscular disorders affect millions "
                  "worldwide, leading to discomfort and mobility issues.", "en-us")
    other = _speech(tmp_path, "stop", "en+f3")
    delay = 800  # 50 ms from the speaker to the microphone
    echo = (np.concatenate([np.zeros(delay), own[:-delay]]) * 0.5).astype(np.int16)
    at = len(own) - 16000  # the other voice speaks during the last second
    mic = echo.astype(np.int32)
    mic[at : at + len(other)] += other
    mic16 = np.clip(mic, -32768, 32767).astype(np.int16)
    canceller = SpeexEchoCanceller()
    try:
        out = np.concatenate([canceller.process(mic16[i : i + 320], own[i : i + 320])
                              for i in range(0, len(own) - 320, 320)])
    finally:
        canceller.close()
    late = slice(at - 16000, at)  # converged, echo only
    assert _db(echo[late]) - _db(out[late]) > 20
    # The other voice comes through (within a few dB), where the echo does not.
    voice = slice(at, at + len(other))
    assert _db(out[voice]) > _db(other) - 6


def test_the_reference_gives_what_was_played_when() -> None:
    ref = EchoReference()
    ref.begin(16000)
    ref.played(np.full(160, 7, dtype=np.int16), at=100.0)  # not enabled: kept nothing
    assert not ref.between(100.0, 160).any()
    ref.enabled = True
    ref.begin(16000)
    ref.played(np.arange(160, dtype=np.int16), at=100.0)
    ref.played(np.arange(160, 320, dtype=np.int16), at=100.0)  # contiguous after it
    got = ref.between(100.0 - 0.001, 336)  # 16 samples before the start
    assert not got[:16].any()
    assert (got[16:] == np.arange(320)).all()
    assert not ref.between(101.0, 100).any()  # nothing played then
