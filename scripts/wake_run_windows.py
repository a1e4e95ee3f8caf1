"""Could the short windows Whisper confirms be sized to the spot's own
probability run (where the network's probability rose and fell) instead of
the fixed ``confirm.ALIGNED`` (1.2, 1.8) s ending ``ALIGNED_PAD`` after the
peak? Session 30, branch wake36 (docs/wake-word.md): wake32's untried lever.

The network alone (no Whisper) hears each tuning phrase of
``benchmark_wake.positives``; for each clip it prints where the phrase is
said (the clean clip's speech: 10 ms frames above 5% of its loudest; the
phrase comes first, a question may follow), the path and time of the highest
probability (the peak), and the run around it (the frames of that path above
``micro.SPOT_CUTOFF``). Then, for each way of placing the window's start, how
many clips' phrase start it takes in: fixed lengths back from the peak
(``--fixed``), and ``--leads`` seconds before the run's rise. A window that
starts after the phrase starts holds only its end ("...nabu"), the short
window's failure wake32 saw for slow phrases.

Run::

    .venv/bin/python scripts/wake_run_windows.py --draws 23,25,27,28 --kinds clean
    .venv/bin/python scripts/wake_run_windows.py --draws 23,25,27,28 --kinds tv --show
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchmark_wake as bw

from voice.audio.clip import RECOGNIZER_RATE
from voice.speech_in.wake.confirm import ALIGNED, ALIGNED_PAD
from voice.speech_in.wake.micro import SPOT_CUTOFF, load_micro

SLOW = 105  # words a minute: the benchmark's slowest rate setting (90) drawn +-12


@dataclass
class Run:
    """One clip: where the phrase starts, and the network's peak and run (seconds)."""

    name: str
    wpm: int
    start: float
    peak: float
    rise: float
    fall: float
    height: float


def speech_start(pcm: np.ndarray) -> float:
    """Where the first 10 ms frame above 5% of the clip's loudest is."""
    x = pcm.astype(np.float64)
    frames = len(x) // 160
    rms = np.sqrt(np.mean(x[:frames * 160].reshape(frames, 160) ** 2, axis=1))
    return float(np.nonzero(rms > 0.05 * rms.max())[0][0] * 160 / RECOGNIZER_RATE)


def run_of(events: list[tuple[int, float, int]]) -> tuple[float, float, float, float] | None:
    """(peak, rise, fall, height) of the path holding the highest probability."""
    if not events:
        return None
    path, height, at = max(events, key=lambda e: e[1])
    seq = [(p, a) for i, p, a in events if i == path]
    k = [a for _p, a in seq].index(at)
    lo = hi = k
    while lo > 0 and seq[lo - 1][0] > SPOT_CUTOFF:
        lo -= 1
    while hi < len(seq) - 1 and seq[hi + 1][0] > SPOT_CUTOFF:
        hi += 1
    rate = RECOGNIZER_RATE
    return at / rate, seq[lo][1] / rate, seq[hi][1] / rate, height


def _label(name: str) -> tuple[str, str]:
    """("en-us 90 (99 wpm)", "tv") for "en-us 90 (99 wpm) tv 10dB"."""
    for kind in ("clean", "pink", "tv"):
        for tail in (f" {kind}", f" {kind} 10dB"):
            if name.endswith(tail):
                return name[: -len(tail)], kind
    return name, ""


def measure(draws: list[int], kinds: list[str], cache: Path) -> list[Run]:
    detector = load_micro("okay nabu")
    runs = []
    for draw in draws:
        starts: dict[str, float] = {}
        for name, pcm in bw.positives("okay nabu", cache, "tune", draw):
            base, kind = _label(name)
            if kind == "clean":  # the clean clip comes first: the phrase's start
                starts[base] = speech_start(pcm)
            if kind not in kinds:
                continue
            detector.reset()
            detector.keep = True
            for i in range(0, len(pcm), 480):
                detector.feed(pcm[i:i + 480])
            found = run_of(detector.events)
            if found is None:
                continue
            wpm = int(base.split("(")[1].split()[0]) if "(" in base else int(base.split()[-1])
            runs.append(Run(f"{draw} {name}", wpm, starts[base], *found))
    return runs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--draws", default="23,25,27,28")
    ap.add_argument("--kinds", default="clean", help="clean, pink, tv (comma-separated)")
    ap.add_argument("--fixed", default="1.8,2.0,2.2,2.4")
    ap.add_argument("--leads", default="1.0,1.2,1.4")
    ap.add_argument("--show", action="store_true", help="print every clip's run")
    ap.add_argument("--spotted", action="store_true",
                    help="only clips whose peak is over micro.SPOT_CUTOFF (the audio as it"
                         " is spots them)")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/voice-wake-bench"))
    args = ap.parse_args(argv)
    runs = measure([int(d) for d in args.draws.split(",")], args.kinds.split(","), args.cache)
    if args.spotted:
        runs = [r for r in runs if r.height > SPOT_CUTOFF]
    if not runs:
        print("no clip")
        return 1
    if args.show:
        for r in runs:
            print(f"{r.name:44s} phrase from {r.start:5.2f}  peak {r.height:.2f} at {r.peak:5.2f}  "
                  f"run {r.rise:5.2f}-{r.fall:5.2f}")
    slow = [r for r in runs if r.wpm < SLOW]
    need = [r.peak - r.start for r in runs]
    print(f"{len(runs)} clips with a probability ({len(slow)} slow, under {SLOW} wpm); "
          f"fixed windows end {ALIGNED_PAD} s after the peak (shipped: {ALIGNED})")
    if len(runs) > 2:
        print("correlation of the phrase's start-to-peak with: the run's rise-to-peak "
              f"{statistics.correlation(need, [r.peak - r.rise for r in runs]):.2f}, "
              "the run's length "
              f"{statistics.correlation(need, [r.fall - r.rise for r in runs]):.2f}, "
              f"words a minute {statistics.correlation(need, [float(r.wpm) for r in runs]):.2f}")
    print("window start | takes in the phrase's start | slow ones | mean length (s)")
    for s in (float(v) for v in args.fixed.split(",")):
        took = [r for r in runs if r.peak + ALIGNED_PAD - s <= r.start]
        print(f"fixed {s} s back from the end | {len(took)}/{len(runs)} | "
              f"{sum(r.wpm < SLOW for r in took)}/{len(slow)} | {s:.2f}")
    for lead in (float(v) for v in args.leads.split(",")):
        took = [r for r in runs if r.rise - lead <= r.start]
        mean = statistics.mean(r.peak + ALIGNED_PAD - (r.rise - lead) for r in runs)
        print(f"{lead} s before the run's rise | {len(took)}/{len(runs)} | "
              f"{sum(r.wpm < SLOW for r in took)}/{len(slow)} | {mean:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
