"""Benchmark the "stop" word model on real people: false stops and catches.

Run: ``.venv/bin/python scripts/benchmark_stop_word.py [--half tuning|held-out|both]
[--cutoff P] [--window N] [--hiss H] [--list]``

Every real recording under tests/data/real/ (commands, digits, sentences;
tests/data/real/README.md) is streamed through the spotter
(voice/speech_in/wake/stop_word.py) in 10 ms blocks, as the microphone feeds
it live, with 0.5 s of silence before and 1 s after, from a fresh state. No
echo: the word alone, as a visitor in the room says it. A firing on anything
but "stop" would stop the user's answer (a false stop); a "stop" that does
not fire is missed. Also espeak-ng's "stop" in the voices of
scripts/benchmark_barge_in.py (synthetic, a check, not a figure for people).

The clips are split in halves by their bytes (scripts/real_speech.py's
half()); tune on ``--half tuning``; the held-out half is printed as totals
only (``--list`` names the tuning half's false stops and misses).
``--hiss 0`` turns the /s/ check off (the model alone, as before it).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
for p in (REPO, REPO / "scripts"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import numpy as np  # noqa: E402

from voice.audio.clip import read_wav  # noqa: E402

REAL = REPO / "tests" / "data" / "real"
BLOCK = 160  # 10 ms
STOP_VOICES = [("en+f3", 150), ("en-us+m3", 120), ("en-gb-x-rp+f2", 170), ("en-029+f4", 100),
               ("en-us", 150)]


def group(path: Path) -> str:
    """What a clip is, for the table: the command word, "digit (8 kHz)",
    "digit" or "sentence"."""
    name = path.stem
    if name.startswith("sc_") and path.parent.name == "commands":
        return name.split("_")[1]
    if name.startswith("fsdd_"):
        return "digit (8 kHz)"
    if name.startswith("sc_"):
        return "digit"
    return "sentence"


def stream(spotter: object, pcm: np.ndarray) -> tuple[int, float]:
    """Firings and peak (window-averaged) probability of ``pcm`` (16 kHz int16)
    from a fresh state."""
    spotter.reset()  # type: ignore[attr-defined]
    quiet = np.zeros(8000, np.int16)
    x = np.concatenate([quiet, pcm.astype(np.int16), quiet, quiet])
    fired = sum(bool(spotter.feed(x[i:i + BLOCK]))  # type: ignore[attr-defined]
                for i in range(0, len(x) - BLOCK + 1, BLOCK))
    return fired, float(spotter.peak)  # type: ignore[attr-defined]


def clip16(path: Path) -> np.ndarray:
    return read_wav(path).to_mono().resampled(16000).samples.reshape(-1)


def main(argv: list[str] | None = None) -> int:
    from real_speech import half

    from voice.speech_in.wake.stop_word import STOP_MODEL, load_stop_spotter

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", choices=("tuning", "held-out", "both"), default="both")
    ap.add_argument("--cutoff", type=float, default=None)
    ap.add_argument("--window", type=int, default=None)
    ap.add_argument("--hiss", type=float, default=None,
                    help="the /s/ check's share of energy above 3 kHz (0: off)")
    ap.add_argument("--list", action="store_true", help="name the tuning half's errors")
    args = ap.parse_args(argv)

    spotter, problem = load_stop_spotter(REPO / "models" / STOP_MODEL, cutoff=args.cutoff,
                                         window=args.window, hiss=args.hiss)
    if spotter is None:
        print(problem)
        return 1
    s = spotter.settings
    print(f"stop-word model: cutoff {s.cutoff}, window {s.window}, "
          f"/s/ check {'off' if s.hiss <= 0 else f'>= {s.hiss}'}; real people, 10 ms blocks, "
          "no echo")
    clips = sorted(p for p in REAL.rglob("*.wav") if "wake" not in p.parts)
    halves = ("tuning", "held-out") if args.half == "both" else (args.half,)
    for which in halves:
        mine = [p for p in clips if half(p) == which]
        fired_by: Counter[str] = Counter()
        total_by: Counter[str] = Counter()
        stop_peaks: list[float] = []
        caught = 0
        errors: list[str] = []
        for path in mine:
            g = group(path)
            fired, peak = stream(spotter, clip16(path))
            total_by[g] += 1
            if g == "stop":
                stop_peaks.append(peak)
                caught += fired > 0
                if not fired:
                    errors.append(f"missed {path.name} (peak {peak:.2f})")
            elif fired:
                fired_by[g] += 1
                errors.append(f"false stop {path.name} (peak {peak:.2f})")
        n_stop = total_by.pop("stop", 0)
        false = sum(fired_by.values())
        people = sum(total_by.values())
        yes_no = sum(fired_by[w] for w in ("yes", "no"))
        n_yes_no = total_by["yes"] + total_by["no"]
        print(f"{which} half: 'stop' caught {caught}/{n_stop}"
              + (f" (peak probability {min(stop_peaks):.2f}-{max(stop_peaks):.2f})"
                 if stop_peaks else "")
              + f"; false stops {false}/{people} other clips, 'yes'/'no' {yes_no}/{n_yes_no}")
        print("  false stops by what was said: " + ", ".join(
            f"{g} {fired_by[g]}/{total_by[g]}" for g in sorted(total_by)))
        if args.list and which == "tuning":
            for e in errors:
                print("  " + e)
    with tempfile.TemporaryDirectory() as tmp:
        heard = 0
        for voice, rate in STOP_VOICES:
            wav = Path(tmp) / f"stop-{voice}.wav"
            subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(wav), "stop"],
                           check=True)
            heard += stream(spotter, clip16(wav))[0] > 0
        print(f"espeak-ng 'stop' (synthetic): caught {heard}/{len(STOP_VOICES)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
