"""Audio as it travels through the assistant: samples with their format.

As in wyoming's ``AudioChunk``, the rate and channel count always travel with
the samples, so nothing downstream guesses the format.
"""

from __future__ import annotations

import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

#: The rate every recognizer here is fed.
RECOGNIZER_RATE = 16000


@dataclass(frozen=True)
class AudioClip:
    """A piece of audio, 16-bit signed samples."""

    samples: np.ndarray
    """int16 samples, shape (frames,) for mono or (frames, channels)."""
    rate: int
    """Samples per second."""
    channels: int = 1
    """Interleaved channel count."""

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return len(self.samples) / float(self.rate) if self.rate else 0.0

    def to_mono(self) -> AudioClip:
        if self.channels == 1:
            return AudioClip(self.samples.reshape(-1), self.rate, 1)
        mixed = self.samples.reshape(-1, self.channels).astype(np.int32).mean(axis=1)
        return AudioClip(mixed.astype(np.int16), self.rate, 1)

    def resampled(self, rate: int = RECOGNIZER_RATE) -> AudioClip:
        """Mono at ``rate`` (soxr: fast and good enough for speech on a Pi)."""
        mono = self.to_mono()
        if mono.rate == rate:
            return mono
        import soxr

        out = soxr.resample(mono.samples, mono.rate, rate)
        return AudioClip(np.asarray(out, dtype=np.int16), rate, 1)

    def pcm_bytes(self) -> bytes:
        return np.ascontiguousarray(self.samples, dtype="<i2").tobytes()

    def rms(self) -> float:
        """Root-mean-square level, 0.0 to 1.0."""
        if len(self.samples) == 0:
            return 0.0
        x = self.samples.astype(np.float64) / 32768.0
        return float(np.sqrt(np.mean(x * x)))


def read_wav(path: str | Path) -> AudioClip:
    """Read a 16-bit PCM WAV (any rate, any channel count).

    Raises OSError when the file cannot be opened and ValueError when it is
    not a 16-bit PCM WAV, so callers need to know nothing of ``wave``.
    """
    try:
        with wave.open(str(path), "rb") as w:
            if w.getsampwidth() != 2:
                raise ValueError("only 16-bit PCM WAV files are supported")
            frames = w.readframes(w.getnframes())
            channels = w.getnchannels()
            rate = w.getframerate()
    except (wave.Error, EOFError) as e:
        if str(e).startswith("unknown format"):
            # A WAV, but of floats or another coding ("unknown format: 3").
            raise ValueError("only 16-bit PCM WAV files are supported") from e
        # wave's own words ("file does not start with RIFF id", or nothing at
        # all for an empty file) mean nothing to the user.
        raise ValueError("not a WAV file") from e
    samples = np.frombuffer(frames, dtype="<i2").astype(np.int16)
    if channels > 1:
        samples = samples.reshape(-1, channels)
    return AudioClip(samples, rate, channels)


def write_wav(path: str | Path, clip: AudioClip) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(clip.channels)
        w.setsampwidth(2)
        w.setframerate(clip.rate)
        w.writeframes(clip.pcm_bytes())
