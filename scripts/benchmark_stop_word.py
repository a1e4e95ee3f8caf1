"""Benchmark the "stop" word model on real people: false stops and catches.

Run: ``.venv/bin/python scripts/benchmark_stop_word.py [--half tuning|held-out|both]
[--check hiss|off] [--cutoff P] [--window N] [--hiss H] [--hiss-hz HZ] [--list]
[--candidates]``

Every real recording (scripts/real_stop_words.py: tests/data/real/commands,
digits, sentences and stop_words; their READMEs) is streamed through the
spotter (voice/speech_in/wake/stop_word.py) in 20 ms blocks, as barge-in
feeds it live, with 0.5 s of silence before and 1 s after, from a
fresh state. No echo: the word alone, as a visitor in the room says it. A
firing on anything but "stop" would stop the user's answer (a false stop); a
"stop" that does not fire is left to Whisper's quick look (later). For the
"stop"s accepted: the median delay from the word's end (its last 10 ms
within 25 dB of its loudest) to the firing, in 10 ms frames. Also espeak-ng's
"stop" in the voices of scripts/benchmark_barge_in.py (synthetic, a check,
not a figure for people).

Tune on ``--half tuning``; the held-out half is printed as totals only
(``--list`` names the tuning half's false stops and misses).
``--candidates`` runs the model once per clip and then scores each rule the
/s/ check could use (none; the share of energy above 2-5 kHz at 0.3-0.9)
on the same firings: how HISS and HISS_HZ were chosen.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
for p in (REPO, REPO / "scripts"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import numpy as np  # noqa: E402

from voice.audio.clip import read_wav  # noqa: E402

BLOCK = 320  # 20 ms, as barge-in feeds it (voice/audio/barge_in.py)
TEN_MS = 160
STOP_VOICES = [("en+f3", 150), ("en-us+m3", 120), ("en-gb-x-rp+f2", 170), ("en-029+f4", 100),
               ("en-us", 150)]
#: Words a false stop on is the worst: the replies said over an answer, with no /s/.
REPLIES = ("no", "go", "right")


def padded(pcm: np.ndarray) -> np.ndarray:
    quiet = np.zeros(8000, np.int16)
    return np.concatenate([quiet, pcm.astype(np.int16), quiet, quiet])


def word_end(pcm: np.ndarray) -> int:
    """The sample after the word's last 10 ms within 25 dB of its loudest."""
    n = len(pcm) // TEN_MS * TEN_MS
    level = 10 * np.log10((pcm[:n].astype(np.float64).reshape(-1, TEN_MS) ** 2).mean(axis=1)
                          + 1e-9)
    return int((np.nonzero(level >= level.max() - 25)[0][-1] + 1) * TEN_MS)


def stream(spotter: object, pcm: np.ndarray) -> tuple[list[int], float]:
    """The samples (of the padded clip) at which the spotter fired on ``pcm``
    (16 kHz int16, padded here), from a fresh state, and its peak probability."""
    spotter.reset()  # type: ignore[attr-defined]
    x = padded(pcm)
    fired = [i + BLOCK for i in range(0, len(x) - BLOCK + 1, BLOCK)
             if spotter.feed(x[i:i + BLOCK])]  # type: ignore[attr-defined]
    return fired, float(spotter.peak)  # type: ignore[attr-defined]


def clip16(path: Path) -> np.ndarray:
    return read_wav(path).to_mono().resampled(16000).samples.reshape(-1)


def _report(which: str, results: list[tuple[Any, list[int], np.ndarray]],
            names: bool) -> None:
    """One half's figures: ``results`` is (clip, firings, pcm) per clip."""
    fired_by: Counter[str] = Counter()
    total_by: Counter[str] = Counter()
    caught, delays, errors = 0, [], []
    for clip, fired, pcm in results:
        word = clip.word
        total_by[word] += 1
        if word == "stop":
            if fired:
                caught += 1
                delays.append((fired[0] - 8000 - word_end(pcm)) / TEN_MS)
            else:
                errors.append(f"not at once: {clip.path.name}")
        elif fired:
            fired_by[word] += 1
            errors.append(f"false stop: {clip.path.name}")
    n_stop = total_by.pop("stop", 0)
    replies = sum(fired_by[w] for w in REPLIES)
    n_replies = sum(total_by[w] for w in REPLIES)
    delay = f"{statistics.median(delays):+.0f}" if delays else "-"
    print(f"{which} half: 'stop' accepted at once {caught}/{n_stop} "
          f"(median {delay} frames of 10 ms after the word's end); false stops "
          f"{sum(fired_by.values())}/{sum(total_by.values())} other clips, "
          f"'no'/'go'/'right' {replies}/{n_replies}")
    print("  false stops by what was said: " + ", ".join(
        f"{g} {fired_by[g]}/{total_by[g]}" for g in sorted(total_by)))
    if names:
        for e in errors:
            print("  " + e)


def candidates(spotter: object, clips: list[Any], which: str) -> None:
    """Score each /s/ rule on the same firings: the model alone is run once per
    clip, and a rule then accepts or refuses each firing from its audio."""
    from voice.speech_in.wake.stop_word import HISS_SECONDS, hiss

    traced = []
    for c in clips:
        pcm = clip16(c.path)
        fired, _ = stream(spotter, pcm)
        traced.append((c, fired, pcm, padded(pcm)))
    span = int(HISS_SECONDS * 16000)
    rules: list[tuple[str, float, float]] = [("none", 0.0, 0.0)]
    rules += [(f">= {t} above {hz} Hz", t, hz) for hz in (2000, 2500, 3000, 3500, 4000, 4500,
                                                          5000)
              for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)]
    print(f"{which} half, candidate rules (share of a 20 ms frame's energy above the edge, "
          f"in the last {HISS_SECONDS} s):")
    print(f"  {'rule':24s} stops   delay  false  'no'/'go'/'right'  16 kHz clips' false")
    for name, t, hz in rules:
        caught, n_stop, false, n_other, replies, wide, n_wide, delays = 0, 0, 0, 0, 0, 0, 0, []
        for c, fired, pcm, x in traced:
            ok = [f for f in fired if t <= 0 or hiss(x[max(0, f - span):f], hz=hz) >= t]
            word = c.word
            if word == "stop":
                n_stop += 1
                if ok:
                    caught += 1
                    delays.append((ok[0] - 8000 - word_end(pcm)) / TEN_MS)
                continue
            n_other += 1
            false += bool(ok)
            replies += bool(ok) and word in REPLIES
            if word != "digit (8 kHz)":
                n_wide += 1
                wide += bool(ok)
        d = f"{statistics.median(delays):+.0f}" if delays else "-"
        print(f"  {name:24s} {caught:2d}/{n_stop}  {d:>5s}  {false:3d}/{n_other}  {replies:2d}"
              f"                 {wide:3d}/{n_wide}")


def main(argv: list[str] | None = None) -> int:
    from real_stop_words import word_clips

    from voice.speech_in.wake.stop_word import STOP_CHECKS, STOP_MODEL, load_stop_spotter

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", choices=("tuning", "held-out", "both"), default="both")
    ap.add_argument("--check", choices=STOP_CHECKS, default="hiss",
                    help="[listen] stop_check: the /s/ check, or the model alone")
    ap.add_argument("--cutoff", type=float, default=None)
    ap.add_argument("--window", type=int, default=None)
    ap.add_argument("--hiss", type=float, default=None,
                    help="the /s/ check's share of energy above --hiss-hz (0: off)")
    ap.add_argument("--hiss-hz", type=float, default=None, help="the /s/ check's edge")
    ap.add_argument("--list", action="store_true", help="name the tuning half's errors")
    ap.add_argument("--candidates", action="store_true",
                    help="score every candidate /s/ rule (on the tuning half unless --half)")
    args = ap.parse_args(argv)

    folder = REPO / "models" / STOP_MODEL
    if args.candidates:
        spotter, problem = load_stop_spotter(folder, cutoff=args.cutoff, window=args.window,
                                             check="off")
        if spotter is None:
            print(problem)
            return 1
        which = "tuning" if args.half == "both" else args.half
        candidates(spotter, [c for c in word_clips() if c.half == which], which)
        return 0
    spotter, problem = load_stop_spotter(folder, cutoff=args.cutoff, window=args.window,
                                         hiss=args.hiss, hiss_hz=args.hiss_hz, check=args.check)
    if spotter is None:
        print(problem)
        return 1
    s = spotter.settings
    print(f"stop-word model: cutoff {s.cutoff}, window {s.window}, /s/ check "
          f"{'off' if s.hiss <= 0 else f'>= {s.hiss} above {s.hiss_hz:.0f} Hz'}; "
          "real people, 20 ms blocks, no echo")
    clips = word_clips()
    halves = ("tuning", "held-out") if args.half == "both" else (args.half,)
    for which in halves:
        results = []
        for c in clips:
            if c.half == which:
                pcm = clip16(c.path)
                results.append((c, stream(spotter, pcm)[0], pcm))
        _report(which, results, args.list and which == "tuning")
    with tempfile.TemporaryDirectory() as tmp:
        heard = 0
        for voice, rate in STOP_VOICES:
            wav = Path(tmp) / f"stop-{voice}.wav"
            subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(wav), "stop"],
                           check=True)
            heard += bool(stream(spotter, clip16(wav))[0])
        print(f"espeak-ng 'stop' (synthetic): caught {heard}/{len(STOP_VOICES)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
