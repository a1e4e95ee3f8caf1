"""Which speeds the louder copy's networks should hear at: the network alone,
per (gain, speed) path, on tuning draws and on speech not addressed to it.

Run (tuning half only: this names clips)::

    .venv/bin/python scripts/wake_beside_speeds.py --draws 23-26
    .venv/bin/python scripts/wake_beside_speeds.py --negatives-seed 16 --minutes 80

No Whisper. Each path is one network fed every feature frame (speed 1) or
only some (as if said ``speed`` times faster, micro._Path), of the audio as
it is (gain 1) or ``micro.BESIDE_GAIN`` times louder. A configuration is a
set of paths; a phrase is spotted when its best mean of 5 on any path of the
set reaches micro.SPOT_CUTOFF while it is said (wake_network_gain.best_mean's
span). With ``--negatives-seed``: spots (crossings of the spot cutoff, 1 s
apart, over the set's paths) in ``benchmark_wake.negatives``. Session 24,
docs/wake-word.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import benchmark_wake as bw
from wake_network_gain import _numbers, best_mean

from voice.speech_in.wake import micro

GAINS = (1.0, micro.BESIDE_GAIN)
PATH_SPEEDS = (1.0, 1.33, 1.67, 2.0, 2.33)
#: The configurations compared: the shipped (as it is and x3 at SPEEDS) and others.
CONFIGS: dict[str, list[tuple[float, float]]] = {
    "as it is only": [(1.0, s) for s in micro.SPEEDS],
    "shipped (x3 at 1, 1.33, 1.67)": [(g, s) for g in GAINS for s in micro.SPEEDS],
    "x3 at 1.33, 1.67, 2": [(1.0, s) for s in micro.SPEEDS]
    + [(micro.BESIDE_GAIN, s) for s in (1.33, 1.67, 2.0)],
    "x3 at 1, 1.67, 2": [(1.0, s) for s in micro.SPEEDS]
    + [(micro.BESIDE_GAIN, s) for s in (1.0, 1.67, 2.0)],
    "x3 at 1, 1.33, 2": [(1.0, s) for s in micro.SPEEDS]
    + [(micro.BESIDE_GAIN, s) for s in (1.0, 1.33, 2.0)],
    "x3 at 1, 1.33, 1.67, 2": [(1.0, s) for s in micro.SPEEDS]
    + [(micro.BESIDE_GAIN, s) for s in (1.0, 1.33, 1.67, 2.0)],
    "x3 at 1, 2, 2.33": [(1.0, s) for s in micro.SPEEDS]
    + [(micro.BESIDE_GAIN, s) for s in (1.0, 2.0, 2.33)],
    "x3 at 1.67, 2, 2.33": [(1.0, s) for s in micro.SPEEDS]
    + [(micro.BESIDE_GAIN, s) for s in (1.67, 2.0, 2.33)],
}


class Paths:
    """One network per (gain, speed), each fed its own copy's features."""

    def __init__(self) -> None:
        from pymicro_wakeword import MicroWakeWordFeatures

        self.keys = [(g, s) for g in GAINS for s in PATH_SPEEDS]
        lib = micro.tflite_library()
        model = micro.micro_model_for("okay nabu")
        assert lib is not None and model is not None
        data = micro._verified_bytes(model, micro.models_folder())  # type: ignore[arg-type]
        self.paths = {k: micro._Path(k[1], micro._Network(data, lib)) for k in self.keys}
        self.features = {g: MicroWakeWordFeatures() for g in GAINS}

    def events(self, pcm: np.ndarray) -> dict[tuple[float, float], list[tuple[int, float, int]]]:
        out: dict[tuple[float, float], list[tuple[int, float, int]]] = {k: [] for k in self.keys}
        for path in self.paths.values():
            path.reset()
        for g in GAINS:
            self.features[g].reset()
            frame = 0
            for i in range(0, len(pcm), bw.CHUNK):
                heard = micro.louder(pcm[i:i + bw.CHUNK], g)
                for f in self.features[g].process_streaming(heard.tobytes()):
                    frame += 1
                    for s in PATH_SPEEDS:
                        p = self.paths[(g, s)].take(frame - 1, f)
                        if p is not None:
                            out[(g, s)].append((0, p, frame * 160))
        return out


def phrases(args: argparse.Namespace) -> None:
    paths = Paths()
    caught = {c: 0 for c in CONFIGS}
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
            ev = paths.events(pcm)
            best = {k: best_mean(e, span) for k, e in ev.items()}
            total += 1
            for c, ks in CONFIGS.items():
                caught[c] += max(best[k] for k in ks) >= micro.SPOT_CUTOFF
            print(f"draw {draw} {name}: " + " ".join(
                f"x{g:g}@{s:g} {best[(g, s)]:.3f}" for g, s in paths.keys), flush=True)
    for c, n in caught.items():
        print(f"{c}: {n} of {total} reach the spot cutoff {micro.SPOT_CUTOFF:g}")


def negatives(args: argparse.Namespace) -> None:
    paths = Paths()
    spots = {c: 0 for c in CONFIGS}
    hours = 0.0
    for name, pcm in bw.negatives(args.minutes, args.cache, seed=args.negatives_seed):
        ev = paths.events(pcm)
        for c, ks in CONFIGS.items():
            merged = sorted(((i, p, at) for i, k in enumerate(ks) for _z, p, at in ev[k]),
                            key=lambda e: e[2])
            spots[c] += micro.Decision(micro.SPOT_CUTOFF, 5, len(ks)).count(merged)
        hours += len(pcm) / bw.RECOGNIZER_RATE / 3600
        print(f"{name}: {hours:.2f} h; " + "; ".join(f"{c} {n}" for c, n in spots.items()),
              flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--draws", default="23", help="tuning draws, e.g. 23-26")
    ap.add_argument("--kinds", default="clean,pink,tv", help="clean, pink, tv (comma-separated)")
    ap.add_argument("--negatives-seed", type=int, default=None)
    ap.add_argument("--minutes", type=float, default=80)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/voice-wake-bench"))
    args = ap.parse_args(argv)
    if args.negatives_seed is not None:
        negatives(args)
    else:
        phrases(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
