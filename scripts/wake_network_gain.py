"""How strongly the network alone hears the tuning phrases, and how often it
spots speech not addressed to it, when it hears the audio louder.

Run (tuning half only: this names clips)::

    .venv/bin/python scripts/wake_network_gain.py --draws 0,1,3-10,12-20 --kinds tv \\
        --gains 1,2
    .venv/bin/python scripts/wake_network_gain.py --negatives-seed 91 --minutes 240 --gains 1,2,3

No Whisper: for each phrase clip of ``benchmark_wake.positives`` (tuning
half), the network's best mean of 5 (micro's three speeds) while the phrase
is said (from its first sample louder than 50 to 0.5 s after its last, in
the clean copy), at each gain (micro.INPUT_GAIN); a phrase whose best mean
stays under micro.SPOT_CUTOFF is never decoded. With ``--negatives-seed``:
the crossings of 0.05 (spots), 0.4 (confirm.FAIRLY_SURE) and 0.8 (the
network's cutoff) in ``benchmark_wake.negatives`` (1 s apart). Session 22,
docs/wake-word.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchmark_wake as bw

from voice.speech_in.wake import micro

CROSSINGS = (micro.SPOT_CUTOFF, 0.4, 0.8)


def _numbers(text: str) -> list[int]:
    out: list[int] = []
    for part in text.split(","):
        a, _, b = part.partition("-")
        out.extend(range(int(a), int(b or a) + 1))
    return out


def _events(detector: micro.MicroWakeDetector, pcm: np.ndarray,
            gain: float) -> list[tuple[int, float, int]]:
    detector.reset()
    detector.keep = True
    detector.input_gain = gain
    for i in range(0, len(pcm), bw.CHUNK):
        detector.feed(pcm[i:i + bw.CHUNK])
    return list(detector.events)


def best_mean(events: list[tuple[int, float, int]], span: tuple[int, int],
              window: int = 5) -> float:
    """The highest mean of ``window`` probabilities on any path, ending within ``span``."""
    best = 0.0
    for path in {e[0] for e in events}:
        ps = [(p, at) for i, p, at in events if i == path]
        for k in range(window, len(ps) + 1):
            if span[0] <= ps[k - 1][1] <= span[1]:
                best = max(best, sum(p for p, _ in ps[k - window:k]) / window)
    return best


def phrases(args: argparse.Namespace, gains: list[float]) -> None:
    detector = micro.load_micro("okay nabu")
    caught = {g: 0 for g in gains}
    total = 0
    span = (0, 0)
    for draw in _numbers(args.draws):
        for name, pcm in bw.positives("okay nabu", args.cache, "tune", draw):
            kind = name.split()[-2] if not name.endswith("clean") else "clean"
            if kind == "clean":
                loud = np.nonzero(np.abs(pcm.astype(np.int32)) > 50)[0]
                span = (int(loud[0]), int(loud[-1]) + bw.RECOGNIZER_RATE // 2)
            if kind not in args.kinds.split(","):
                continue
            means = {g: best_mean(_events(detector, pcm, g), span) for g in gains}
            total += 1
            for g, m in means.items():
                caught[g] += m >= micro.SPOT_CUTOFF
            print(f"draw {draw} {name}: " + " ".join(f"x{g:g} {m:.3f}" for g, m in means.items()),
                  flush=True)
    for g in gains:
        print(f"gain {g:g}: {caught[g]} of {total} reach the spot cutoff {micro.SPOT_CUTOFF:g}")


def negatives(args: argparse.Namespace, gains: list[float]) -> None:
    detector = micro.load_micro("okay nabu")
    counts = {g: dict.fromkeys(CROSSINGS, 0) for g in gains}
    hours = 0.0
    for name, pcm in bw.negatives(args.minutes, args.cache, seed=args.negatives_seed):
        for g in gains:
            events = _events(detector, pcm, g)
            for c in CROSSINGS:
                counts[g][c] += micro.Decision(c, detector.window, 3).count(events)
        hours += len(pcm) / bw.RECOGNIZER_RATE / 3600
        print(f"{name}: {hours:.2f} h; " + "; ".join(
            f"x{g:g} " + ", ".join(f"{n} above {c:g}" for c, n in counts[g].items())
            for g in gains), flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--draws", default="0", help="tuning draws, e.g. 0,1,3-10")
    ap.add_argument("--kinds", default="tv", help="clean, pink, tv (comma-separated)")
    ap.add_argument("--gains", default="1,2")
    ap.add_argument("--negatives-seed", type=int, default=None)
    ap.add_argument("--minutes", type=float, default=240)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/voice-wake-bench"))
    args = ap.parse_args(argv)
    gains = [float(g) for g in args.gains.split(",")]
    if args.negatives_seed is not None:
        negatives(args, gains)
    else:
        phrases(args, gains)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
