"""Which stage of the wake path refused each phrase it missed.

Run: ``.venv/bin/python scripts/wake_miss_stages.py --decodes D.json [--traces T.json] [--show]``

The files are ``benchmark_wake.py --phrases-only --decodes D.json --traces
T.json``'s (tuning half only: this names clips). A phrase the path missed
was refused by the first of these stages:

* ``never spotted``: the network's mean of 5 never went above the spot
  cutoff (micro.SPOT_CUTOFF), so nothing was decoded (its best mean, from
  the traces, is printed);
* ``floors``: no window was "Okay Nabu." surely enough (confirm.SURE_LOGPROB
  for the 3.5 s window, confirm.ALIGNED_LOGPROB for the short ones);
* ``peak text``: the short windows' unprompted decodes failed
  confirm.peak_says;
* ``align margin``: a window passed the text clauses but no window that did
  fitted a spelling within confirm.ALIGN_MARGIN.

``--show`` prints every missed clip's decodes (tuning half only).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, deque
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
for _p in (REPO, REPO / "scripts"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from wake_spelling_rule import NABU, floors, spots  # noqa: E402

from voice.speech_in.wake import confirm  # noqa: E402
from voice.speech_in.wake.micro import SPOT_CUTOFF  # noqa: E402


def best_mean(events: list[list[Any]], window: int = 5) -> float:
    """The network's highest mean of ``window`` probabilities on any path."""
    recent: dict[int, deque[float]] = {}
    best = 0.0
    for path, p, _at in events:
        q = recent.setdefault(int(path), deque(maxlen=window))
        q.append(float(p))
        if len(q) == window:
            best = max(best, sum(q) / window)
    return best


def stage(spot_list: list[dict[str, Any]], margin: float = confirm.ALIGN_MARGIN) -> str:
    """The furthest stage any spot of a missed clip reached (its refusal)."""
    reached = "never spotted"
    order = ["never spotted", "floors", "peak text", "align margin", "woke"]
    for s in spot_list:
        here = "floors"
        if floors(s):
            here = "peak text"
            for n in (0, 1):
                peak = s.get(f"peak{n}")
                if peak is None or not confirm.peak_says(peak[0], NABU):
                    continue
                here = max(here, "align margin", key=order.index)
                fits = s.get(f"fit{n}")
                if fits and min(fits.values()) <= margin:
                    here = "woke"
        reached = max(reached, here, key=order.index)
    return reached


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--decodes", type=Path, nargs="+", required=True)
    ap.add_argument("--traces", type=Path, nargs="*", default=[])
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args(argv)
    traces: dict[str, Any] = {}
    for t in args.traces:
        traces.update(json.loads(t.read_text(encoding="utf-8")))
    counts: Counter[str] = Counter()
    total = 0
    for path in args.decodes:
        data = json.loads(path.read_text(encoding="utf-8"))
        for clip in data["clips"]:
            if not clip.startswith(("pos ", "real ")):
                continue
            total += 1
            if data["network"].get(clip, 0):
                counts["woke (network alone)"] += 1
                continue
            ss = spots(data["decodes"].get(clip, []))
            where = stage(ss)
            counts[where] += 1
            if where == "woke":
                continue
            mean = f" best mean {best_mean(traces[clip]):.3f}" if clip in traces else ""
            print(f"{path.stem}: {clip}: {where}{mean}")
            if args.show:
                for s in ss:
                    print("    " + " | ".join(f"{k} {v[0]!r} {v[1]:.2f}" for k, v in s.items()
                                              if not k.startswith("fit"))
                          + " | margins " + " ".join(
                              f"{min(s[k].values()):.2f}" for k in ("fit0", "fit1") if k in s))
    print(f"{total} clips (spot cutoff {SPOT_CUTOFF:g}): "
          + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
