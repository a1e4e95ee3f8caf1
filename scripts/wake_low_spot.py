"""The TV-talk phrases of tuning draws alone, through benchmark_wake.py's run
(session 38, low_spot.py): a quicker live run of the clips the provisional
spots are for, and the provisional spots each clip's traces show.

Run (tuning half only: this names clips)::

    .venv/bin/python scripts/wake_low_spot.py --draw N [benchmark_wake.py flags]
    .venv/bin/python scripts/wake_low_spot.py --provisional-only --negatives-only --seed N \\
        --minutes 150 --low-cutoff 0.03 [--streams "tv 1,tv 2"] [flags]  # provisional spots only
    .venv/bin/python scripts/wake_low_spot.py --wakes T.json  # spots per clip from its traces
    .venv/bin/python scripts/wake_low_spot.py --gained D.json held N  # counts only

``--wakes``: for each clip of a ``--traces`` file, the times a mean of 5
on any of the nine paths crossed micro.SPOT_CUTOFF (the spots) and 0.03.
``--provisional-only``: the shipped spots refused undecoded (ProvisionalOnly),
so the wakes counted are the ones the provisional spots add.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
for _p in (REPO, REPO / "scripts"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

import benchmark_wake as bw  # noqa: E402

from voice.speech_in.wake import micro  # noqa: E402

PATHS = 9  # the audio as it is, x3 and x6, three speeds each


def spots_at(events: list[list[Any]], cutoff: float = micro.SPOT_CUTOFF) -> list[float]:
    """Seconds at which a mean of 5 on any path crossed ``cutoff`` (1 s apart)."""
    d = micro.Decision(cutoff, 5, PATHS)
    return [at / bw.RECOGNIZER_RATE for i, p, at in events if d.step(int(i), float(p), int(at))]


def _tv_only(positives: Any) -> Any:
    def tv(*a: Any, **k: Any) -> Iterator[tuple[str, np.ndarray]]:
        return ((n, x) for n, x in positives(*a, **k) if n.endswith("tv 10dB"))
    return tv


def gained(decodes: Path, half: str, draw: int, cache: Path) -> tuple[int, int, int]:
    """Counts only (held-out draws too): the draw's phrases the shipped path
    never spots (the network alone at micro's three gains, best mean of 5
    under micro.SPOT_CUTOFF on all nine paths), how many of them a run with
    the provisional spots (``decodes``) decoded, and how many of those woke
    by the replays (wake_stage_table's stages, wake_shift_retry's sets)."""
    from wake_network_gain import _events
    from wake_shift_retry import retry_groups, set_passes, shift_sets
    from wake_stage_table import clip_stage

    data = json.loads(decodes.read_text(encoding="utf-8"))
    detector = micro.load_micro("okay nabu")
    never = decoded = woke = 0
    gains = (1.0, micro.BESIDE_GAIN, micro.BESIDE_THIRD_GAIN)
    for name, pcm in bw.positives("okay nabu", cache, half, draw):
        best = max(max((sum(p for _i, p, _a in w) / 5 for w in _windows(_events(detector, pcm, g))),
                       default=0.0) for g in gains)
        if best >= micro.SPOT_CUTOFF:
            continue
        never += 1
        clip = f"pos {name}"
        if not data["decodes"].get(clip):
            continue
        decoded += 1
        woke += (clip_stage(data, clip)[0] == "woke"
                 or any(set_passes(rows) for _at, group in retry_groups(data, clip)
                        for _s, rows in shift_sets(group)))
    return never, decoded, woke


def _windows(events: list[tuple[int, float, int]]) -> Iterator[list[tuple[int, float, int]]]:
    """Every run of 5 probabilities in a row on one path."""
    for path in {e[0] for e in events}:
        ps = [e for e in events if e[0] == path]
        for k in range(5, len(ps) + 1):
            yield ps[k - 5:k]


class ProvisionalOnly:
    """The real confirmer for provisional spots only: a spot at the shipped
    cutoff is refused undecoded (its outcome is the shipped path's, which the
    provisional spots leave as it is), so a run counts the wakes they add."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.detector: Any = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def confirms(self, window: np.ndarray, aligned: Any = (), strength: float = 0.0,
                 sure: bool = False, slow: Any = ()) -> bool:
        low = getattr(self.detector, "_low", None)
        if low is None or not low.due:
            self.real.shift_wanted = False
            return False
        if len(slow):
            return bool(self.real.confirms(window, aligned, strength=strength, sure=sure,
                                           slow=slow))
        return bool(self.real.confirms(window, aligned, strength=strength, sure=sure))


def _provisional_only(load: Any) -> Any:
    def loaded(*a: Any, **k: Any) -> Any:
        wrapper = ProvisionalOnly(k["confirmer"]) if k.get("confirmer") is not None else None
        if wrapper is not None:
            k["confirmer"] = wrapper
        detector = load(*a, **k)
        if wrapper is not None:
            wrapper.detector = detector
        return detector
    return loaded


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "--wakes":
        traces = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        for clip, events in traces.items():
            at5 = spots_at(events)
            at3 = spots_at(events, 0.03)
            print(f"{clip}: spots {at5} | over 0.03 {at3}")
        return 0
    if argv and argv[0] == "--gained":  # --gained D.json HALF DRAW
        never, decoded, woke = gained(Path(argv[1]), argv[2], int(argv[3]),
                                      Path("/tmp/voice-wake-bench"))
        print(f"never spotted as shipped {never}; provisional spots decoded in {decoded};"
              f" woke (replayed) {woke}")
        return 0
    if "--streams" in argv:  # only these streams of speech not addressed to it, e.g. "tv 1,tv 2"
        k = argv.index("--streams")
        names = set(argv[k + 1].split(","))
        del argv[k:k + 2]
        negatives = bw.negatives
        bw.negatives = lambda *a, **kw: ((n, x) for n, x in negatives(*a, **kw) if n in names)
    if "--provisional-only" in argv:
        argv.remove("--provisional-only")
        bw.load_micro = _provisional_only(bw.load_micro)
    bw.positives = _tv_only(bw.positives)
    bw.real_positives = lambda *a, **k: iter(())
    return bw.main(argv)


if __name__ == "__main__":
    raise SystemExit(main())
