"""Replay the wake check with the likelihood margin (confirm.ALIGN_CHECK) on recorded decodes.

Run: ``.venv/bin/python scripts/wake_align_rule.py --positives D0.json ... --negatives N.json ...
[--margins 2,3,3.5,4,4.5,5] [--show]``

The files are ``benchmark_wake.py --decodes F``'s: every window of every
spot decoded (prompted "long"/"short0"/"short1", and for a spot the floors
confirm the unprompted "peak0"/"peak1" at the network's peak and
"align0"/"align1": how much better, nats a token, that window fits its
unprompted decode than "Okay Nabu."). For each margin it prints the phrases
caught (the network's own wakes count as caught; a clip is caught when any
spot in it wakes), the real clips caught, and the wakes on the negatives:
main's floors alone, + the peak check (confirm.py before), + the peak check
and the margin (now), and the margin alone (no text clauses). A wake's 1 s
refractory is not replayed (it can only count more wakes than a live run).

For files recorded before branch wake11 (one spelling, "Okay Nabu."). Since
then "align0/1" is the margin to the best of confirm.SPELLINGS, there are no
"nats" rows, and scripts/wake_spelling_rule.py replays them (``--spellings
"Okay Nabu."`` gives this script's margin).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from wake_replay_files import load_decodes  # noqa: E402

from voice.speech_in.wake import confirm  # noqa: E402

NABU = confirm.CONFIRMATIONS["okay nabu"]


def spots(decodes: list[list[Any]]) -> list[dict[str, tuple[str, float]]]:
    """A clip's decodes grouped by spot (they share the time they were made at)."""
    by: dict[float, dict[str, tuple[str, float]]] = defaultdict(dict)
    for kind, text, value, _strength, at in decodes:
        by[float(at)][kind] = (text, float(value))
    return [by[t] for t in sorted(by)]


def floors(spot: dict[str, tuple[str, float]]) -> bool:
    for kind, (text, lp) in spot.items():
        floor = (confirm.SURE_LOGPROB if kind == "long" else confirm.ALIGNED_LOGPROB
                 if kind.startswith("short") else None)
        if floor is not None and lp >= floor and confirm.says_phrase(text, NABU):
            return True
    return False


#: Which recorded margin the rule reads: "align" (nats a token) or "nats" (whole texts).
METRIC = ["align"]


def wakes(spot: dict[str, tuple[str, float]], peak: bool, margin: float | None) -> bool:
    if not floors(spot):
        return False
    if not peak and margin is None:
        return True
    for n in (0, 1):
        if f"peak{n}" not in spot:
            continue
        text, _lp = spot[f"peak{n}"]
        ok = not peak or confirm.peak_says(text, NABU)
        if margin is not None:
            key = f"{METRIC[0]}{n}"
            if key not in spot:
                raise SystemExit("no align decodes: record with this commit's benchmark_wake.py")
            ok = ok and spot[key][1] <= margin
        if ok:
            return True
    return False



def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--positives", type=Path, nargs="*", default=[])
    ap.add_argument("--negatives", type=Path, nargs="*", default=[])
    ap.add_argument("--margins", default="2,2.5,3,3.5,4,4.5,5")
    ap.add_argument("--metric", choices=("align", "nats"), default="align",
                    help="the margin a token (confirm.ALIGN_CHECK) or over the whole texts")
    ap.add_argument("--show", action="store_true",
                    help="print every spot the floors confirm with its unprompted decodes"
                         " and margins (negatives; and positives caught by no margin)")
    args = ap.parse_args(argv)
    pos, neg = load_decodes(args.positives, spots), load_decodes(args.negatives, spots)
    METRIC[0] = args.metric
    syn = {k: v for k, v in pos.items() if ": pos " in k}
    real = {k: v for k, v in pos.items() if ": real " in k}
    print(f"{len(syn)} phrases, {len(real)} real clips, {len(neg)} negative streams"
          f" ({sum(len(s) for _n, s in neg.values())} spots)")

    def count(clips: dict[str, Any], peak: bool, margin: float | None, per_clip: bool) -> int:
        total = 0
        for network, ss in clips.values():
            w = network + sum(wakes(s, peak, margin) for s in ss)
            total += (w > 0) if per_clip else w
        return total

    def row(label: str, peak: bool, margin: float | None) -> None:
        print(f"{label:32s} phrases {count(syn, peak, margin, True)}/{len(syn)}"
              f"  real {count(real, peak, margin, True)}/{len(real)}"
              f"  wakes on negatives {count(neg, peak, margin, False)}"
              f" (network alone {sum(n for n, _s in neg.values())})")

    row("main's floors", False, None)
    row("+ peak check (before)", True, None)
    for m in (float(x) for x in args.margins.split(",")):
        row(f"+ peak check + margin {m:g}", True, m)
    for m in (float(x) for x in args.margins.split(",")):
        row(f"margin {m:g} alone (no peak text)", False, m)
    if args.show:
        for name, (_n, ss) in {**neg, **pos}.items():
            for s in ss:
                if floors(s) and "peak0" in s:
                    print(f"  {name}: " + " | ".join(
                        f"{s[f'peak{n}'][0]!r} {s[f'align{n}'][1]:.2f}"
                        f" ({s[f'nats{n}'][1]:.1f} nats)"
                        for n in (0, 1) if f"peak{n}" in s and f"align{n}" in s))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
