"""The words floor (confirm.WORDS_FLOOR, session 29, branch wake34) measured
on the only spots it can touch: a spot under confirm.FAIRLY_SURE the floors
refuse with a prompted window saying the phrase (under its floor).

Run: ``.venv/bin/python scripts/wake_words_floor.py --feed OUT.json KEY ...``
feeds them again with the lever on (each tuning clip holding one whole; each
spot of speech not addressed to it cut out of its stream, ``--before``
seconds before it on a 3 s boundary so the network's frames fall as they did,
5 s after), every short window through the peak check; ``--count OUT.json
...`` then counts the wakes the lever adds (a wake whose spot passed the
floors only on a "words_" score; the shipped path replayed from the same
decodes by wake_tv_misses.stage), each once by stream and time. KEY names an
earlier session's ``benchmark_wake.py --decodes`` file and how its audio is
made again (:data:`SOURCES`; the files and caches are those sessions' /tmp
ones).
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
from wake_replay_files import Spot, passes_floors  # noqa: E402
from wake_tv_misses import NABU, Levers, stage  # noqa: E402

from voice.speech_in.wake import confirm  # noqa: E402
from voice.speech_in.wake.micro import load_micro  # noqa: E402

Streams = Callable[[], Iterator[tuple[str, np.ndarray]]]
PHRASE = "okay nabu"
RATE = 16000
STEP = 3 * RATE  # the cut starts on a 3 s boundary of the stream

#: KEY: (decodes file, its audio made again, tuning phrases?).
SOURCES: dict[str, tuple[str, Streams, bool]] = {
    "p23": ("/tmp/wake26/p23.json",
            lambda: bw.positives(PHRASE, Path("/tmp/wake26/c23"), "tune", 23), True),
    "p27": ("/tmp/wake28/p27.json",
            lambda: bw.positives(PHRASE, Path("/tmp/wake28/c27"), "tune", 27), True),
    "d33": ("/tmp/wake32/d33.json",
            lambda: bw.positives(PHRASE, Path("/tmp/wake32/c33"), "tune", 33), True),
    "pok2": ("/tmp/wake26/pok2.json",
             lambda: bw.okay_negatives(PHRASE, Path("/tmp/wake26/cok")), False),
    "ot012": ("/tmp/wake29/ot012.json",
              lambda: bw.okay_everyday_streams("tune", Path("/tmp/wake29/c"), [0, 1, 2]), False),
    "ot345": ("/tmp/wake29/ot345.json",
              lambda: bw.okay_everyday_streams("tune", Path("/tmp/wake29/c"), [3, 4, 5]), False),
    "n271": ("/tmp/wake28/n271.json",
             lambda: bw.negatives(150, Path("/tmp/wake28/cn271"), 271), False),
    "s301": ("/tmp/wake30/s301.json",
             lambda: bw.negatives(150, Path("/tmp/wake30/c301"), 301), False),
    "p267": ("/tmp/wake26/p267.json",
             lambda: bw.negatives(60, Path("/tmp/wake26/c267"), 267), False),
}


def _by_spot(decodes: list[list[Any]]) -> dict[float, Spot]:
    by: dict[float, Spot] = {}
    for kind, text, value, strength, at in decodes:
        by.setdefault(float(at), {})[kind] = (text, float(value), float(strength))
    return by


def touchable(spot: Spot) -> bool:
    """Whether the words floor can change ``spot``'s verdict."""
    strength = max(s for _t, _v, s in spot.values())
    if strength >= confirm.FAIRLY_SURE or passes_floors(spot, NABU):
        return False
    return any(k.startswith(("long", "short")) and confirm.says_phrase(t, NABU)
               for k, (t, _v, _s) in spot.items())


def candidates(path: Path) -> dict[str, list[float]]:
    """Each clip's (stream's) touchable spots, by the time they were made at."""
    data = json.loads(path.read_text(encoding="utf-8"))
    out: dict[str, list[float]] = {}
    for clip in data["clips"]:
        for at, spot in _by_spot(data["decodes"].get(clip, [])).items():
            if touchable(spot):
                out.setdefault(clip.split(" ", 1)[1], []).append(at)
    return out


def _start(at: float, before: float) -> int:
    return max(0, int((at - before) * RATE) // STEP * STEP)


def feed(out: Path, keys: list[str], before: float) -> None:
    conf = confirm.load_confirmer(PHRASE)
    assert conf is not None
    conf.peak_every_slot = True
    conf.words_floor = True
    det = load_micro(PHRASE, confirmer=conf, keep=True)
    names: list[str] = []
    for key in keys:
        path, streams, tuning = SOURCES[key]
        want = candidates(Path(path))
        print(f"{key}: {sum(len(v) for v in want.values())} spots", flush=True)
        for name, pcm in streams():
            if name not in want:
                continue
            for at in [0.0] if tuning else want[name]:
                a, b = (0, len(pcm)) if tuning else (_start(at, before), int((at + 5) * RATE))
                label = f"{key} {name} @{at:.2f}+{a / RATE:.0f}"
                names.append(label)
                hits = bw.spot(det, pcm[a:b], PHRASE, label)
                print(f"  {label}: {len(hits)} wakes", flush=True)
                out.write_text(json.dumps({"network": bw.NETWORK_WAKES,
                                           "decodes": bw.DECODES, "clips": names}))


def with_words(spot: Spot) -> Spot:
    """``spot`` as the floors see it with the lever on: a "words_" score over
    its window's floor stands in for the window's average."""
    seen = {k: v for k, v in spot.items() if not k.startswith("words_")}
    for k, (text, value, strength) in spot.items():
        if k.startswith("words_"):
            kind = k[len("words_"):]
            floor = (confirm.SURE_LOGPROB if kind == "long"
                     else confirm.short_floor(strength))
            if value >= floor:
                seen[kind] = (text, value, strength)
    return seen


def _cut(clip: str, before: float) -> tuple[str, float]:
    """A fed clip's stream and where its cut starts (seconds): "KEY NAME
    @AT+START", or the session's first driver's "pos|neg KEY NAME AT"."""
    if " @" in clip:
        head, cut = clip.rsplit(" @", 1)
        return head, float(cut.split("+")[1])
    head, at = clip.rsplit(" ", 1)
    return head, 0.0 if head.startswith("pos ") else _start(float(at), before) / RATE


def count(paths: list[Path], before: float) -> None:
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        added: set[tuple[str, int]] = set()
        for clip in data["clips"]:
            head, start = _cut(clip, before)
            for at, spot in _by_spot(data["decodes"].get(clip, [])).items():
                lever = stage(with_words(spot), Levers())
                if lever.startswith("woke") and not stage(spot, Levers()).startswith("woke"):
                    key = (head, round(start + at))
                    if key not in added:
                        words = {k: v[:2] for k, v in spot.items() if not k.startswith("fit")}
                        print(f"  added: {key} {words}")
                    added.add(key)
        print(f"{path}: {len(data['clips'])} clips or cuts, {len(added)} wakes added")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feed", type=Path, help="write the decodes of the spots fed again here")
    ap.add_argument("--before", type=float, default=20.0, help="seconds cut before a spot")
    ap.add_argument("--count", type=Path, nargs="*", default=[])
    ap.add_argument("keys", nargs="*", help=f"recordings to feed again: {', '.join(SOURCES)}")
    args = ap.parse_args(argv)
    if args.feed:
        feed(args.feed, args.keys, args.before)
    count(args.count, args.before)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
