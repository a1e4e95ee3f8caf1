"""The TV-talk phrases of tuning draws alone, through benchmark_wake.py's run
(session 38, low_spot.py): a quicker live run of the clips the provisional
spots are for, and the provisional spots each clip's traces show.

Run (tuning half only: this names clips)::

    .venv/bin/python scripts/wake_low_spot.py --draw N [benchmark_wake.py flags]
    .venv/bin/python scripts/wake_low_spot.py --wakes T.json D.json  # wakes no spot explains

``--wakes``: for each clip of a ``--traces`` file, the spots at micro.SPOT_CUTOFF
replayed from its probabilities (micro.Decision over the nine paths) and the
times its run woke (the ``--decodes`` file's last decode before each wake is
not kept, so a clip whose wake came more than WAIT seconds after its last
spot, or with no spot at all, is printed: woken by a provisional spot).
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


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "--wakes":
        traces = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        for clip, events in traces.items():
            at5 = spots_at(events)
            at3 = spots_at(events, 0.03)
            print(f"{clip}: spots {at5} | over 0.03 {at3}")
        return 0
    bw.positives = _tv_only(bw.positives)
    bw.real_positives = lambda *a, **k: iter(())
    return bw.main(argv)


if __name__ == "__main__":
    raise SystemExit(main())
