#!/usr/bin/env python3
"""Speak questions with espeak-ng into WAV files, in several voices and conditions.

Used by the recognizer tests and by scripts/benchmark_audio.py. Conditions
imitate what our users' speech does to a recognizer: another voice, slower
speech (sox ``tempo``; people with MS or ALS often speak slowly), and a noisy
room (white or pink noise at about 20 dB SNR). Files are cached under a hash of
(text, condition), so a second run costs nothing.

A second family of voices, closer to people (NATURAL_VARIANTS): flite's
CMU ARCTIC voices (slt, rms, awb: statistical parametric voices trained on
recordings of real speakers) and festival's HTS voice of the same slt
recordings (``apt-get install flite festival festvox-us-slt-hts``). Still
synthetic, but not a formant synthesizer like espeak-ng.

Standalone: ``python scripts/make_spoken_questions.py tests/data/heldout.tsv --out DIR
[--voices espeak|natural|all]`` writes the WAVs and a manifest
(path<TAB>variant<TAB>expected<TAB>text).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from voice.audio.clip import AudioClip, read_wav, write_wav


@dataclass(frozen=True)
class Variant:
    """How one copy of a question is spoken."""

    voice: str
    """espeak-ng voice ("en-us", "en+f3" ...); for flite its voice ("slt"),
    for festival its voice function without ``voice_`` ("cmu_us_slt_arctic_hts")."""
    tempo: float = 1.0
    """sox tempo factor; 0.8 = 20% slower, same pitch."""
    noise: str = ""
    """"" for clean, "white" or "pink"."""
    snr_db: float = 20.0
    """Speech-to-noise ratio when noise is added."""
    speed: int = 160
    """espeak-ng words per minute (its default 175 is brisk)."""
    synth: str = field(default="espeak-ng", repr=False)
    """"espeak-ng", "flite" or "festival". Left out of the repr so that the
    espeak-ng clips keep their cache keys (and their cached transcripts)."""

    @property
    def name(self) -> str:
        parts = [self.voice if self.synth == "espeak-ng" else f"{self.synth}-{_short(self.voice)}"]
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


#: Voices built from recordings of real people (CMU ARCTIC speakers), with
#: the espeak-ng set's treatments: three clean voices (US woman, US man,
#: Scottish man), an HTS voice, one slowed to tempo 0.8, two under 20 dB
#: noise. flite's built-in voices (``flite -lv``); festival's
#: festvox-us-slt-hts. kal/kal16 are left out: diphone voices, as robotic as
#: espeak-ng.
NATURAL_VARIANTS: tuple[Variant, ...] = (
    Variant("slt", synth="flite"),
    Variant("rms", synth="flite"),
    Variant("awb", synth="flite"),
    Variant("cmu_us_slt_arctic_hts", synth="festival"),
    Variant("rms", tempo=0.8, synth="flite"),
    Variant("awb", noise="white", synth="flite"),
    Variant("cmu_us_slt_arctic_hts", noise="pink", synth="festival"),
)

#: ``--voices`` of the scripts: which conditions.
VOICE_SETS: dict[str, tuple[Variant, ...]] = {
    "espeak": BENCHMARK_VARIANTS,
    "natural": NATURAL_VARIANTS,
    "all": BENCHMARK_VARIANTS + NATURAL_VARIANTS,
}

#: The Debian packages each synthesizer needs.
PACKAGES = {"espeak-ng": "espeak-ng", "flite": "flite",
            "festival": "festival festvox-us-slt-hts"}


def _short(voice: str) -> str:
    """"cmu_us_slt_arctic_hts" -> "slt-hts" (for condition names)."""
    parts = voice.split("_")
    return f"{parts[2]}-{parts[-1]}" if len(parts) >= 4 and parts[0] == "cmu" else voice


def missing_synthesizers(variants: Iterable[Variant]) -> list[str]:
    """The apt packages to install before ``variants`` can be spoken (empty: none)."""
    need = []
    for synth in sorted({v.synth for v in variants}):
        if shutil.which(synth) is None:
            need.append(PACKAGES[synth])
        elif synth == "festival" and not any(
                Path(d).is_dir() for d in _festival_voice_dirs(variants)):
            need.append("festvox-us-slt-hts")
    return need


def _festival_voice_dirs(variants: Iterable[Variant]) -> list[str]:
    return [f"/usr/share/festival/voices/{lang}/{v.voice}"
            for v in variants if v.synth == "festival" for lang in ("us", "english")]


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


def _key(text: str, variant: Variant) -> str:
    said = f"{variant!r}\n{text}"
    if variant.synth != "espeak-ng":
        said = f"{variant.synth}\n{said}"
    return hashlib.sha256(said.encode()).hexdigest()[:16]


def _cached(text: str, variant: Variant, out_dir: Path | None) -> Path:
    folder = out_dir or cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{_key(text, variant)}.wav"


def _done(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 44


def _scheme_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _festival(texts: Sequence[str], voice: str, outs: Sequence[Path]) -> None:
    """Speak each of ``texts`` into the matching ``outs`` with one festival
    process (its start costs ~0.6 s; an HTS utterance ~0.3 s)."""
    lines = [f"(voice_{voice})"]
    lines += [f"(utt.save.wave (utt.synth (Utterance Text {_scheme_string(t)})) "
              f"{_scheme_string(str(o))} 'riff)" for t, o in zip(texts, outs, strict=True)]
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "say.scm"
        script.write_text("\n".join(lines) + "\n", encoding="utf-8")
        subprocess.run(["festival", "--batch", str(script)], check=True,
                       capture_output=True, timeout=60 + 10 * len(texts))
    bad = [o for o in outs if not _done(o)]
    if bad:
        raise RuntimeError(f"festival voice_{voice} wrote no audio for {len(bad)} texts "
                           f"(apt-get install {PACKAGES['festival']})")


def _synthesize(text: str, variant: Variant, raw: Path) -> None:
    """The synthesizer's own WAV of ``text`` into ``raw``."""
    if variant.synth == "flite":
        cmd = ["flite", "-voice", variant.voice, "-t", text, "-o", str(raw)]
    elif variant.synth == "festival":
        _festival([text], variant.voice, [raw])
        return
    else:
        cmd = ["espeak-ng", "-v", variant.voice, "-s", str(variant.speed), "-w", str(raw), text]
    subprocess.run(cmd, check=True, capture_output=True, timeout=60)


def _require(variant: Variant) -> None:
    need = missing_synthesizers([variant])
    if need:
        raise RuntimeError(f"{variant.synth} is not installed (apt-get install {' '.join(need)})")


def speak_many(texts: Iterable[str], variant: Variant, out_dir: Path | None = None
               ) -> list[Path]:
    """``speak`` for each of ``texts``; festival's are made in one process."""
    texts = list(texts)
    if variant.synth == "festival":
        todo = {t: _cached(t, variant, out_dir) for t in texts}
        todo = {t: p for t, p in todo.items() if not _done(p)}
        if todo:
            _require(variant)
            with tempfile.TemporaryDirectory() as tmp:
                raws = [Path(tmp) / f"{i}.wav" for i in range(len(todo))]
                _festival(list(todo), variant.voice, raws)
                for (t, _), raw in zip(todo.items(), raws, strict=True):
                    _finish(raw, t, variant, out_dir)
    return [speak(t, variant, out_dir) for t in texts]


def speak(text: str, variant: Variant, out_dir: Path | None = None) -> Path:
    """A WAV of ``text`` spoken as ``variant`` (cached; returns its path)."""
    path = _cached(text, variant, out_dir)
    if _done(path):
        return path
    _require(variant)
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "raw.wav"
        _synthesize(text, variant, raw)
        return _finish(raw, text, variant, out_dir)


def _finish(raw: Path, text: str, variant: Variant, out_dir: Path | None) -> Path:
    """The synthesizer's WAV ``raw``, slowed and noised as ``variant`` says,
    moved into the cache."""
    path = _cached(text, variant, out_dir)
    key = path.stem
    with tempfile.TemporaryDirectory() as tmp:
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
    p.add_argument("--voices", choices=sorted(VOICE_SETS), default="espeak",
                   help="espeak-ng conditions (default), the voices closer to people "
                        "(flite, festival), or both")
    args = p.parse_args(argv)
    from voice.speech_in.pocketsphinx.corpus import read_labelled

    variants = VOICE_SETS[args.voices]
    need = missing_synthesizers(variants)
    if need:
        print(f"Not installed: apt-get install {' '.join(need)}", file=sys.stderr)
        return 1
    items = read_labelled(args.questions)
    paths = {v: speak_many([q.text for q in items], v, args.out) for v in variants}
    for i, q in enumerate(items):
        for v in variants:
            print(f"{paths[v][i]}\t{v.name}\t{q.expected or '-'}\t{q.text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
