"""Keep every spot's audio around the network's peak, to try second decodes offline.

Run: ``nice -n 10 .venv/bin/python scripts/wake_peak_capture.py --set okay|phrases|prefixed
[--draw N ...] [--half tune] [--seed S] --out F.pkl``

The detector (micro.py, the real network and Whisper check of ``voice
listen``) hears the benchmark's streams (scripts/benchmark_wake.py); the
check decodes every window of every spot (as ``--decodes`` does) and never
wakes, so every spot is kept, and for each one this writes: the clip, where
the network's probability peaked (``ended``, samples into the clip), how
sure the network was, every window's prompted decode, and the clip's audio
from 3.5 s before the peak to 1 s after it. ``wake_peak_rule.py`` replays
main's floors (and the wakes' 1 s refractory) and rules on top of them.

Sets: ``okay`` every sentence saying "ok"/"okay" (benchmark_wake.py
--okay-sentences), ``prefixed`` other sentences with "Okay, "/"Ok, " put in
front (a fresh set, never tuned on: benchmark_wake.okay_prefixed), ``phrases``
the phrase draws (``--half``, ``--draw``) and the real people's clips.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
for p in (REPO, REPO / "scripts"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import benchmark_wake as bench  # noqa: E402
import numpy as np  # noqa: E402

from voice.audio.clip import RECOGNIZER_RATE  # noqa: E402
from voice.speech_in.wake.confirm import load_confirmer  # noqa: E402
from voice.speech_in.wake.micro import load_micro  # noqa: E402

BEFORE_PEAK = 3.5
AFTER_PEAK = 1.0


class Recorder:
    """The check, decoding every window, recording each spot, never waking."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        inner.decode_all = True
        self.heard = inner.heard
        self.decodes = inner.decodes
        self.detector: Any = None
        self.spots: list[dict[str, Any]] = []

    def confirms(self, window: np.ndarray, aligned: Any = (), strength: float = 0.0) -> bool:
        n = len(self.inner.decodes)
        self.inner.confirms(window, aligned, strength=strength)
        d = self.detector
        self.spots.append({"ended": int(d._peak[1]), "fed": int(d.fed), "strength": strength,
                           "decodes": [(x.kind, x.text, round(x.avg_logprob, 3))
                                       for x in self.inner.decodes[n:]]})
        return False


def streams(args: argparse.Namespace) -> list[tuple[str, np.ndarray]]:
    cache = Path("/tmp/voice-wake-bench")
    cache.mkdir(exist_ok=True)
    if args.set == "okay":
        return [(f"neg {n}", pcm) for n, pcm in bench.okay_negatives("okay nabu", cache)]
    if args.set == "prefixed":
        return [(f"neg {n}", pcm) for n, pcm in
                bench.okay_prefixed("okay nabu", cache, args.seed, args.sentences)]
    out: list[tuple[str, np.ndarray]] = []
    for draw in args.draw:
        out += [(f"pos d{draw} {n}", pcm)
                for n, pcm in bench.positives("okay nabu", cache, args.half, draw)]
    if args.real:
        out += [(f"real {n}", pcm) for n, pcm in bench.real_positives("okay nabu", cache)]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=("okay", "prefixed", "phrases"), required=True)
    ap.add_argument("--draw", type=int, nargs="*", default=[0])
    ap.add_argument("--half", default="tune")
    ap.add_argument("--real", action="store_true", help="phrases: the real people's clips too")
    ap.add_argument("--seed", type=int, default=1, help="prefixed: which sentences")
    ap.add_argument("--sentences", type=int, default=75, help="prefixed: how many")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args(argv)
    rec = Recorder(load_confirmer("okay nabu"))
    det = load_micro("okay nabu", confirmer=rec)
    rec.detector = det
    clips: dict[str, Any] = {}
    started = time.monotonic()
    seconds = 0.0
    for name, pcm in streams(args):
        det.reset()
        rec.spots = []
        network = []
        for i in range(0, len(pcm), bench.CHUNK):
            if det.feed(pcm[i:i + bench.CHUNK]):
                network.append(det.fed)  # the network alone, above its cutoff
        for s in rec.spots:
            a = max(0, s["ended"] - int(BEFORE_PEAK * RECOGNIZER_RATE))
            s["start"] = a
            s["audio"] = pcm[a:s["ended"] + int(AFTER_PEAK * RECOGNIZER_RATE)].copy()
        clips[name] = {"network": network, "spots": rec.spots, "seconds": len(pcm) / 16000}
        seconds += len(pcm) / RECOGNIZER_RATE
        print(f"{name}: {len(rec.spots)} spots, network wakes {len(network)}", flush=True)
    args.out.write_bytes(pickle.dumps({"args": vars(args), "clips": clips}))
    print(f"{seconds / 3600:.2f} h of audio in {(time.monotonic() - started) / 60:.1f} min")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
