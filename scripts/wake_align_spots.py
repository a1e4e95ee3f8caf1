"""The likelihood check's margins on known false-wake spots (confirm.ALIGN_CHECK).

Run: ``nice -n 10 .venv/bin/python scripts/wake_align_spots.py --tree DIR
--spot 43:en-us:3420.66 [--spot SEED:VOICE:SECONDS ...] [--minutes 600] [--lead 60]``

For each spot (a false wake logged by ``benchmark_wake.py --negatives-only``:
the seed, the reader, and the seconds into its stream), the reader's stream
is rebuilt as wake_false_spot.py does (``--tree``: the sentences as they were
when the run was made), and the real detector and check (micro.py,
confirm.py, every window decoded) hear ``--lead`` seconds before it to 2 s
after it. Every spot the check decodes there is printed with its prompted
decodes, the unprompted decodes at the network's peak ("peak0/1") and the
likelihood margins ("align0/1": how much better, in nats a token, the short
window fits its unprompted decode than "Okay Nabu.").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
for p in (REPO, REPO / "scripts"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import benchmark_wake as bench  # noqa: E402
import wake_false_spot  # noqa: E402

from voice.audio.clip import RECOGNIZER_RATE  # noqa: E402
from voice.speech_in.wake import confirm  # noqa: E402
from voice.speech_in.wake.confirm import load_confirmer  # noqa: E402
from voice.speech_in.wake.micro import load_micro  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--spot", action="append", required=True, help="SEED:VOICE:SECONDS")
    ap.add_argument("--minutes", type=float, default=600)
    ap.add_argument("--lead", type=float, default=60.0, help="seconds heard before the spot")
    ap.add_argument("--tree", type=Path, help="content as it was when the benchmark ran")
    ap.add_argument("--any-floor", action="store_true",
                    help="check every window written as the phrase, at any avg_logprob (the"
                         " stream's state before the spot moves the scores by a few hundredths)")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/voice-wake-bench"))
    args = ap.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    if args.tree:
        bench.REPO = args.tree
    confirmer = load_confirmer("okay nabu")
    confirmer.decode_all = True
    if args.any_floor:
        confirm.ALIGNED_LOGPROB = confirmer.sure_logprob = -99.0
    detector = load_micro("okay nabu", confirmer=confirmer)
    for spot in args.spot:
        seed, voice, at = spot.split(":")
        pcm, _picked = wake_false_spot.read_stream(int(seed), voice, args.minutes, args.cache)
        start = max(0, int((float(at) - args.lead) * RECOGNIZER_RATE))
        part = pcm[start:int((float(at) + 2.0) * RECOGNIZER_RATE)]
        print(f"seed {seed}, {voice}, {float(at) - args.lead:.1f}-{float(at) + 2:.1f} s:")
        detector.reset()
        seen = len(confirmer.decodes)
        for i in range(0, len(part), bench.CHUNK):
            woke = detector.feed(part[i:i + bench.CHUNK])
            new = confirmer.decodes[seen:]
            seen = len(confirmer.decodes)
            when = start / RECOGNIZER_RATE + (i + bench.CHUNK) / RECOGNIZER_RATE
            for d in new:
                print(f"  {when:8.2f} s {d.kind:7s} {d.avg_logprob:6.2f} {d.text!r}"
                      f" (strength {d.strength:.2f})")
            if woke:
                print(f"  {when:8.2f} s WAKES")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
