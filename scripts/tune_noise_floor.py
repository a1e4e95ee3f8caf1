#!/usr/bin/env python3
"""Which utterances the Whisper engine's noise gate acts on, and why
(voice/speech_in/whisper/noise_gate.py; docs/speech-in.md, "Session 24
(branch hear25)"). No decoding: for each clip longer than a short reply, as
the engine's speech gate hands it to the decoder, its noise floor
(``noise_floor_dbfs``) and the spread of its quietest frames' spectral shape
(``floor_spread_db``), and how many clips each rule gates:

- ``floor``: the floor rule alone (session 23, branch hear24b);
- ``steady``: the floor rule and a steady floor (``is_steady_noise``).

Sets, tuning halves only: tuning.tsv's espeak-ng clips (every ``--stride``-th
of the six conditions), the tuning half of tests/data/real/ (its sentences:
the digits and commands are short replies) and of the longer real
recordings (tune_denoise.py's ``people``). ``--heldout``: heldout.tsv (every
clip) and the recordings' held-out halves, and only how many clips each
rule gates (which conditions the rules differ on, so which the held-out
decode needs).

    PYTHONPATH=$PWD python scripts/tune_noise_floor.py [--heldout]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import pad  # noqa: E402
from make_spoken_questions import BENCHMARK_VARIANTS  # noqa: E402
from real_speech import half, padded, real_clips  # noqa: E402
from tune_denoise import _gated, espeak_clips, people_clips  # noqa: E402

from voice.audio.clip import read_wav  # noqa: E402
from voice.speech_in.whisper import noise_gate  # noqa: E402
from voice.speech_in.whisper.short_replies import is_short  # noqa: E402


def _range(v: list[float]) -> str:
    return f"{min(v):.1f} / {float(np.median(v)):.1f} / {max(v):.1f}" if v else "-"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stride", type=int, default=2)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--heldout", action="store_true",
                    help="the held-out halves, stride 1: counts of gated clips only")
    args = ap.parse_args()
    which = "held-out" if args.heldout else "tuning"
    stride, offset = (1, 0) if args.heldout else (args.stride, args.offset)
    speech: dict[str, list[np.ndarray]] = defaultdict(list)
    conditions = {v.name for v in BENCHMARK_VARIANTS}
    for c, _, w in espeak_clips(stride, offset, conditions,
                                "heldout.tsv" if args.heldout else "tuning.tsv"):
        speech[f"espeak {c}"].append(_gated(pad(read_wav(w))))
    for r in real_clips("sentences"):
        if half(r.path) == which:
            speech["real sentences"].append(_gated(padded(r.path)))
    for p in people_clips(which):
        speech[f"people {p.set}"].append(_gated(padded(p.path)))
    print("group: clips longer than a short reply; floor dBFS and spread dB (min / median / "
          "max); spread over the floor rule; gated by floor, steady")
    for group, clips in sorted(speech.items()):
        long = [s for s in clips if not is_short(len(s))]
        floors = [noise_gate.noise_floor_dbfs(s) for s in long]
        spreads = [noise_gate.floor_spread_db(s) for s in long]
        over = [sp for f, sp in zip(floors, spreads, strict=True) if f >= noise_gate.MIN_FLOOR_DBFS]
        by_floor = len(over)
        steady = sum(sp <= noise_gate.MAX_FLOOR_SPREAD_DB for sp in over)
        if args.heldout:
            print(f"  {group:<30} {len(long):>3}  gated {by_floor}, {steady}")
            continue
        print(f"  {group:<30} {len(long):>3}  floor {_range(floors)}  spread {_range(spreads)}"
              f"  over the floor {_range(over)}  gated {by_floor}, {steady}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
