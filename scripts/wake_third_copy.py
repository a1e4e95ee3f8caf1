"""A third copy of the audio, louder still, beside the two the spotter hears
(micro.BESIDE_THIRD_GAIN): what it adds to Whisper's work and its wakes on
speech not addressed to it, and what it costs in CPU.

Run::

    .venv/bin/python scripts/wake_third_copy.py --cost 120 --seed 301
    .venv/bin/python scripts/wake_third_copy.py --seed 311 --minutes 150
    .venv/bin/python scripts/wake_third_copy.py --okay-everyday tune

``--cost S``: CPU seconds (``time.process_time``, one thread) per second of
audio of the spotter alone (front ends and networks, no Whisper) with the
two copies as shipped and with the third, on S seconds of
``benchmark_wake.negatives`` speech.

Otherwise, a replay on that speech: the stream is fed to both spotters with
a second stage that records every spot's windows and refuses it; a spot
whose windows only the three-copy spotter asks about ("added") or only the
two-copy one ("gone": the third copy's spot came first and took its place)
is then decoded by the real check (confirm.py, every short window through
the peak check as ``benchmark_wake.py --peak-every-slot``). The check keeps
no state from one spot to the next, so a spot whose windows both ask about
is decided the same way by both: the wakes the third copy adds are the
added spots the check confirms, less the gone ones it confirms. (Refusing
every spot while recording keeps the spotter out of the second after a
wake that it would be in live; a false wake is rare enough for this.)
Session 27, branch wake31 (docs/wake-word.md).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchmark_wake as bw

from voice.speech_in.wake import micro
from voice.speech_in.wake.confirm import load_confirmer

THIRD = 6.0  # the gain wake30 measured (scripts/wake_network_gain.py)


@dataclass
class Asked:
    """One spot's windows, as the spotter handed them to the second stage."""

    stream: str
    at: float
    window: np.ndarray
    aligned: list[np.ndarray]
    strength: float
    sure: bool

    def key(self) -> tuple[str, str, float, bool]:
        h = hashlib.sha1(self.window.tobytes())
        for a in self.aligned:
            h.update(a.tobytes())
        return (self.stream, h.hexdigest(), round(self.strength, 4), self.sure)


@dataclass
class Recorder:
    """A second stage that records every spot and confirms none."""

    asked: list[Asked] = field(default_factory=list)
    stream: str = ""
    detector: Any = None

    def confirms(self, window: np.ndarray, aligned: Sequence[np.ndarray] = (),
                 strength: float = 0.0, sure: bool = False) -> bool:
        at = self.detector.fed / bw.RECOGNIZER_RATE if self.detector is not None else 0.0
        self.asked.append(Asked(self.stream, at, window.copy(), [a.copy() for a in aligned],
                                strength, sure))
        return False


def spotter(third: float, recorder: Any) -> micro.MicroWakeDetector:
    detector = micro.load_micro("okay nabu", confirmer=recorder, beside_third=third)
    if isinstance(recorder, Recorder):
        recorder.detector = detector
    return detector


def feed(detector: micro.MicroWakeDetector, pcm: np.ndarray) -> None:
    detector.reset()
    for i in range(0, len(pcm), bw.CHUNK):
        detector.feed(pcm[i:i + bw.CHUNK])


def cost(seconds: float, cache: Path, seed: int) -> None:
    """CPU per second of audio, two copies against three."""
    pcm = np.concatenate([p for _n, p in bw.negatives(seconds / 60 * 3, cache, seed=seed)])
    pcm = pcm[:int(seconds * bw.RECOGNIZER_RATE)]
    audio = len(pcm) / bw.RECOGNIZER_RATE
    for label, third in (("as it is + x3 (shipped)", 0.0), (f"+ x{THIRD:g} (third copy)", THIRD)):
        detector = spotter(third, Recorder())
        feed(detector, pcm[:bw.RECOGNIZER_RATE])  # warm up
        best = float("inf")
        for _ in range(3):
            started = time.process_time()
            feed(detector, pcm)
            best = min(best, time.process_time() - started)
        print(f"{label}: {best / audio * 1000:.2f} ms of CPU per second of audio"
              f" ({audio:.0f} s of audio, best of 3)", flush=True)


def streams(args: argparse.Namespace) -> Iterator[tuple[str, np.ndarray]]:
    if args.okay_everyday:
        yield from bw.okay_everyday_streams(args.okay_everyday, args.cache, [])
    elif args.streams:
        yield from some_negatives(args.minutes, args.cache, args.seed,
                                  {int(n) for n in args.streams.split(",")})
    else:
        yield from bw.negatives(args.minutes, args.cache, seed=args.seed)


def some_negatives(minutes: float, cache: Path, seed: int,
                   wanted: set[int]) -> Iterator[tuple[str, np.ndarray]]:
    """``bw.negatives``' streams numbered ``wanted`` (0-5: the readers, 6-7: the
    TV-like ones), the others drawn but not spoken (to split a run over
    processes: the same sentences, the same mixtures)."""
    rng = random.Random(seed)
    sents = bw.sentences()
    reading = minutes * 0.8 / len(bw.READERS)
    for n, (voice, rate) in enumerate(bw.READERS):
        words_needed = int(reading * rate)
        picked: list[str] = []
        while sum(len(s.split()) for s in picked) < words_needed:
            picked.append(rng.choice(sents))
        if n in wanted:
            yield f"read {voice}", bw._espeak(" ".join(picked), voice, rate, cache)
    nrng = np.random.default_rng(seed)
    tv = minutes * 0.2
    for i, (a, b) in enumerate([(bw.READERS[0], bw.READERS[3]), (bw.READERS[1], bw.READERS[4])]):
        words = int(tv / 2 * a[1])
        ta = " ".join(rng.choice(sents) for _ in range(words // 8))
        tb = " ".join(rng.choice(sents) for _ in range(words // 8))
        if not any(len(bw.READERS) + j in wanted for j in range(i, 2)):
            break  # (the second's pink noise is drawn after the first's: spoken for it)
        x, y = bw._espeak(ta, *a, cache), bw._espeak(tb, *b, cache)
        mixed = bw._mix(x, y, 3.0)
        tv_stream = bw._mix(mixed, bw._pink(len(mixed), nrng), 20.0)
        if len(bw.READERS) + i in wanted:
            yield f"tv {i + 1}", tv_stream


def replay(args: argparse.Namespace) -> None:
    """Stream by stream (a run stopped early keeps its figures)."""
    two, three = Recorder(), Recorder()
    d2, d3 = spotter(0.0, two), spotter(THIRD, three)
    check = load_confirmer("okay nabu")
    check.peak_every_slot = True
    hours = 0.0
    spots = {"two": 0, "three": 0, "added": 0, "gone": 0}
    woke: dict[str, list[str]] = {"added": [], "gone": []}
    for name, pcm in streams(args):
        two.asked.clear()
        three.asked.clear()
        two.stream = three.stream = name
        feed(d2, pcm)
        feed(d3, pcm)
        hours += len(pcm) / bw.RECOGNIZER_RATE / 3600
        keys2 = {a.key() for a in two.asked}
        keys3 = {a.key() for a in three.asked}
        new = {"added": [a for a in three.asked if a.key() not in keys2],
               "gone": [a for a in two.asked if a.key() not in keys3]}
        spots["two"] += len(two.asked)
        spots["three"] += len(three.asked)
        for label, asked in new.items():
            spots[label] += len(asked)
            for a in asked:
                if check.confirms(a.window, a.aligned, strength=a.strength, sure=a.sure):
                    woke[label].append(f"{a.stream} at {a.at / 60:.1f} min ({check.heard[-1]})")
        print(f"  {name}: {hours:.2f} h so far; spots {spots['two']} with two copies,"
              f" {spots['three']} with three ({spots['added']} added, {spots['gone']} gone);"
              f" the check confirms {len(woke['added'])} added, {len(woke['gone'])} gone",
              flush=True)
    for label in ("added", "gone"):
        print(f"{label} spots the check confirms: {len(woke[label])} of {spots[label]}"
              + "".join(f"\n    {w}" for w in woke[label]), flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cost", type=float, default=0.0, metavar="S",
                    help="time the spotter alone on S seconds of audio instead")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--minutes", type=float, default=150)
    ap.add_argument("--streams", default="",
                    help="only these of the seed's streams (0-7, comma-separated)")
    ap.add_argument("--okay-everyday", choices=["tune", "held"])
    ap.add_argument("--cache", type=Path, default=Path("/tmp/voice-wake-bench"))
    args = ap.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    if args.cost:
        cost(args.cost, args.cache, args.seed)
    else:
        replay(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
