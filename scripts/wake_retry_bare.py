"""Three retry levers, measured and dropped (session 33, branch wake39;
docs/wake-word.md). None is in confirm.py: this script patches the check
it runs.

``--feed OUT.json KEY ...`` (then ``--count OUT.json``): the slow retry
(confirm.SLOW_RETRY) also for a weak spot the floors refused whose every
prompted window heard "okay" alone ("Okay." x3: tuning draw 45's en-us at 90
wpm under TV talk). Each such spot of a recorded run is cut out as
wake_retry_under.py does (a tuning clip missed as shipped: whole) and fed to
the detector ``voice listen`` builds with the retry taking "okay" alone as
its trigger; a cut that wakes is fed again without.

``--fairly --feed OUT.json KEY ...``: the retry also for a fairly sure spot
(confirm.FAIRLY_SURE up to the network's cutoff) the floors refused, one of
whose prompted windows says the phrase or "okay" and a hesitation, checked
again as a weak spot (tuning draw 51's en-us at 122 wpm under TV talk).

``--spots FILE ...``: how many spots of each decode file the "okay alone"
trigger can touch.

``--peaks``: what the faster short windows of a RETRY_UNDER spot say at the
peak and their likelihood margins, with confirm.RETRY_UNDER_WORDS off (a
bare "Okay" let through): tuning draw 49's en-029+f4 at 81 wpm under TV
talk (missed as shipped: its peak heard "Okay" alone) beside the three
cuts of speech not addressed to it that woke session 32's first version.
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

import benchmark_wake as bw  # noqa: E402
import wake_retry_under as wru  # noqa: E402
from wake_replay_files import Spot, passes_floors  # noqa: E402

from voice.speech_in.wake import confirm  # noqa: E402
from voice.speech_in.wake.micro import load_micro  # noqa: E402

NABU = wru.NABU
SURE = 0.8  # the network's own cutoff (micro)


def _draw(n: int) -> wru.Streams:
    return lambda: bw.positives(wru.PHRASE, wru.CACHE, "tune", n)


SOURCES = {
    **wru.SOURCES,
    "ot12": ("/tmp/wake38/ot12.json",
             lambda: bw.okay_everyday_streams("tune", wru.CACHE, [1, 2]), False),
    "ot34": ("/tmp/wake38/ot34.json",
             lambda: bw.okay_everyday_streams("tune", wru.CACHE, [3, 4]), False),
    "ot24": ("/tmp/wake39/ot24.json",
             lambda: bw.okay_everyday_streams("tune", wru.CACHE, [2, 4]), False),
    **{f"p{n}": (f"/tmp/wake39/d{n}.json", _draw(n), True) for n in (47, 49, 51)},
}
#: --peaks: (recording, clip, spot time, seconds cut before it; 0: the whole clip).
PEAK_CUTS = [
    ("p49", "en-029+f4 90 (81 wpm) tv 10dB", 0.0, 0.0),
    ("n377", "read en", 700.41, 20.0),
    ("n377", "read en+f3", 251.49, 20.0),
    ("ot5", "read en-029+m4 110 wpm, 50 okay-everyday tune sentences", 3.09, 6.0),
]


def first_alone(text: str) -> bool:
    words = confirm._WORD.findall(text.lower())
    return len(words) == 1 and words[0] in NABU.first_words


def touchable(spot: Spot) -> bool:
    """Whether the "okay alone" trigger can change ``spot``'s verdict."""
    strength = max(s for _t, _v, s in spot.values())
    prompted = [t for k, (t, _v, _s) in spot.items() if k in ("long", "short0", "short1")]
    if not prompted or strength >= confirm.FAIRLY_SURE or passes_floors(spot, NABU):
        return False
    if any(confirm.slow_spelled(t, NABU) or confirm.says_phrase(t, NABU) for t in prompted):
        return False  # the shipped retry's own triggers
    return all(first_alone(t) for t in prompted)


def touchable_fairly(spot: Spot) -> bool:
    """Whether retrying a fairly sure spot (``--fairly``) can change ``spot``'s
    verdict: from FAIRLY_SURE to the network's cutoff, refused by the floors,
    a prompted window saying the phrase or "okay" and a hesitation."""
    strength = max(s for _t, _v, s in spot.values())
    prompted = [t for k, (t, _v, _s) in spot.items() if k in ("long", "short0", "short1")]
    if not confirm.FAIRLY_SURE <= strength < SURE or passes_floors(spot, NABU):
        return False
    return any(confirm.slow_spelled(t, NABU) or confirm.says_phrase(t, NABU) for t in prompted)


def _cut(pcm: Any, at: float, before: float, whole: bool) -> Any:
    if whole:
        return pcm
    a = max(0, int((at - before) * wru.RATE) // wru.STEP * wru.STEP)
    return pcm[a:int((at + 5) * wru.RATE)]


def feed(out: Path, keys: list[str], before: float, fairly: bool = False) -> None:
    conf = confirm.load_confirmer(wru.PHRASE)
    assert conf is not None
    det = load_micro(wru.PHRASE, confirmer=conf)
    shipped = conf._retried
    confirms = conf._confirms

    def fairly_retried(window: Any, aligned: Any, strength: float, fairly: bool = False,
                       slow: Any = ()) -> bool:
        # A fairly sure spot the floors refused, checked again as a weak one:
        # the floors, the retry made faster, then the peak check.
        said = bool(confirms(window, aligned, strength, fairly, slow))
        return said or (fairly and bool(confirms(window, aligned, strength, False, slow)))
    rows: list[dict[str, Any]] = []
    for key in keys:
        path, streams, tuning = SOURCES[key]
        want = wru.candidates(Path(path), tuning)
        print(f"{key}: {sum(len(v) for v in want.values())} spots in {len(want)} clips", flush=True)
        for name, pcm in streams():
            for at in ([0.0] if tuning else want[name]) if name in want else []:
                cut = _cut(pcm, at, before, tuning)
                # The fed spots' prompted windows all heard "okay" alone, so
                # "any window" here is "every window".
                if fairly:
                    conf._confirms = fairly_retried
                else:
                    conf._retried = lambda t: shipped(t) or first_alone(t)
                on = len(bw.spot(det, cut, wru.PHRASE))
                off = on
                conf._retried, conf._confirms = shipped, confirms
                if on:
                    off = len(bw.spot(det, cut, wru.PHRASE))
                rows.append({"key": key, "clip": name, "at": at, "on": on, "off": off})
                print(f"  {key} {name} @{at:.2f}: lever on {on}, off {off}", flush=True)
                out.write_text(json.dumps(rows))


def peaks() -> None:
    conf = confirm.load_confirmer(wru.PHRASE)
    assert conf is not None
    det = load_micro(wru.PHRASE, confirmer=conf)
    conf.retry_under_words = False
    for key in dict.fromkeys(c[0] for c in PEAK_CUTS):
        for name, pcm in SOURCES[key][1]():
            for k, clip, at, before in PEAK_CUTS:
                if k != key or clip != name:
                    continue
                conf.decodes.clear()
                woke = len(bw.spot(det, _cut(pcm, at, before, before == 0.0), wru.PHRASE))
                print(f"{key} {clip} @{at}: wakes {woke} (RETRY_UNDER_WORDS off)", flush=True)
                for d in conf.decodes:
                    if d.kind.startswith(("slow", "peak", "align")):
                        print(f"    {d.kind} {d.text!r} {d.avg_logprob:.2f}"
                              f" (spot {d.strength:.2f})")


def count_spots(paths: list[Path]) -> None:
    """How many spots of each decode file the "okay alone" trigger can touch
    (of a tuning draw's, ``d*.json``: also those of phrases missed as shipped)."""
    for path in paths:
        every = sum(len(v) for v in wru.candidates(path).values())
        line = f"{path}: {every} spots heard as 'okay' alone on every prompted window"
        if path.name.startswith("d"):
            missed = sum(len(v) for v in wru.candidates(path, True).values())
            line += f", {missed} of them on phrases missed as shipped"
        print(line)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feed", type=Path, help="write each fed cut's wakes here")
    ap.add_argument("--before", type=float, default=wru.BEFORE, help="seconds cut before a spot")
    ap.add_argument("--count", type=Path, nargs="*", default=[])
    ap.add_argument("--fairly", action="store_true",
                    help="with --feed: retry the fairly sure spots the floors refused instead")
    ap.add_argument("--peaks", action="store_true", help="the faster peaks' texts and margins")
    ap.add_argument("--spots", type=Path, nargs="*", default=[],
                    help="decode files: count the spots the trigger can touch")
    ap.add_argument("keys", nargs="*", help=f"recordings: {', '.join(SOURCES)}")
    args = ap.parse_args(argv)
    wru.touchable = touchable_fairly if args.fairly else touchable  # wru.candidates' spots
    wru.SOURCES.update(SOURCES)
    if args.feed:
        feed(args.feed, args.keys, args.before, args.fairly)
    if args.peaks:
        peaks()
    count_spots(args.spots)
    wru.count(args.count)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
