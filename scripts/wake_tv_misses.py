"""Where each missed phrase is lost, and levers on the check replayed, on
recorded decodes (session 26, branch wake28).

Run: ``.venv/bin/python scripts/wake_tv_misses.py --positives P.json ...
--negatives N.json ... [--show]``

The files are ``benchmark_wake.py --peak-every-slot --decodes F``'s: every
prompted window the check decoded ("long", "short0/1"), and for a spot the
floors let through both short windows' unprompted decodes ("peakN") and
likelihood margins ("alignN"). A missed clip is put at the stage that lost
it: **never spotted** (no decode), **floors** (no prompted window says the
phrase surely enough), **peak text** (no unprompted decode could be the
phrase, confirm.peak_says), **margin** (one could, but fits no spelling
within confirm.ALIGN_MARGIN), **scrap guard** (one passed, a scrap without
"okay" beside a run-on "okay", confirm.SCRAP_GUARD). The network's sure and
fairly sure spots are replayed as confirm.WhisperConfirmer decides them.

Levers replayed (each alone, then all):
- ``spelled peak``: the peak check's text rule also takes tiny.en's own
  spelling of the phrase with nothing after it (confirm.spelled_alone:
  "Okay, move.", "Okay, uh, move."), as the floors of a fairly sure spot
  take it (confirm.PEAK_SPELLED).
- ``no scrap guard``: confirm.SCRAP_GUARD off.
- ``copy agree``: a spot only the louder copy made (strength 0) that the
  floors refuse passes them on two prompted windows saying the phrase at
  confirm.COPY_LONG_LOGPROB / COPY_SHORT_LOGPROB (confirm.COPY_AGREE); the
  peak check was not decoded for it, so it is counted as passing it (an
  upper bound: on negatives, the most it could add).
- ``near floors``: a spot under confirm.FAIRLY_SURE the floors refuse, with a
  prompted window saying the phrase at confirm.NEAR_LONG_LOGPROB /
  NEAR_SHORT_LOGPROB (confirm.near_floor), goes on to the peak check, its
  likelihood margin held to ``--near-margin`` (confirm.NEAR_FLOORS, session
  27). Files written with ``benchmark_wake.py --near-floors on`` hold its
  peak check's decodes; elsewhere it is counted as passing (an upper bound).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from wake_replay_files import Spot, load_decodes, passes_floors, spots  # noqa: E402

from voice.speech_in.wake import confirm  # noqa: E402

NABU = confirm.CONFIRMATIONS["okay nabu"]
SURE = 0.8  # micro's own cutoff for "okay nabu"


@dataclass(frozen=True)
class Levers:
    spelled_peak: bool = False
    scrap_guard: bool = True
    copy_agree: bool = False
    near_floors: bool = False
    near_margin: float = confirm.NEAR_MARGIN
    near_without_first: bool = confirm.NEAR_WITHOUT_FIRST




def _decoded(spot: Spot) -> list[confirm.Decoded]:
    return [confirm.Decoded(k, t, lp, s) for k, (t, lp, s) in spot.items()]


def _agrees(spot: Spot) -> bool:
    return confirm.copy_agrees(_decoded(spot), NABU)


def _peak_ok(text: str, levers: Levers, near: bool = False) -> bool:
    without_first = confirm.PEAK_WITHOUT_FIRST and (levers.near_without_first or not near)
    return (confirm.peak_says(text, NABU, without_first=without_first)
            or (levers.spelled_peak and confirm.spelled_alone(text, NABU)))


def stage(spot: Spot, levers: Levers) -> str:
    """"woke", or the stage that refused the spot."""
    strength = max(s for _t, _v, s in spot.values())
    if strength > SURE:
        return "woke" if any(confirm.has_first_word(t, NABU) for k, (t, _v, _s) in spot.items()
                             if k.startswith(("long", "short"))) else "sure refused"
    if confirm.FAIRLY_SURE_RULE and strength >= confirm.FAIRLY_SURE:
        rescued = confirm.bare_rescued([t for k, (t, _v, _s) in spot.items()
                                        if k.startswith(("long", "short"))], NABU)
        spelled = confirm.spelled_alone if rescued else confirm.spelled_counts
        return "woke" if passes_floors(spot, NABU, spelled) else "floors"
    margin = confirm.ALIGN_MARGIN
    near = False
    if not passes_floors(spot, NABU):
        near = levers.near_floors and confirm.near_floor(_decoded(spot), NABU)
        if near:
            margin = min(margin, levers.near_margin)
        elif not (levers.copy_agree and strength <= confirm.COPY_ONLY_STRENGTH and _agrees(spot)):
            return "floors"
        if not any(f"peak{n}" in spot for n in (0, 1)):
            return f"woke ({'near floors' if near else 'copy agree'}, peak not decoded)"
    slots = [n for n in (0, 1) if f"peak{n}" in spot and f"align{n}" in spot]
    texts = [spot[f"peak{n}"][0] for n in slots]
    said = [_peak_ok(t, levers, near) for t in texts]
    fits = [said[i] and spot[f"align{n}"][1] <= margin for i, n in enumerate(slots)]
    guarded = (confirm.scrap_refused(texts, NABU) if levers.scrap_guard
               else [False] * len(texts))
    if any(ok and not no for ok, no in zip(fits, guarded, strict=True)):
        return "woke"
    if any(fits):
        return "scrap guard"
    return "margin" if any(said) else "peak text"


def clip_stage(network: int, ss: list[Spot], levers: Levers) -> str:
    if network:
        return "woke"
    if not ss:
        return "never spotted"
    found = [stage(s, levers) for s in ss]
    woke = [f for f in found if f.startswith("woke")]
    if woke:
        return woke[0]
    order = ["scrap guard", "margin", "peak text", "floors", "sure refused"]
    return min(found, key=order.index)  # the furthest stage a spot reached


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--positives", type=Path, nargs="*", default=[])
    ap.add_argument("--negatives", type=Path, nargs="*", default=[])
    ap.add_argument("--show", action="store_true", help="each missed phrase, its stage and decodes")
    ap.add_argument("--near-margins", default="",
                    help="also replay the near floors lever at these margins (comma-separated)")
    args = ap.parse_args(argv)
    pos = load_decodes(args.positives, spots)
    neg = load_decodes(args.negatives, spots)
    syn = {k: v for k, v in pos.items() if ": pos " in k}
    real = {k: v for k, v in pos.items() if ": real " in k}
    print(f"{len(syn)} phrases, {len(real)} real clips, {len(neg)} negative streams"
          f" ({sum(len(s) for _n, s in neg.values())} spots)")
    base = Levers()
    missed = {k: clip_stage(n, ss, base) for k, (n, ss) in syn.items()}
    lost = {k: v for k, v in missed.items() if not v.startswith("woke")}
    by = Counter((v, "tv" if " tv " in k else "pink" if " pink " in k else "clean")
                 for k, v in lost.items())
    print("missed phrases by stage (background):",
          ", ".join(f"{s} {b} {n}" for (s, b), n in sorted(by.items())))
    if args.show:
        for k, v in sorted(lost.items()):
            print(f"  {v:14s} {k}")
            for s in syn[k][1]:
                print("      " + " | ".join(f"{kind} {t!r} {lp:.2f}"
                                            for kind, (t, lp, _s) in s.items()))
    rows = [("as shipped", base), ("spelled peak", Levers(spelled_peak=True)),
            ("no scrap guard", Levers(scrap_guard=False)), ("copy agree", Levers(copy_agree=True)),
            ("spelled peak + copy agree", Levers(spelled_peak=True, copy_agree=True)),
            ("near floors", Levers(near_floors=True))]
    rows += [(f"near floors, margin {float(m):g}{', okay first' if not w else ''}",
              Levers(near_floors=True, near_margin=float(m), near_without_first=w))
             for m in args.near_margins.split(",") if m for w in (True, False)]
    for label, lv in rows:
        def caught(clips: dict[str, Any], lv: Levers = lv) -> int:
            return sum(clip_stage(n, ss, lv).startswith("woke") for n, ss in clips.values())

        wakes = sum(n + sum(stage(s, lv).startswith("woke") for s in ss)
                    for n, ss in neg.values())
        print(f"{label:28s} phrases {caught(syn)}/{len(syn)}  real {caught(real)}/{len(real)}"
              f"  wakes on negatives {wakes}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
