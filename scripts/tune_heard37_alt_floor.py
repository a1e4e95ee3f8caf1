#!/usr/bin/env python3
"""The floor on offering Whisper's other hearing when the first matches nothing, tuning halves only.

``whisper/alternatives.offered_alternative`` offers the first alternative
hypothesis that the matcher would offer at ``confidence.OFFER_SCORE`` (90)
or more. Session 30 (heard36) found "will a rub down help" heard "... the
lockdown help" whose first alternative is right at 88.5. This measures,
on every tuning clip already in the transcript cache (tune_spoken_oos.py's
clips: espeak-ng tuning.tsv and dev.tsv even in six conditions,
health-tuning, foreign-tuning, the natural voices' tuning halves; out of
scope first), the outcomes with

- ``sep@F``: a floor of its own, F, for that one step (the agreeing
  alternatives of ``heard.agreed_alternative`` and ``unmatched_agreed``
  keep 90);
- ``all@F``: ``confidence.OFFER_SCORE`` itself at F (every step that reads
  alternatives).

No clip is decoded here (run tune_spoken_oos.py first to fill the cache).

    python scripts/tune_heard37_alt_floor.py --floors 88,86,84,82,80 [--show]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import TranscriptCache, engine_loaders, pad  # noqa: E402
from tune_spoken_oos import _outcome, _short, items_in_order  # noqa: E402

import voice.speech_in.whisper.alternatives as A  # noqa: E402
from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.whisper import confidence  # noqa: E402

BASE = confidence.OFFER_SCORE


def _apply(setting: str) -> None:
    """``base``, ``sep@F`` or ``all@F`` (see the module's doc)."""
    confidence.OFFER_SCORE = BASE
    A.confidence = confidence
    if setting == "base":
        return
    kind, value = setting.split("@")
    if kind == "sep":
        A.confidence = SimpleNamespace(OFFER_SCORE=float(value))  # type: ignore[assignment]
    else:
        confidence.OFFER_SCORE = float(value)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--floors", default="88,86,84,82,80")
    ap.add_argument("--all-floors", default="88,86,84")
    ap.add_argument("--show", action="store_true", help="list the clips that change")
    ap.add_argument("--seed", action="append", default=[])
    args = ap.parse_args()
    settings = (["base"] + [f"sep@{f}" for f in args.floors.split(",") if f]
                + [f"all@{f}" for f in args.all_floors.split(",") if f])
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    cache = TranscriptCache("whisper", [Path(x).expanduser() for x in args.seed])
    cache.loader = engine_loaders(kb)["whisper"]
    cache._read()
    counts: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    changed: list[str] = []
    n = 0
    for name, expected, said, wav in items_in_order():
        if wav.name not in cache._known:
            continue
        n += 1
        t = cache.transcribe(None, pad(read_wav(wav)), wav)
        got: list[str] = []
        for s in settings:
            _apply(s)
            got.append(_outcome(matcher, t, expected))
            counts[name, s][got[-1]] += 1
        _apply("base")
        if len(set(got)) > 1:
            moves = ", ".join(f"{s} {g}" for s, g in zip(settings, got, strict=True)
                              if g != got[0])
            alts = " | ".join(t.alternatives[:3])
            changed.append(f"  {name}: {said!r} heard {t.text!r} [{alts}]: "
                           f"base {got[0]}; {moves}")
    print(f"{n} tuning clips in the cache ({cache.path.name})")
    print("right entry / answered wrong / offered wrong / out of scope declined (answered)")
    for s in settings:
        print(f"  {s}")
        total: Counter[str] = Counter()
        for name in dict.fromkeys(k for k, _ in counts):
            total += counts[name, s]
            print(f"    {name:<18} {_short(counts[name, s])}")
        print(f"    {'all':<18} {_short(total)}")
    if args.show:
        print("\n".join(changed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
