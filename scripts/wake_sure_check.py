"""Replay what checking the network's sure wakes with Whisper would catch and wake on.

Run: ``.venv/bin/python scripts/wake_sure_check.py --decodes D.json ... [--spot-cutoffs 0.03,0.05]
[--hours H] [--show]``

The files are ``benchmark_wake.py --check-sure on --decodes D.json``'s:
every spot (the network's mean above the spot cutoff, or above its own
cutoff 0.8, a *sure* spot) was decoded, each window recorded with the spot's
strength (its highest mean). Per spot cutoff (spots weaker than it are
dropped: an approximation of a live run at that cutoff, whose spots would
start later) and per rule for sure spots, it prints the tuning phrases
caught (``pos`` clips), the real clips caught and the wakes on speech not
addressed to it (``neg`` clips; per 10 h with ``--hours``):

* ``sure wakes at once``: main (micro.CHECK_SURE off);
* ``sure checked, full rule``: the same check as any spot (floors, peak
  text, spellings' margin);
* ``sure checked, floors only``: a sure spot needs only a window Whisper
  writes "Okay Nabu." in, surely enough (confirm's floors);
* ``sure checked, phrase at any logprob``: ...or in any window at all;
* ``sure checked, first word anywhere``: refused only when no window
  (prompted or not) has the phrase's first word ("okay") at all;
* ``sure checked, phrase or spelling``: a window after the prompt says the
  phrase or tiny.en's own spelling of it ("Okay, uh, move.",
  confirm.says_spelled), at any avg_logprob.

A wake's 1 s refractory is not replayed (it can only count more wakes).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
for _p in (REPO, REPO / "scripts"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from wake_miss_stages import stage  # noqa: E402
from wake_spelling_rule import NABU, floors  # noqa: E402

from voice.speech_in.wake import confirm  # noqa: E402
from voice.speech_in.wake.micro import MODELS  # noqa: E402

_WORD = re.compile(r"[a-z]+")
SURE = MODELS["okay nabu"].cutoff
Spot = dict[str, Any]


def spots(decodes: list[list[Any]]) -> list[Spot]:
    """A clip's decodes grouped by spot, with the spot's ``strength``."""
    by: dict[float, Spot] = defaultdict(dict)
    for kind, text, value, strength, at in decodes:
        s = by[float(at)]
        s["strength"] = max(float(strength), s.get("strength", 0.0))
        if kind.startswith("fit"):
            s.setdefault(kind, {})[text] = float(value)
        else:
            s[kind] = (text, float(value))
    return [by[t] for t in sorted(by)]


def _windows(s: Spot) -> dict[str, Any]:
    return {k: v for k, v in s.items() if k != "strength"}


def full(s: Spot) -> bool:
    return stage([_windows(s)]) == "woke"


def any_logprob(s: Spot) -> bool:
    return any(k.startswith(("long", "short")) and confirm.says_phrase(v[0], NABU)
               for k, v in s.items())


def spelled_any_logprob(s: Spot) -> bool:
    """A window decoded after the prompt says the phrase or tiny.en's own
    spelling of it (confirm.says_spelled: "Okay, uh, move."), at any avg_logprob."""
    return any(k.startswith(("long", "short")) and (confirm.says_phrase(v[0], NABU)
                                                    or confirm.says_spelled(v[0], NABU))
               for k, v in s.items())


def first_word(s: Spot) -> bool:
    """Any decoded window (prompted or not) has the phrase's first word ("okay")."""
    return any(not k.startswith(("fit", "align")) and isinstance(v, tuple)
               and any(w in NABU.first_words for w in _WORD.findall(v[0].lower()))
               for k, v in s.items())


RULES: dict[str, Callable[[Spot], bool]] = {
    "sure wakes at once": lambda s: True,
    "sure checked, full rule": full,
    "sure checked, floors only": lambda s: floors(_windows(s)),
    "sure checked, phrase at any logprob": any_logprob,
    "sure checked, first word anywhere": lambda s: first_word(s),
    "sure checked, phrase or spelling": spelled_any_logprob,
}


def wakes(s: Spot, rule: str) -> bool:
    if s["strength"] > SURE:
        return RULES[rule](s)
    return full(s)


def _said(s: Spot) -> str:
    for kind in ("peak0", "short0", "long"):
        if kind in s:
            return str(s[kind][0])
    return ""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--decodes", type=Path, nargs="+", required=True)
    ap.add_argument("--spot-cutoffs", default="0.03,0.04,0.05")
    ap.add_argument("--hours", type=float, default=0.0,
                    help="hours of speech not addressed to it in the files (their logs say)")
    ap.add_argument("--show", action="store_true",
                    help="name every wake on speech not addressed to it, and every sure spot")
    args = ap.parse_args(argv)
    clips: list[tuple[str, list[Spot]]] = []  # the same clip names recur across files
    for path in args.decodes:
        data = json.loads(path.read_text(encoding="utf-8"))
        if any(data["network"].values()):
            print(f"{path}: the network woke alone in it: not a --check-sure on run")
        for clip in data["clips"]:
            clips.append((clip, spots(data["decodes"].get(clip, []))))
    print(f"{'rule':38} {'cutoff':>6} {'phrases':>8} {'real':>6} {'wakes':>6}  per 10 h")
    for cutoff in [float(c) for c in args.spot_cutoffs.split(",") if c]:
        for rule in RULES:
            pos = real = pos_n = real_n = neg = 0
            named: list[str] = []
            for clip, ss in clips:
                kept = [s for s in ss if s["strength"] > cutoff]
                woke = [s for s in kept if wakes(s, rule)]
                if clip.startswith("pos "):
                    pos_n += 1
                    pos += bool(woke)
                elif clip.startswith("real ") and "nohash" not in clip:
                    real_n += 1
                    real += bool(woke)
                elif clip.startswith("neg "):
                    neg += len(woke)
                    named += [f"{clip} {s['strength']:.2f} {_said(s)!r}" for s in woke]
            rate = f"{10 * neg / args.hours:.1f}" if args.hours else "-"
            print(f"{rule:38} {cutoff:6.2f} {pos:>3}/{pos_n:<4} {real:>2}/{real_n:<3} {neg:>6}"
                  f"  {rate}")
            if args.show:
                for n in named:
                    print(f"    {n}")
    if args.show:
        for clip, ss in clips:
            for s in ss:
                if s["strength"] > SURE:
                    print(f"sure spot {clip} {s['strength']:.2f}: full {full(s)},"
                          f" floors {floors(_windows(s))}, long {s.get('long')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
