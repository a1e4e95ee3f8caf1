"""The sentence guard (confirm.SENTENCE_GUARD) replayed on recorded decodes
(session 26, branch wake29): "okay" and a sentence said in the room must not
wake a spot the network was sure or fairly sure of.

Run: ``.venv/bin/python scripts/wake_okay_sentences.py --positives P.json ...
--negatives N.json ... [--show]``

The files are ``benchmark_wake.py --decodes F``'s. Written with
``--peak-every-slot``, a sure spot's prompted windows were decoded only up to
the first with "okay" (SURE_RULE "first word" stopped there) and a fairly sure
spot's up to the first the floors took: when the guard refuses every window
decoded and some were not, the spot is **unknown** (the live check would have
decoded the rest). Phrases count an unknown as missed (a lower bound),
negatives as a wake (an upper bound). Written without it (``--decodes``
alone: confirm's ``decode_all``), every window was decoded and the replay is
exact.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
for p in (REPO, REPO / "scripts"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from wake_replay_files import load_decodes  # noqa: E402
from wake_tv_misses import NABU, SURE, Levers, Spot, spots, stage  # noqa: E402

from voice.speech_in.wake import confirm  # noqa: E402

PROMPTED = ("long", "short0", "short1")


#: Whether the guard's spelling refuses a bare "Okay, move." (confirm.BARE_GUARD;
#: ``--bare-guard``).
BARE = {"on": confirm.BARE_GUARD}


def _phrase_window(text: str) -> bool:
    return confirm.says_phrase(text, NABU) or confirm.spelled_counts(text, NABU, BARE["on"])


def guarded(spot: Spot) -> str:
    """"woke", "refused" or "unknown" for one spot with the guard on."""
    strength = max(s for _t, _v, s in spot.values())
    decoded = [k for k in PROMPTED if k in spot]
    # A bare "Okay, move." beside a gapped "Okay, uh, move ..." (confirm.BARE_GUARD).
    rescued = BARE["on"] and confirm.bare_rescued([spot[k][0] for k in decoded], NABU)
    if strength > SURE:
        if rescued or any(_phrase_window(spot[k][0]) for k in decoded):
            return "woke"
        return "refused" if len(decoded) == len(PROMPTED) else "unknown"
    if confirm.FAIRLY_SURE_RULE and strength >= confirm.FAIRLY_SURE:
        for k in decoded:
            text, lp, s = spot[k]
            floor = confirm.SURE_LOGPROB if k == "long" else confirm.short_floor(s)
            bare = rescued and confirm.spelled_alone(text, NABU)
            if lp >= floor and (bare or _phrase_window(text)):
                return "woke"
        return "refused" if len(decoded) == len(PROMPTED) else "unknown"
    return "woke" if stage(spot, Levers()).startswith("woke") else "refused"


def shipped(spot: Spot) -> bool:
    """Whether the spot wakes without the guard. wake_tv_misses.stage replays a
    fairly sure spot's floors with spelled_alone (what the guard does), so
    such a spot is replayed here with says_spelled, as confirm did before."""
    strength = max(s for _t, _v, s in spot.values())
    if strength <= SURE and confirm.FAIRLY_SURE_RULE and strength >= confirm.FAIRLY_SURE:
        for k in PROMPTED:
            if k in spot:
                text, lp, s = spot[k]
                floor = confirm.SURE_LOGPROB if k == "long" else confirm.short_floor(s)
                if lp >= floor and (confirm.says_phrase(text, NABU)
                                    or confirm.says_spelled(text, NABU)):
                    return True
        return False
    return stage(spot, Levers()).startswith("woke")


def clip(network: int, ss: list[Spot], guard: bool) -> str:
    if network:
        return "woke"
    if not guard:
        return "woke" if any(shipped(s) for s in ss) else "missed"
    found = [guarded(s) for s in ss]
    return "woke" if "woke" in found else "unknown" if "unknown" in found else "missed"


def wakes(network: int, ss: list[Spot], guard: bool) -> tuple[int, int]:
    """(certain wakes, unknown spots) on one negative stream."""
    if not guard:
        return network + sum(shipped(s) for s in ss), 0
    found = [guarded(s) for s in ss]
    return network + found.count("woke"), found.count("unknown")


def _kind(spot: Spot) -> str:
    strength = max(s for _t, _v, s in spot.values())
    return ("sure" if strength > SURE else "fairly" if strength >= confirm.FAIRLY_SURE
            else "weak")


def said_at(stream: str, cache: Path) -> list[tuple[float, str]]:
    """For a benchmark_wake.okay_everyday_streams stream named ``stream``
    ("read VOICE RATE wpm, N okay-everyday HALF sentences"): when each
    sentence ends (seconds) and the sentence, from the audio cache."""
    import re

    import benchmark_wake as bw

    m = re.search(r"read (\S+) (\d+) wpm, \d+ okay-everyday (\w+) sentences", stream)
    if not m:
        return []
    voice, rate, half = m.group(1), int(m.group(2)), m.group(3)
    at, out = bw.OKAY_GAP, []
    for text in bw.okay_everyday(half):
        at += len(bw._espeak(text, voice, rate, cache)) / bw.RECOGNIZER_RATE
        out.append((at, text))
        at += bw.OKAY_GAP
    return out


def woke_sentences(path: Path, guard: bool, cache: Path) -> dict[str, int]:
    """How many times each okay-everyday sentence woke it (a spot is put on
    the sentence that ended last before it, or is ending as it is spotted)."""
    from collections import Counter

    data = json.loads(path.read_text(encoding="utf-8"))
    woke: Counter[str] = Counter()
    for stream in data["clips"]:
        ends = said_at(stream, cache)
        by: dict[float, list[Any]] = {}
        for row in data["decodes"].get(stream, []):
            by.setdefault(float(row[4]), []).append(row)
        for at, rows in by.items():
            spot = spots(rows)[0]
            if (guarded(spot) == "woke") if guard else shipped(spot):
                text = next((t for end, t in ends if end >= at - 1.0), ends[-1][1])
                woke[text] += 1
    return dict(woke)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--positives", type=Path, nargs="*", default=[])
    ap.add_argument("--negatives", type=Path, nargs="*", default=[])
    ap.add_argument("--show", action="store_true",
                    help="every spot whose outcome the guard changes, and unknown ones")
    ap.add_argument("--woke", action="store_true",
                    help="with --show: also every spot of the negatives the guard wakes on")
    ap.add_argument("--sentences", type=Path, metavar="CACHE",
                    help="negatives of --okay-everyday: how often each sentence woke it, as"
                         " shipped and with the guard (CACHE: the run's --cache)")
    ap.add_argument("--bare-guard", choices=("on", "off"), default=None,
                    help="the guard refuses a bare 'Okay, move.' too (confirm.BARE_GUARD;"
                         " default: as shipped)")
    args = ap.parse_args(argv)
    if args.bare_guard is not None:
        BARE["on"] = args.bare_guard == "on"
    pos = load_decodes(args.positives, spots)
    syn = {k: v for k, v in pos.items() if ": pos " in k}
    real = {k: v for k, v in pos.items() if ": real " in k}
    for label, clips in (("phrases", syn), ("real people", real)):
        if not clips:
            continue
        before = sum(clip(n, ss, False) == "woke" for n, ss in clips.values())
        after = [clip(n, ss, True) for n, ss in clips.values()]
        print(f"{label}: as shipped {before}/{len(clips)}; guard {after.count('woke')}"
              f"/{len(clips)} certain, {after.count('unknown')} unknown")
    for path in args.negatives:
        neg = load_decodes([path], spots)
        before = sum(wakes(n, ss, False)[0] for n, ss in neg.values())
        sure = [wakes(n, ss, True) for n, ss in neg.values()]
        print(f"{path.name}: {sum(len(ss) for _n, ss in neg.values())} spots; wakes as shipped"
              f" {before}; guard {sum(w for w, _u in sure)} certain + {sum(u for _w, u in sure)}"
              " unknown")
    if args.sentences:
        by_before: dict[str, int] = {}
        by_after: dict[str, int] = {}
        for path in args.negatives:
            for into, guard in ((by_before, False), (by_after, True)):
                for text, n in woke_sentences(path, guard, args.sentences).items():
                    into[text] = into.get(text, 0) + n
        print("wakes by sentence, as shipped -> with the guard:")
        for text in sorted(set(by_before) | set(by_after), key=lambda t: -by_before.get(t, 0)):
            print(f"  {by_before.get(text, 0):2d} -> {by_after.get(text, 0):2d}  {text}")
    if args.show:
        neg = load_decodes(args.negatives, spots)
        for name, (_n, ss) in {**pos, **neg}.items():
            for s in ss:
                was = shipped(s)
                now = guarded(s)
                if (now == "woke") != was or now == "unknown" or (
                        args.woke and now == "woke" and name in neg):
                    print(f"  {_kind(s):6s} {'woke' if was else 'refused'} -> {now}: {name}")
                    print("      " + " | ".join(f"{k} {t!r} {lp:.2f}" for k, (t, lp, _s)
                                              in s.items() if not k.startswith("align")))
    return 0




if __name__ == "__main__":
    raise SystemExit(main())
