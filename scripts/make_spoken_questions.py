#!/usr/bin/env python3
"""Speak questions with espeak-ng into WAV files, in several voices and conditions.

Used by the recognizer tests and by scripts/benchmark_audio.py. Conditions
imitate what our users' speech does to a recognizer: another voice, slower
speech (sox ``tempo``; people with MS or ALS often speak slowly), and a noisy
room (white or pink noise at about 20 dB SNR). Files are cached under a hash of
(text, condition), so a second run costs nothing.

Standalone: ``python scripts/make_spoken_questions.py tests/data/heldout.tsv --out DIR``
writes the WAVs and a manifest (path<TAB>variant<TAB>expected<TAB>text).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from voice.audio.clip import AudioClip, read_wav, write_wav


@dataclass(frozen=True)
class Variant:
    """How one copy of a question is spoken."""

    voice: str
    """espeak-ng voice ("en-us", "en+f3" ...)."""
    tempo: float = 1.0
    """sox tempo factor; 0.8 = 20% slower, same pitch."""
    noise: str = ""
    """"" for clean, "white" or "pink"."""
    snr_db: float = 20.0
    """Speech-to-noise ratio when noise is added."""
    speed: int = 160
    """espeak-ng words per minute (its default 175 is brisk)."""

    @property
    def name(self) -> str:
        parts = [self.voice]
        if self.tempo != 1.0:
            parts.append(f"tempo{self.tempo:g}")
        if self.noise:
            parts.append(f"{self.noise}{self.snr_db:g}dB")
        return "/".join(parts)


#: The benchmark's conditions: several voices, slowed speech, noise.
BENCHMARK_VARIANTS: tuple[Variant, ...] = (
    Variant("en-us"),
    Variant("en"),
    Variant("en+f3"),
    Variant("en-us+m3", tempo=0.8),
    Variant("en-gb-x-rp", noise="white"),
    Variant("en-us+f4", noise="pink"),
)


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "voice" / "spoken"


def _pink(n: int, rng: np.random.Generator) -> np.ndarray:
    # 1/f noise: shape white noise in the frequency domain.
    spectrum = np.fft.rfft(rng.standard_normal(n))
    f = np.arange(len(spectrum), dtype=np.float64)
    f[0] = 1.0
    return np.fft.irfft(spectrum / np.sqrt(f), n)


def add_noise(clip: AudioClip, kind: str, snr_db: float, seed: int) -> AudioClip:
    """``clip`` with ``kind`` noise at ``snr_db`` below the speech level."""
    x = clip.samples.astype(np.float64)
    # Speech level over the voiced part only: the silence around a short
    # question would otherwise make the noise far too quiet.
    loud = np.abs(x) > 0.05 * (np.abs(x).max() or 1.0)
    speech_rms = float(np.sqrt(np.mean(x[loud] ** 2))) if loud.any() else 1000.0
    rng = np.random.default_rng(seed)
    noise = rng.standard_normal(len(x)) if kind == "white" else _pink(len(x), rng)
    noise *= speech_rms / (10 ** (snr_db / 20.0)) / (float(np.sqrt(np.mean(noise**2))) or 1.0)
    mixed = np.clip(x + noise, -32768, 32767).astype(np.int16)
    return AudioClip(mixed, clip.rate, clip.channels)


def speak(text: str, variant: Variant, out_dir: Path | None = None) -> Path:
    """A WAV of ``text`` spoken as ``variant`` (cached; returns its path)."""
    if shutil.which("espeak-ng") is None:
        raise RuntimeError("espeak-ng is not installed (apt-get install espeak-ng)")
    key = hashlib.sha256(f"{variant!r}\n{text}".encode()).hexdigest()[:16]
    folder = out_dir or cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{key}.wav"
    if path.is_file() and path.stat().st_size > 44:
        return path
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.wav"
        subprocess.run(
            ["espeak-ng", "-v", variant.voice, "-s", str(variant.speed), "-w", str(raw), text],
            check=True, capture_output=True, timeout=60,
        )
        if variant.tempo != 1.0:
            slowed = Path(tmp) / "slow.wav"
            subprocess.run(
                ["sox", str(raw), str(slowed), "tempo", "-s", f"{variant.tempo}"],
                check=True, capture_output=True, timeout=60,
            )
            raw = slowed
        clip = read_wav(raw)
        if variant.noise:
            clip = add_noise(clip, variant.noise, variant.snr_db, seed=int(key[:8], 16))
        part = Path(tmp) / "out.wav"
        write_wav(part, clip)
        shutil.move(str(part), path)
    return path


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("questions", help="question<TAB>entry-id file (tuning.tsv, heldout.tsv)")
    p.add_argument("--out", type=Path, default=None, help="folder for WAVs (default: cache)")
    args = p.parse_args(argv)
    from voice.speech_in.pocketsphinx.corpus import read_labelled

    items = read_labelled(args.questions)
    for q in items:
        for v in BENCHMARK_VARIANTS:
            path = speak(q.text, v, args.out)
            print(f"{path}\t{v.name}\t{q.expected or '-'}\t{q.text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
