"""The slow retry's reach widened (confirm.RETRY_UNDER): the spots it can
touch, cut out of recorded streams and fed again (session 32, branch wake38).

Run: ``.venv/bin/python scripts/wake_retry_under.py --feed OUT.json KEY ...``
then ``--count OUT.json``.

A spot RETRY_UNDER can change is a weak one (under confirm.FAIRLY_SURE) the
floors refused, none of whose prompted windows heard "okay" and a hesitation
(the shipped retry's own trigger), one of which wrote the phrase under its
floor. Each such spot of a ``benchmark_wake.py --decodes`` file is cut out of
its stream (:data:`BEFORE` s before it, on a 3 s boundary, 5 s after; a
tuning phrase clip is fed whole) and fed to the detector ``voice listen``
builds with the lever on; a cut that wakes is fed again with it off, and the
difference counted. The streams are made again from the benchmark's cache
(:data:`SOURCES`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
for p in (REPO, REPO / "scripts"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import benchmark_wake as bw  # noqa: E402
from wake_replay_files import Spot, passes_floors, spots  # noqa: E402
from wake_tv_misses import Levers, clip_stage  # noqa: E402

from voice.speech_in.wake import confirm  # noqa: E402
from voice.speech_in.wake.micro import load_micro  # noqa: E402

Streams = Callable[[], Iterator[tuple[str, np.ndarray]]]
PHRASE = "okay nabu"
NABU = confirm.CONFIRMATIONS[PHRASE]
RATE = 16000
STEP = 3 * RATE
BEFORE = 20.0
CACHE = Path("/tmp/voice-wake-bench")

#: key -> (decodes file, its streams, tuning phrases: fed whole).
SOURCES: dict[str, tuple[str, Streams, bool]] = {
    "n377": ("/tmp/wake37/n377.json", lambda: bw.negatives(150, CACHE, 377), False),
    "ot0": ("/tmp/wake37/ot.json", lambda: bw.okay_everyday_streams("tune", CACHE, [0]), False),
    "ot5": ("/tmp/wake37/ot5.json", lambda: bw.okay_everyday_streams("tune", CACHE, [5]), False),
    "p23": ("/tmp/wake36/on23.json", lambda: bw.positives(PHRASE, CACHE, "tune", 23), True),
    "p27": ("/tmp/wake36/t27.json", lambda: bw.positives(PHRASE, CACHE, "tune", 27), True),
    "p41": ("/tmp/wake38/d41.json", lambda: bw.positives(PHRASE, CACHE, "tune", 41), True),
    "p43": ("/tmp/wake38/d43.json", lambda: bw.positives(PHRASE, CACHE, "tune", 43), True),
    "p45": ("/tmp/wake38/d45.json", lambda: bw.positives(PHRASE, CACHE, "tune", 45), True),
}


def touchable(spot: Spot) -> bool:
    """Whether RETRY_UNDER can change ``spot``'s verdict."""
    strength = max(s for _t, _v, s in spot.values())
    prompted = [t for k, (t, _v, _s) in spot.items() if k in ("long", "short0", "short1")]
    if strength >= confirm.FAIRLY_SURE or passes_floors(spot, NABU):
        return False
    if any(confirm.slow_spelled(t, NABU) for t in prompted):
        return False  # the shipped retry's own
    return any(confirm.says_phrase(t, NABU) for t in prompted)


def candidates(path: Path, tuning: bool = False) -> dict[str, list[float]]:
    """Each clip's touchable spots, by the time they were made at (``tuning``:
    only the phrases missed as shipped, by wake_tv_misses's replay)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, list[float]] = {}
    for clip in data["clips"]:
        decodes = data["decodes"].get(clip, [])
        if tuning and clip_stage(int(data["network"].get(clip, 0)), spots(decodes),
                                 Levers()).startswith("woke"):
            continue
        by: dict[float, Spot] = {}
        for kind, text, value, strength, at in decodes:
            by.setdefault(float(at), {})[kind] = (text, float(value), float(strength))
        for at, spot in by.items():
            if touchable(spot):
                out.setdefault(clip.split(" ", 1)[1], []).append(at)
    return out


def feed(out: Path, keys: list[str], before: float = BEFORE) -> None:
    conf = confirm.load_confirmer(PHRASE)
    assert conf is not None
    det = load_micro(PHRASE, confirmer=conf)
    rows: list[dict[str, Any]] = []
    for key in keys:
        path, streams, tuning = SOURCES[key]
        want = candidates(Path(path), tuning)
        print(f"{key}: {sum(len(v) for v in want.values())} spots in {len(want)} clips", flush=True)
        for name, pcm in streams():
            if name not in want:
                continue
            for at in [0.0] if tuning else want[name]:
                a = 0 if tuning else max(0, int((at - before) * RATE) // STEP * STEP)
                b = len(pcm) if tuning else int((at + 5) * RATE)
                conf.retry_under = True
                on = len(bw.spot(det, pcm[a:b], PHRASE))
                off = on
                if on:
                    conf.retry_under = False
                    off = len(bw.spot(det, pcm[a:b], PHRASE))
                rows.append({"key": key, "clip": name, "at": at, "on": on, "off": off})
                print(f"  {key} {name} @{at:.2f}: lever on {on}, off {off}", flush=True)
                out.write_text(json.dumps(rows))


def count(paths: list[Path]) -> None:
    for path in paths:
        rows = json.loads(path.read_text(encoding="utf-8"))
        for key in dict.fromkeys(r["key"] for r in rows):
            mine = [r for r in rows if r["key"] == key]
            tuning = SOURCES[key][2]
            if tuning:  # whole clips: caught with and without
                print(f"{key}: {len(mine)} clips, caught on {sum(r['on'] > 0 for r in mine)}, "
                      f"off {sum(r['off'] > 0 for r in mine)}")
            else:
                print(f"{key}: {len(mine)} cuts, wakes on {sum(r['on'] for r in mine)}, "
                      f"off {sum(r['off'] for r in mine)}")


def _peak_wakes(peaks: dict[str, str], margins: dict[str, float], refused: list[bool],
                words: bool) -> bool:
    """Whether a faster short window passes the peak check (``words``: a
    word after "okay" needed, as for RETRY_UNDER's spots)."""
    return any((confirm.peak_says(peaks[n], NABU, fillers=False, without_first=False)
                if words else confirm.peak_says(peaks[n], NABU))
               and margins.get(n, 99.0) <= confirm.ALIGN_MARGIN and not no
               for n, no in zip(sorted(peaks), refused, strict=True))


def retried(path: Path) -> None:
    """A live ``benchmark_wake.py --retry-under on --decodes F`` file: each
    spot the retry acted on (its "slow" marker), which trigger sent it there
    (the shipped one, "okay" and a hesitation, or RETRY_UNDER's "Okay Nabu."
    under the floors) and whether it woke: a faster window over its floor
    saying the phrase, then a faster short window through the peak check
    (peak text, likelihood margin, scrap guard)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    tally: dict[tuple[str, bool], int] = {}
    for clip in data["clips"]:
        by: dict[float, list[list[Any]]] = {}
        for row in data["decodes"].get(clip, []):
            by.setdefault(float(row[4]), []).append(row)
        for at, rows in by.items():
            kinds = [r[0] for r in rows]
            if "slow" not in kinds:
                continue
            cut = kinds.index("slow")
            before, after = rows[:cut], rows[cut + 1:]
            trigger = ("shipped" if any(confirm.slow_spelled(r[1], NABU) for r in before
                                        if r[0] in ("long", "short0", "short1"))
                       else "under")
            floors = any(confirm.says_phrase(r[1], NABU) and r[2] >= (
                confirm.SURE_LOGPROB if r[0] == "slow_long" else confirm.ALIGNED_LOGPROB)
                for r in after if r[0].startswith("slow_"))
            peaks = {r[0][-1]: r[1] for r in after if r[0].startswith("peak")}
            margins = {r[0][-1]: r[2] for r in after if r[0].startswith("align")}
            slots = sorted(peaks)
            texts = [peaks[n] for n in slots]
            refused = (confirm.scrap_refused(texts, NABU) if confirm.SCRAP_GUARD
                       else [False] * len(texts))
            # RETRY_UNDER's spots need a word after "okay" at the peak; the
            # "any" column is the same spot without that (the first version).
            woke = floors and _peak_wakes(peaks, margins, refused, trigger == "under")
            tally[trigger, woke] = tally.get((trigger, woke), 0) + 1
            if woke or trigger == "under":
                first = floors and _peak_wakes(peaks, margins, refused, False)
                print(f"  {clip} @{at}: {trigger}, {'WOKE' if woke else 'refused'}"
                      f" (any peak text: {'woke' if first else 'refused'}) {texts}")
    print(f"{path}: " + ", ".join(f"{t} {'woke' if w else 'refused'} {n}"
                                  for (t, w), n in sorted(tally.items())))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feed", type=Path, help="write each fed cut's wakes here")
    ap.add_argument("--before", type=float, default=BEFORE, help="seconds cut before a spot")
    ap.add_argument("--count", type=Path, nargs="*", default=[])
    ap.add_argument("--retried", type=Path, nargs="*", default=[],
                    help="live runs' decode files: the spots the retry acted on")
    ap.add_argument("keys", nargs="*", help=f"recordings: {', '.join(SOURCES)}")
    args = ap.parse_args(argv)
    if args.feed:
        feed(args.feed, args.keys, args.before)
    count(args.count)
    for path in args.retried:
        retried(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
