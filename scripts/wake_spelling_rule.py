"""Replay the likelihood check with the best of several spellings of the phrase.

Run: ``.venv/bin/python scripts/wake_spelling_rule.py --positives D0.json ... --negatives N.json ...
[--spellings "Okay Nabu.|Okay, Nabu.|OK Nabu."] [--margins 1,2,3,4,5] [--show]``

The files are ``benchmark_wake.py --decodes F``'s, recorded with
confirm.SPELLINGS: for every spot the floors confirm, each short window at
the network's peak has its unprompted decode ("peak0/1") and, per spelling
("fit0/1", one row each), how much better (nats a token) the window fits its
own decode than that spelling. The margin of a window is the smallest of
those over ``--spellings`` (its best-fitting spelling of the phrase). For
each margin it prints the phrases caught (a clip is caught when the network
woke by itself or any spot in it wakes), the real clips caught and the wakes
on the negatives, with the peak check's text clauses (confirm.peak_says) and
without them. A wake's 1 s refractory is not replayed (it can only count
more wakes than a live run).
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
Spot = dict[str, Any]


def spots(decodes: list[list[Any]]) -> list[Spot]:
    """A clip's decodes grouped by spot (they share the time they were made at);
    "fit0"/"fit1" rows become {spelling: margin}."""
    by: dict[float, Spot] = defaultdict(dict)
    for kind, text, value, _strength, at in decodes:
        s = by[float(at)]
        if kind.startswith("fit"):
            s.setdefault(kind, {})[text] = float(value)
        else:
            s[kind] = (text, float(value))
    return [by[t] for t in sorted(by)]


def floors(spot: Spot) -> bool:
    for kind, value in spot.items():
        if not kind.startswith(("long", "short")):
            continue
        text, lp = value
        floor = confirm.SURE_LOGPROB if kind == "long" else confirm.ALIGNED_LOGPROB
        if lp >= floor and confirm.says_phrase(text, NABU):
            return True
    return False


def margin(spot: Spot, n: int, spellings: list[str]) -> float | None:
    fits = spot.get(f"fit{n}")
    if fits is None:
        return None
    return min(fits[s] for s in spellings)


def wakes(spot: Spot, peak: bool, limit: float | None, spellings: list[str]) -> bool:
    if not floors(spot):
        return False
    if not peak and limit is None:
        return True
    for n in (0, 1):
        if f"peak{n}" not in spot:
            continue
        ok = not peak or confirm.peak_says(spot[f"peak{n}"][0], NABU)
        if limit is not None:
            m = margin(spot, n, spellings)
            if m is None:
                raise SystemExit("no fit rows: record with this commit's benchmark_wake.py")
            ok = ok and m <= limit
        if ok:
            return True
    return False



def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--positives", type=Path, nargs="*", default=[])
    ap.add_argument("--negatives", type=Path, nargs="*", default=[])
    ap.add_argument("--spellings", default="|".join(confirm.SPELLINGS),
                    help="'|'-separated, each one of confirm.SPELLINGS")
    ap.add_argument("--margins", default="1,2,3,3.5,4,4.5,5")
    ap.add_argument("--show", action="store_true",
                    help="every spot the floors confirm: its unprompted decodes and margins")
    args = ap.parse_args(argv)
    spellings = args.spellings.split("|")
    pos, neg = load_decodes(args.positives, spots), load_decodes(args.negatives, spots)
    syn = {k: v for k, v in pos.items() if ": pos " in k}
    real = {k: v for k, v in pos.items() if ": real " in k}
    print(f"{len(syn)} phrases, {len(real)} real clips, {len(neg)} negative streams"
          f" ({sum(len(s) for _n, s in neg.values())} spots); spellings {spellings}")

    def count(clips: dict[str, Any], peak: bool, limit: float | None, per_clip: bool) -> int:
        total = 0
        for network, ss in clips.values():
            w = network + sum(wakes(s, peak, limit, spellings) for s in ss)
            total += (w > 0) if per_clip else w
        return total

    def row(label: str, peak: bool, limit: float | None) -> None:
        print(f"{label:34s} phrases {count(syn, peak, limit, True)}/{len(syn)}"
              f"  real {count(real, peak, limit, True)}/{len(real)}"
              f"  wakes on negatives {count(neg, peak, limit, False)}"
              f" (network alone {sum(n for n, _s in neg.values())})")

    row("main's floors", False, None)
    row("+ peak check (shipped)", True, None)
    for m in (float(x) for x in args.margins.split(",")):
        row(f"+ peak check + best margin {m:g}", True, m)
    for m in (float(x) for x in args.margins.split(",")):
        row(f"best margin {m:g} alone", False, m)
    if args.show:
        for name, (_n, ss) in {**neg, **pos}.items():
            for s in ss:
                if floors(s) and "peak0" in s:
                    print(f"  {name}: " + " | ".join(
                        f"{s[f'peak{n}'][0]!r} {margin(s, n, spellings):.2f}"
                        f" ({min(s[f'fit{n}'], key=s[f'fit{n}'].__getitem__)})"
                        for n in (0, 1) if f"fit{n}" in s))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
