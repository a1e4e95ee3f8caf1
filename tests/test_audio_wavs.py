"""Spoken test recordings, made at test time with espeak-ng and sox.

Imported by the other audio tests (pytest puts this folder on sys.path); the
tests here check that the recordings are what the other tests assume.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from voice.audio.clip import read_wav

QUESTION = "is there a cure for neuromuscular disorders"

_DIR: Path | None = None


def wav_dir() -> Path:
    global _DIR
    if _DIR is None:
        import tempfile

        _DIR = Path(tempfile.mkdtemp(prefix="voice-audio-test-"))
    return _DIR


def _run(cmd: list[str]) -> None:
    for tool in ("espeak-ng", "sox"):
        if cmd[0] == tool and shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: run scripts/install.sh --dev")
    subprocess.run(cmd, check=True, capture_output=True, timeout=60)


def _speak(text: str, name: str, speed: int = 175) -> Path:
    out = wav_dir() / name
    _run(["espeak-ng", "-s", str(speed), "-w", str(out), text])
    return out


@cache
def question(lead: float = 1.0, trail: float = 0.0) -> Path:
    """The test question, with ``lead``/``trail`` seconds of silence around it."""
    raw = _speak(QUESTION, "question-raw.wav")
    out = wav_dir() / f"question-{lead}-{trail}.wav"
    _run(["sox", str(raw), "-b", "16", str(out), "pad", str(lead), str(trail)])
    return out


@cache
def slow_with_pause(pause: float = 1.2) -> Path:
    """A slow speaker (tempo 0.8) stopping ``pause`` seconds mid-question.

    The pause is inserted after tempo, so it is exactly ``pause`` seconds.
    Layout: 1 s silence, "is there a cure for", pause, "neuromuscular
    disorders", 0.2 s silence.
    """
    a = _speak("is there a cure for", "slow-a.wav")
    b = _speak("neuromuscular disorders", "slow-b.wav")
    a8, b8 = wav_dir() / "slow-a8.wav", wav_dir() / "slow-b8.wav"
    _run(["sox", "-R", str(a), "-b", "16", str(a8), "tempo", "0.8"])
    _run(["sox", "-R", str(b), "-b", "16", str(b8), "tempo", "0.8"])
    gap = wav_dir() / f"gap-{pause}.wav"
    _run(["sox", "-n", "-r", "22050", "-c", "1", "-b", "16", str(gap), "trim", "0", str(pause)])
    out = wav_dir() / f"slow-pause-{pause}.wav"
    _run(["sox", str(a8), str(gap), str(b8), "-b", "16", str(out), "pad", "1", "0.2"])
    return out


@cache
def noise(seconds: float = 10.0, kind: str = "whitenoise", level: float = 0.1) -> Path:
    """Steady noise (a fan, a hiss) with no speech in it."""
    out = wav_dir() / f"{kind}-{seconds}-{level}.wav"
    # -R: the same noise every run, so a test passes or fails for a reason.
    _run(["sox", "-R", "-n", "-r", "16000", "-c", "1", "-b", "16", str(out),
          "synth", str(seconds), kind, "vol", str(level)])
    return out


@cache
def question_in_noise() -> Path:
    """The question over steady pink noise at about 15 dB below the voice."""
    q = question(1.0, 1.0)
    n = wav_dir() / "pink-for-mix.wav"
    _run(["sox", "-R", "-n", "-r", "22050", "-c", "1", "-b", "16", str(n),
          "synth", "5", "pinknoise", "vol", "0.05"])
    out = wav_dir() / "question-in-noise.wav"
    _run(["sox", "-R", "-m", str(q), str(n), "-b", "16", str(out), "trim", "0", "4.5"])
    return out


@cache
def long_talk(seconds: float = 60.0) -> Path:
    """About ``seconds`` of continuous talking (someone who does not stop)."""
    text = (
        "I have had spasms in my legs for many years and they get worse at night, "
        "my doctor changed my medicine twice and I would like to know what else can help, "
    )
    one = _speak(text, "long-one.wav")
    reps = max(1, int(seconds // read_wav(one).duration) + 1)
    out = wav_dir() / f"long-{seconds}.wav"
    _run(["sox", *([str(one)] * reps), "-b", "16", str(out), "pad", "0.5", "0",
          "trim", "0", str(seconds)])
    return out


@cache
def silence(seconds: float = 5.0) -> Path:
    out = wav_dir() / f"silence-{seconds}.wav"
    _run(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", str(out),
          "trim", "0", str(seconds)])
    return out


def test_question_wav_is_speech_of_expected_length() -> None:
    clip = read_wav(question(1.0, 0.5))
    assert 3.0 < clip.duration < 5.0
    assert clip.rms() > 0.02


def test_slow_wav_has_the_pause_in_it() -> None:
    clip = read_wav(slow_with_pause(1.2)).to_mono()
    assert clip.duration > 5.0
    # A run of near-silence (sox dithers) at least 1.2 s long sits in the middle.
    zeros = (np.abs(clip.samples.astype(int)) < 64).astype(int)
    longest = run = 0
    for z in zeros[int(1.5 * clip.rate):]:
        run = run + 1 if z else 0
        longest = max(longest, run)
    assert longest >= int(1.19 * clip.rate)


def test_long_talk_is_long() -> None:
    assert read_wav(long_talk(60.0)).duration == pytest.approx(60.0, abs=0.1)
