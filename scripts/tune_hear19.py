#!/usr/bin/env python3
"""Issue 13, session 19: Whisper's second hearing (whisper/engine.py
``SECOND_HEARING_BELOW``): a beam's words for a question whose greedy decode
scored low, understood only when the first hearing matches nothing, and then
offered only. Measured through the engine's own path, off -> on in the same
run; a clip whose greedy decode scores at or above the threshold takes the
same path both ways, so it is decoded once.

    # tuning halves: the espeak-ng tuning clips hear17's store holds whose
    # greedy decode scored below -0.7 there (decoded afresh, off and on)
    .venv/bin/python scripts/tune_hear19.py --tuning-store
    # tuning halves in tune_hear15's order, every 4th clip (natural voices too)
    .venv/bin/python scripts/tune_hear19.py --tuning --stride 4 --limit-seconds 600
    # real people's requests and sentences (none ours), off -> on
    .venv/bin/python scripts/tune_hear19.py --real tuning
    # held out, once, counts only: the odd positions of tune_hear16's hash
    # order after the first 293 (hear18 read those with its fallback)
    .venv/bin/python scripts/tune_hear19.py --heldout --limit-seconds 1200
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

import tune_hear16 as H16  # noqa: E402
from tune_hear15 import items, line, outcome  # noqa: E402

import voice.speech_in.whisper.engine as E  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402

#: The threshold measured (hear17's), whatever the engine ships.
ON = -0.7
#: Held-out clips (odd positions in hash order) hear18 read with its fallback.
HEAR18_READ = 293


class Hearing:
    """The engine with the second hearing switched off or on, and the content
    prompt's greedy score of the last decode (``scores``)."""

    def __init__(self, kb: Any) -> None:
        self.v: Any = H16.Variants(kb, ["faq"])
        dec = self.v.rec._decoder
        inner, self.scores = dec.generate, []

        def generate(encoded: Any, samples: int, prompt: list[int]) -> Any:
            seg = inner(encoded, samples, prompt)
            if prompt is dec.prompt:
                self.scores.append(seg.score)
            return seg

        dec.generate = generate

    def heard(self, below: float | None, wav: Path) -> Any:
        E.SECOND_HEARING_BELOW = below
        self.scores.clear()
        return self.v.transcribe("faq", wav)

    def low(self) -> bool:
        return bool(self.scores) and self.scores[0] < ON


def _both(h: Hearing, matcher: Matcher, wav: Path, expected: str | None
          ) -> tuple[str, str, Any, Any]:
    """Outcome off and on, and the two transcripts (the same one when the
    greedy decode scored at or above ``ON``)."""
    off_t = h.heard(None, wav)
    off = outcome(matcher, off_t, expected)
    if not h.low():
        return off, off, off_t, off_t
    on_t = h.heard(ON, wav)
    return off, outcome(matcher, on_t, expected), off_t, on_t


def _report(tally: dict[tuple[str, str], Counter[str]]) -> None:
    for label in dict.fromkeys(lb for _, lb in tally):
        print(label)
        for n in ("off", "second hearing"):
            print(f"  {n:<15} {line(tally[n, label])}")


def run_tuning(kb: Any, matcher: Matcher, clips: list[Any], limit_seconds: float) -> int:
    """Tuning clips (set, condition, expected, said, wav): off -> on, with
    every clip whose outcome changed (tuning halves only)."""
    h = Hearing(kb)
    tally: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    started, done, again, changed = time.time(), 0, 0, []
    for name, cond, expected, said, wav in clips:
        if limit_seconds and time.time() - started > limit_seconds:
            break
        done += 1
        off, on, off_t, on_t = _both(h, matcher, wav, expected)
        again += int(off_t is not on_t)
        second = getattr(on_t, "second_hearing", None)
        if off != on:
            changed.append(f"  [{name} {cond}] {said!r}: {off_t.text!r} {off} -> "
                           f"second {second.text if second else None!r} {on}")
        tally["off", name][off] += 1
        tally["second hearing", name][on] += 1
    print(f"tuning clips: {done} of {len(clips)} decoded ({again} below {ON})")
    _report(tally)
    print("clips whose outcome changed:")
    print("\n".join(changed))
    return 0


def store_clips(voices: str) -> list[Any]:
    """The tuning clips of hear17's store (tune_hear17.py, main's greedy
    decodes) that scored below ``ON`` there."""
    path = H16.store().with_name(H16.store().name.replace("hear16-variants", "hear17"))
    low = {json.loads(r)["wav"] for r in path.read_text().splitlines()
           if json.loads(r)["variant"] == "faq" and (json.loads(r).get("score") or 0) < ON}
    return [c for c in items(voices) if c[-1].name in low]


def run_heldout(kb: Any, matcher: Matcher, limit_seconds: float) -> int:
    """Held-out totals (run once): the odd positions of tune_hear16's hash
    order (``clips[1::2]``) after the ones hear18 read with its fallback. Counts only."""
    from tune_hear15 import heldout_clips

    h = Hearing(kb)
    clips = sorted(heldout_clips(), key=lambda c: hashlib.sha1(c[-1].name.encode()).digest())
    clips = clips[1::2][HEAR18_READ:]
    tally: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    started, done, again = time.time(), 0, 0
    for label, expected, _said, wav in clips:
        if limit_seconds and time.time() - started > limit_seconds:
            break
        done += 1
        off, on, off_t, on_t = _both(h, matcher, wav, expected)
        again += int(off_t is not on_t)
        tally["off", label][off] += 1
        tally["second hearing", label][on] += 1
    print(f"held out, odd positions in hash order after the first {HEAR18_READ}: "
          f"{done} of {len(clips)} decoded ({again} below {ON}), counts only")
    _report(tally)
    return 0


def run_real(kb: Any, half: str) -> int:
    """Real people's requests and sentences (tune_hear16.run_real's clips):
    declined / offered / answered outright, off -> on."""
    import benchmark_real_requests as real

    h = Hearing(kb)
    rec = h.v.rec
    clips = [c for c in (*real.requests(), *real.read_sentences(), *real.health_speech())
             if half == "all" or c.half == half]
    tally: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for c in clips:
        got: dict[str, Any] = {}
        for n, below in (("off", None), ("on", ON)):
            if n == "on" and not h.low():
                tally[n, c.set, c.half][got["outcome"]] += 1  # the same path
                continue
            E.SECOND_HEARING_BELOW = below
            h.scores.clear()
            rec._decoder.set_prompt(h.v.prompts["faq"])
            said = rec.transcribe(real.padded(c.path))
            got = real.assistant(kb).handle_heard(said, source=c.path.name)
            tally[n, c.set, c.half][got["outcome"]] += 1
    H16.print_real_tally(tally, ("off", "on"), len(clips))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tuning", action="store_true")
    ap.add_argument("--tuning-store", action="store_true")
    ap.add_argument("--stride", type=int, default=4)
    ap.add_argument("--voices", choices=("espeak", "natural", "all"), default="all")
    ap.add_argument("--heldout", action="store_true", help="held-out totals (once)")
    ap.add_argument("--limit-seconds", type=float, default=0.0)
    ap.add_argument("--real", default="", choices=("", "tuning", "held-out", "all"))
    args = ap.parse_args()
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    if args.tuning_store:
        return run_tuning(kb, matcher, store_clips("espeak"), args.limit_seconds)
    if args.tuning:
        clips = sorted(items(args.voices),
                       key=lambda c: hashlib.sha1(c[-1].name.encode()).digest())
        return run_tuning(kb, matcher, clips[::args.stride], args.limit_seconds)
    if args.heldout:
        return run_heldout(kb, matcher, args.limit_seconds)
    if args.real:
        return run_real(kb, args.real)
    ap.print_help()
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
