"""Replay how a spot the network is fairly sure of (but under its own cutoff) could be checked.

Run: ``.venv/bin/python scripts/wake_strong_rule.py --decodes D.json ... [--strengths 0.3,0.5,0.6]
[--hours H] [--show]``

The files are ``benchmark_wake.py --check-sure on --decodes D.json``'s: every
spot was decoded, each window recorded with the spot's strength (the
network's highest mean of 5). Sure spots (above the network's cutoff, 0.8)
are checked by confirm.SURE_RULE "first word" and weak ones by the full rule
(floors, peak text, spellings' margin) as ``voice listen`` does; a spot of
strength between ``--strengths``' T and 0.8 is checked instead by

* ``main (before)``: the full rule (as before branch wake14);
* ``floors only``: a window Whisper writes "Okay Nabu." in, surely enough
  (the floors), without the peak check's second look;
* ``floors + margin``: the same, and a short window's unprompted decode fits
  a spelling within confirm.ALIGN_MARGIN (its text not asked);
* ``floors, tiny.en's spelling too``: the floors alone, "Okay, uh, move."
  counting as the phrase (confirm.says_spelled; confirm.FAIRLY_SURE, now);
* ``first word``: any window decoded after the prompt has "okay" (as a
  sure spot).

It prints the tuning phrases caught (``pos`` clips), the real clips caught
and the wakes on speech not addressed to it (``neg`` clips; per 10 h with
``--hours``). Spots weaker than micro.SPOT_CUTOFF are dropped (a run at a
lower cutoff). A wake's 1 s refractory is not replayed (it can only count
more wakes than a live run).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
for _p in (REPO, REPO / "scripts"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

from wake_spelling_rule import NABU, floors  # noqa: E402
from wake_sure_check import SURE, _said, _windows, full, spots  # noqa: E402

from voice.speech_in.wake import confirm  # noqa: E402
from voice.speech_in.wake.micro import SPOT_CUTOFF  # noqa: E402

Spot = dict[str, Any]


def prompted_first(s: Spot) -> bool:
    """Any window decoded after the prompt has the phrase's first word."""
    return any(k.startswith(("long", "short")) and confirm.has_first_word(v[0], NABU)
               for k, v in s.items() if isinstance(v, tuple))


def floors_spelled(s: Spot) -> bool:
    """The floors, a window saying "Okay Nabu." or tiny.en's spelling
    (confirm.says_spelled: "Okay, uh, move.") counting (confirm.FAIRLY_SURE)."""
    for kind, value in _windows(s).items():
        if not kind.startswith(("long", "short")):
            continue
        text, lp = value
        floor = confirm.SURE_LOGPROB if kind == "long" else confirm.ALIGNED_LOGPROB
        if lp >= floor and (confirm.says_phrase(text, NABU) or confirm.says_spelled(text, NABU)):
            return True
    return False


def margin_ok(s: Spot) -> bool:
    return any(s.get(f"fit{n}") and min(s[f"fit{n}"].values()) <= confirm.ALIGN_MARGIN
               for n in (0, 1))


VARIANTS: dict[str, Callable[[Spot], bool]] = {
    "main (before)": full,
    "floors only": lambda s: floors(_windows(s)),
    "floors + margin": lambda s: floors(_windows(s)) and margin_ok(s),
    "floors, tiny.en's spelling too (now)": floors_spelled,
    "first word": prompted_first,
}


def wakes(s: Spot, variant: str, strength: float) -> bool:
    if s["strength"] > SURE:
        return prompted_first(s)
    if s["strength"] >= strength:
        return VARIANTS[variant](s)
    return full(s)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--decodes", type=Path, nargs="+", required=True)
    ap.add_argument("--strengths", default="0.3,0.4,0.5,0.6,0.7")
    ap.add_argument("--hours", type=float, default=0.0,
                    help="hours of speech not addressed to it in the files (their logs say)")
    ap.add_argument("--show", action="store_true",
                    help="name every wake on speech not addressed to it and every clip gained")
    args = ap.parse_args(argv)
    clips: list[tuple[str, list[Spot]]] = []
    for path in args.decodes:
        data = json.loads(path.read_text(encoding="utf-8"))
        for clip in data["clips"]:
            clips.append((clip, [s for s in spots(data["decodes"].get(clip, []))
                                 if s["strength"] > SPOT_CUTOFF]))
    print(f"{'variant between T and ' + str(SURE):38} {'T':>5} {'phrases':>8} {'real':>6}"
          f" {'wakes':>6}  per 10 h")
    for variant in VARIANTS:
        for strength in [float(c) for c in args.strengths.split(",") if c]:
            if variant == "main (before)" and strength != float(args.strengths.split(",")[0]):
                continue
            pos = real = pos_n = real_n = neg = 0
            named: list[str] = []
            for clip, ss in clips:
                woke = [s for s in ss if wakes(s, variant, strength)]
                before = any(wakes(s, "main (before)", strength) for s in ss)
                if clip.startswith("pos "):
                    pos_n += 1
                    pos += bool(woke)
                elif clip.startswith("real ") and "nohash" not in clip:
                    real_n += 1
                    real += bool(woke)
                elif clip.startswith("neg "):
                    neg += len(woke)
                    named += [f"woke: {clip} {s['strength']:.2f} {_said(s)!r}" for s in woke]
                    continue
                if woke and not before:
                    named.append(f"gained: {clip}")
            rate = f"{10 * neg / args.hours:.1f}" if args.hours else "-"
            t = "-" if variant == "main (before)" else f"{strength:.2f}"
            print(f"{variant:38} {t:>5} {pos:>3}/{pos_n:<4} {real:>2}/{real_n:<3} {neg:>6}  {rate}")
            if args.show:
                for n in named:
                    print(f"    {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
