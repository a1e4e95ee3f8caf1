"""Noise suppression in front of Whisper (voice/audio/denoise.py).

Real parts: espeak-ng speech, speexdsp's preprocessor (libspeexdsp), and the
installed Whisper tiny.en model.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.audio.clip import AudioClip, read_wav
from voice.audio.denoise import suppress_noise

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

from make_spoken_questions import add_noise  # noqa: E402


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
    # Speech level kept (what it does to the words is measured by Whisper:
    # tune_denoise.py, docs/speech-in.md).
    assert abs(_db(_rms(clean), _rms(out))) < 2.0


def test_bad_level_and_empty_input() -> None:
    with pytest.raises(ValueError):
        suppress_noise(np.zeros(160, dtype=np.int16), 0)
    assert len(suppress_noise(np.zeros(0, dtype=np.int16))) == 0
    # Not a whole number of 10 ms frames: same length back.
    assert len(suppress_noise(np.zeros(1234, dtype=np.int16))) == 1234


@pytest.fixture(scope="module")
def raw_rec(kb: Any) -> Any:
    """The same engine and model with the suppressor off."""
    from voice.models.manifest import WHISPER_MODEL
    from voice.speech_in.whisper import WhisperRecognizer

    return WhisperRecognizer(REPO / "models" / WHISPER_MODEL, kb, noise_suppression=False)


@pytest.mark.parametrize(("text", "entry"), [
    # Tuning-set questions under the benchmark's 20 dB white noise that the
    # suppressor turned from declined into the right entry (tune_denoise.py).
    ("why do people get these disorders", "causes-and-risk-factors"),
])
def test_question_under_white_noise_heard_with_suppression(
        rec: Any, raw_rec: Any, matcher: Any, text: str, entry: str) -> None:
    from benchmark_audio import _heard, _match, pad
    from make_spoken_questions import Variant, speak

    clip = pad(read_wav(speak(text, Variant("en-gb-x-rp", noise="white"))))
    assert rec.noise_suppression  # on by default
    heard = rec.transcribe(clip)
    raw = raw_rec.transcribe(clip)
    got, without = _match(matcher, _heard(heard)), _match(matcher, _heard(raw))
    assert got.outcome != "no_match" and got.entry is not None and got.entry.id == entry, \
        heard.text
    assert without.outcome == "no_match" or without.entry is None or without.entry.id != entry, \
        raw.text


def test_short_replies_quiet_rooms_and_decode_heard_are_not_suppressed(
        rec: Any, monkeypatch: Any) -> None:
    """One-word replies (real digits lost 3 of 82 to it), utterances under the
    noise floor threshold (real people's quiet recordings lost words to it),
    and barge-in's and the wake phrase's confirmations (``decode_heard``)
    reach Whisper untouched."""
    import voice.audio.denoise as denoise

    calls: list[int] = []
    real = denoise.suppress_noise
    monkeypatch.setattr(denoise, "suppress_noise",
                        lambda s, *a, **k: calls.append(len(s)) or real(s, *a, **k))
    rng = np.random.default_rng(1)
    short = (rng.standard_normal(16000) * 300).astype(np.int16)
    rec.decode(short)
    rec.decode_heard(short)
    quiet = (rng.standard_normal(3 * 16000) * 50).astype(np.int16)  # about -56 dBFS
    rec.decode(quiet)
    assert calls == []
    long = (rng.standard_normal(3 * 16000) * 300).astype(np.int16)  # about -41 dBFS
    rec.decode(long)
    assert calls == [len(long)]


def test_noise_floor() -> None:
    from voice.audio.denoise import noise_floor_dbfs

    rng = np.random.default_rng(2)
    hiss = rng.standard_normal(16000) * 328.0  # -40 dBFS
    assert abs(noise_floor_dbfs(hiss.astype(np.int16)) - -40.0) < 1.5
    # Louder speech-like bursts do not raise it; digital silence is left out.
    burst = np.concatenate([np.zeros(8000), hiss, hiss * 30, np.zeros(8000)])
    assert abs(noise_floor_dbfs(np.clip(burst, -32768, 32767).astype(np.int16)) - -40.0) < 1.5
    assert noise_floor_dbfs(np.zeros(16000, dtype=np.int16)) == float("-inf")


def test_setting_turns_it_off(tmp_path: Path) -> None:
    """``[speech_in] noise_suppression = false`` reaches the recognizer."""
    from voice.config import load
    from voice.speech_in.select import load_recognizer

    toml = tmp_path / "config.toml"
    toml.write_text("[speech_in]\nrecognizer = \"whisper\"\nnoise_suppression = false\n",
                    encoding="utf-8")
    cfg = load(toml)
    assert cfg.noise_suppression is False
    said: list[str] = []
    rec = load_recognizer(cfg, said.append)
    assert rec.name == "whisper", said
    assert rec.noise_suppression is False  # type: ignore[attr-defined]
