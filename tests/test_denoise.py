"""speexdsp's noise suppressor as scripts/tune_denoise.py measures it
(scripts/speex_denoise.py; tried in front of Whisper, not adopted:
docs/speech-in.md "Noise suppression"). What the measurement rests on: it
takes noise down and keeps the speech, and the noise floor it would be
gated by reads what it should.

Real parts: espeak-ng speech and speexdsp's preprocessor (libspeexdsp).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from voice.audio.clip import AudioClip, read_wav

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

from make_spoken_questions import add_noise  # noqa: E402
from speex_denoise import noise_floor_dbfs, suppress_noise  # noqa: E402


def _espeak(text: str, tmp_path: Path) -> np.ndarray:
    wav = tmp_path / "said.wav"
    subprocess.run(["espeak-ng", "-v", "en-gb-x-rp", "-s", "160", "-w", str(wav), text],
                   check=True, timeout=30)
    return read_wav(wav).resampled(16000).samples.astype(np.int16)


def _rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(x.astype(np.float64) ** 2)))


def _db(a: float, b: float) -> float:
    return 20 * np.log10(a / b)


def _spectral_distance(ref: np.ndarray, out: np.ndarray) -> float:
    """Mean absolute difference of log power spectra (dB), 32 ms frames, in
    the band speech is heard by (100-4000 Hz), over the frames where ``ref``
    has speech; bins more than 30 dB under their frame's peak count as that
    floor (what lies under it is not heard over the speech)."""
    n = (min(len(ref), len(out)) // 512) * 512
    def spec(x: np.ndarray) -> np.ndarray:
        frames = x[:n].astype(np.float64).reshape(-1, 512) * np.hanning(512)
        return np.abs(np.fft.rfft(frames, axis=1))[:, 3:128] ** 2
    r, o = spec(ref), spec(out)
    loud = r.sum(axis=1) > 0.1 * r.sum(axis=1).max()
    r, o = r[loud], o[loud]
    floor = r.max(axis=1, keepdims=True) * 1e-3
    return float(np.mean(np.abs(10 * np.log10((r + floor) / (o + floor)))))


def test_noise_floor_lowered_and_speech_kept(tmp_path: Path) -> None:
    """White noise at 10 dB under an espeak-ng question, with a second of the
    same noise before it as a room has: the suppressor takes the noise-only
    second down by far more than it takes the speech, and what it leaves of
    the speech is closer to the clean speech than the noisy input was."""
    clean = _espeak("is there a cure for neuromuscular disorders", tmp_path)
    lead = np.zeros(16000, dtype=np.int16)
    said = np.concatenate([lead, clean])
    noisy = add_noise(AudioClip(said, 16000, 1), "white", 10.0, seed=7).samples
    out = suppress_noise(noisy)
    assert len(out) == len(noisy) and out.dtype == np.int16

    noise_drop = _db(_rms(noisy[4000:16000]), _rms(out[4000:16000]))
    speech = slice(16000, len(said))
    speech_drop = _db(_rms(noisy[speech]), _rms(out[speech]))
    assert noise_drop > 10.0, noise_drop
    assert speech_drop < 3.0, speech_drop
    # Closer to the clean speech than the noisy input was, band by band
    # (log spectra, so the few ms the processor delays do not count).
    assert _spectral_distance(said[speech], out[speech]) < 0.8 * _spectral_distance(
        said[speech], noisy[speech])


def test_clean_speech_passes_nearly_unchanged(tmp_path: Path) -> None:
    clean = _espeak("what should I eat", tmp_path)
    out = suppress_noise(clean)
    # Speech level kept (what it does to the words is measured with Whisper:
    # tune_denoise.py, docs/speech-in.md).
    assert abs(_db(_rms(clean), _rms(out))) < 2.0


def test_bad_level_and_empty_input() -> None:
    with pytest.raises(ValueError):
        suppress_noise(np.zeros(160, dtype=np.int16), 0)
    assert len(suppress_noise(np.zeros(0, dtype=np.int16))) == 0
    # Not a whole number of 10 ms frames: same length back.
    assert len(suppress_noise(np.zeros(1234, dtype=np.int16))) == 1234


def test_noise_floor() -> None:
    rng = np.random.default_rng(2)
    hiss = rng.standard_normal(16000) * 328.0  # -40 dBFS
    assert abs(noise_floor_dbfs(hiss.astype(np.int16)) - -40.0) < 1.5
    # Louder speech-like bursts do not raise it; digital silence is left out.
    burst = np.concatenate([np.zeros(8000), hiss, hiss * 30, np.zeros(8000)])
    assert abs(noise_floor_dbfs(np.clip(burst, -32768, 32767).astype(np.int16)) - -40.0) < 1.5
    assert noise_floor_dbfs(np.zeros(16000, dtype=np.int16)) == float("-inf")
