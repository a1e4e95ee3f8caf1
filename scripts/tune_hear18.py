#!/usr/bin/env python3
"""Issue 13, branch hear18: the beam fallback (whisper/engine.py
``FALLBACK_BELOW``) with the beam's words offered only, never answered
outright, measured through the engine's own path.

    # tuning halves: main's outcomes (tune_hear17.py's store, run from main's
    # worktree) against the engine's fallback, decoded afresh only for the
    # clips whose greedy decode scored below the threshold (the others take
    # the same path by construction)
    .venv/bin/python scripts/tune_hear18.py --tuning --voices espeak
    # held out, once, counts only: the other half of hear17's held-out
    # sample (every 2nd clip in hash order from the second; hear17 read the
    # first 848 of the even positions with its fallback on)
    .venv/bin/python scripts/tune_hear18.py --heldout --limit-seconds 1200
    # real people's requests and sentences (none ours), off -> on
    .venv/bin/python scripts/tune_hear18.py --real tuning
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


def hear17_store() -> Path:
    return H16.store().with_name(H16.store().name.replace("hear16-variants", "hear17"))


def _with(v: Any, below: float | None, wav: Path) -> Any:
    E.FALLBACK_BELOW = below
    return v.transcribe("faq", wav)


def _scored(v: Any) -> list[float]:
    """The content prompt's greedy scores, the last one last: with the
    fallback off, a clip scoring at or above ``ON`` takes the same path with
    it on, so it is not decoded twice."""
    dec = v.rec._decoder
    inner, scores = dec.generate, []

    def generate(encoded: Any, samples: int, prompt: list[int]) -> Any:
        seg = inner(encoded, samples, prompt)
        if prompt is dec.prompt:
            scores.append(seg.score)
        return seg

    dec.generate = generate
    return scores


def run_tuning(kb: Any, matcher: Matcher, stride: int, voices: str) -> int:
    """Main's outcome (the store's ``faq`` rows, decoded from main's worktree)
    against this engine's, per tuning set; only clips below ``ON`` decoded."""
    known = H16.read_store(hear17_store())
    v: Any = H16.Variants(kb, ["faq"])
    key = v.key("faq")
    # tune_hear17's key for its fallback variant (tune_hear16.Variants.key).
    fb_key = hashlib.sha1(json.dumps([v.prompts["faq"], {"fallback": -0.7}]).encode()
                          ).hexdigest()[:16]
    todo = items(voices)[::stride]
    before: dict[str, Counter[str]] = defaultdict(Counter)
    after: dict[str, Counter[str]] = defaultdict(Counter)
    hear17: dict[str, Counter[str]] = defaultdict(Counter)
    redecoded = 0
    changed = []
    for name, cond, expected, said, wav in todo:
        row = known.get((key, wav.name))
        if row is None or row.get("score") is None:
            continue
        got = row["outcome"]
        if row["score"] < ON:
            redecoded += 1
            t = _with(v, ON, wav)
            got = outcome(matcher, t, expected)
            if got != row["outcome"]:
                changed.append(f"  [{name} {cond}] {said!r}: {row['text'].strip()!r} "
                               f"{row['outcome']} -> {t.text!r} {got}")
        before[name][row["outcome"]] += 1
        after[name][got] += 1
        fb = known.get((fb_key, wav.name))
        if fb is not None:
            hear17[name][fb["outcome"]] += 1
    print(f"tuning halves (every {stride}th clip, those main's run decoded): "
          f"{redecoded} re-decoded below {ON}")
    for name in before:
        print(name)
        print(f"  main              {line(before[name])}")
        if hear17[name]:
            print(f"  hear17 fb-0.7     {line(hear17[name])}")
        print(f"  offered fallback  {line(after[name])}")
    print("clips whose outcome changed:")
    print("\n".join(changed))
    return 0


def run_heldout(kb: Any, matcher: Matcher, limit_seconds: float) -> int:
    """Held-out totals (run once): the odd positions of tune_hear16's hash
    order (``clips[1::2]``), fallback off and on. Counts only."""
    from tune_hear15 import heldout_clips

    v: Any = H16.Variants(kb, ["faq"])
    scores = _scored(v)
    clips = sorted(heldout_clips(), key=lambda c: hashlib.sha1(c[-1].name.encode()).digest())
    clips = clips[1::2]
    tally: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    started, done, again = time.time(), 0, 0
    for label, expected, _said, wav in clips:
        if limit_seconds and time.time() - started > limit_seconds:
            break
        done += 1
        scores.clear()
        off = outcome(matcher, _with(v, None, wav), expected)
        on = off
        if scores and scores[0] < ON:
            again += 1
            on = outcome(matcher, _with(v, ON, wav), expected)
        tally["off", label][off] += 1
        tally["offered fallback", label][on] += 1
    print(f"held out, odd positions in hash order: {done} of {len(clips)} decoded "
          f"({again} below {ON}), counts only")
    for label in dict.fromkeys(lb for _, lb in tally):
        print(label)
        for n in ("off", "offered fallback"):
            print(f"  {n:<18} {line(tally[n, label])}")
    return 0


def run_real(kb: Any, half: str) -> int:
    """Real people's requests and sentences (tune_hear16.run_real's clips):
    declined / offered / answered outright, fallback off -> on."""
    import benchmark_real_requests as real

    v: Any = H16.Variants(kb, ["faq"])
    scores = _scored(v)
    clips = [c for c in (*real.requests(), *real.read_sentences(), *real.health_speech())
             if half == "all" or c.half == half]
    tally: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for c in clips:
        scores.clear()
        got: dict[str, Any] = {}
        for n, below in (("off", None), ("on", ON)):
            if n == "on" and not (scores and scores[0] < ON):
                tally[n, c.set, c.half][got["outcome"]] += 1  # the same path
                continue
            E.FALLBACK_BELOW = below
            v.rec._decoder.set_prompt(v.prompts["faq"])
            said = v.rec.transcribe(real.padded(c.path))
            got = real.assistant(kb).handle_heard(said, source=c.path.name)
            tally[n, c.set, c.half][got["outcome"]] += 1
    H16.print_real_tally(tally, ("off", "on"), len(clips))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tuning", action="store_true")
    ap.add_argument("--stride", type=int, default=2)
    ap.add_argument("--voices", choices=("espeak", "natural", "all"), default="all")
    ap.add_argument("--heldout", action="store_true", help="held-out totals (once)")
    ap.add_argument("--limit-seconds", type=float, default=0.0)
    ap.add_argument("--real", default="", choices=("", "tuning", "held-out", "all"))
    args = ap.parse_args()
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    if args.tuning:
        return run_tuning(kb, matcher, args.stride, args.voices)
    if args.heldout:
        return run_heldout(kb, matcher, args.limit_seconds)
    if args.real:
        return run_real(kb, args.real)
    ap.print_help()
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
