#!/usr/bin/env python3
"""Spoken misses split into matching and hearing, tuning halves only.

For every in-scope tuning clip whose right entry is neither answered nor
offered first (the app's path for speech: ``benchmark_audio._match``), the
same question is typed (``Matcher.match`` on its written text, as
``voice text`` reads it):

- ``typed wrong``: typed, a wrong entry is answered or offered first;
- ``typed declined``: typed, nothing is answered or offered;
- ``hearing``: typed, the right entry is answered or offered, so the words
  were lost on the way in.

The first two are the matcher's share (no hearing work reaches them); the
hearing share is what better hearing could win back at most. Clips are
``classify_spoken_misses.tuning_clips`` (tuning.tsv and the even dev.tsv
questions; the odd ones are the held-out half and never read here), with
Whisper's transcripts from the benchmark's transcript cache.

    .venv/bin/python scripts/split_spoken_misses.py --rotate 1 [--show typed,hearing]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import _heard, _match  # noqa: E402
from classify_spoken_misses import DATA, Hearer, clips_of, seeded_cache, tuning_clips  # noqa: E402

from voice.content.loader import load_knowledge  # noqa: E402
from voice.conversation import heard, noun_heard  # noqa: E402
from voice.matching.matcher import Matcher, MatchResult  # noqa: E402
from voice.speech_in.pocketsphinx.corpus import read_labelled  # noqa: E402

SETS = ("dev-even", "tuning", "dev-odd", "heldout")
LABELS = {"dev-even": "dev.tsv even (colloquial)", "tuning": "tuning.tsv",
          "dev-odd": "held out: dev.tsv odd (colloquial)", "heldout": "held out: heldout.tsv"}


def heldout_clips(voices: str, rotate: int) -> list[tuple[str, Any, Any]]:
    """As ``tuning_clips``, for the held-out halves: heldout.tsv and the odd
    dev.tsv questions. Counts only (``--heldout`` refuses ``--show``)."""
    return clips_of({"heldout": read_labelled(DATA / "heldout.tsv"),
                     "dev-odd": read_labelled(DATA / "dev.tsv")[1::2]}, voices, rotate)


def outcome_of(result: MatchResult, want: frozenset[str]) -> str:
    """``right``, ``wrong`` (a wrong entry answered or offered first) or
    ``declined``."""
    if result.outcome == "no_match" or result.entry is None:
        return "declined"
    return "right" if result.entry.id in want else "wrong"


@dataclass
class Miss:
    where: str
    said: str
    heard: str
    matched: str
    spoken: str          # wrong or declined, and answered/offered
    typed: str           # right, wrong or declined
    want: str

    @property
    def share(self) -> str:
        return "hearing" if self.typed == "right" else f"typed {self.typed}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--voices", choices=("espeak", "natural"), default="espeak")
    ap.add_argument("--rotate", type=int, default=1,
                    help="each question in N of the conditions (0 = all)")
    ap.add_argument("--seed", default="", help="earlier transcript cache files (names in "
                    "~/.cache/voice/transcripts) whose engine code decodes as this one does")
    ap.add_argument("--show", default="", help="comma-separated shares to list clip by clip: "
                    "typed, hearing")
    ap.add_argument("--set", default="", help="heard.py constants for this run, e.g. "
                    "SURE_ALTERNATIVES_AGREE=1 (comma-separated; None turns one off)")
    ap.add_argument("--no-noun-heard", action="store_true",
                    help="without the noun read in a noun's place (noun_heard.ON False)")
    ap.add_argument("--heldout", action="store_true",
                    help="the held-out halves instead (heldout.tsv, dev.tsv odd): run once, "
                         "counts only")
    args = ap.parse_args()
    if args.heldout and args.show:
        raise SystemExit("--heldout prints counts only")
    for pair in filter(None, args.set.split(",")):
        name, value = pair.split("=")
        assert hasattr(heard, name), name
        words: dict[str, object] = {"None": None, "True": True, "False": False}
        setattr(heard, name, words[value] if value in words
                else float(value) if "." in value else int(value))

    if args.no_noun_heard:
        noun_heard.ON = False
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    hear = Hearer(kb, seeded_cache(kb, args.seed))
    counts: Counter[tuple[str, str]] = Counter()
    misses: list[Miss] = []
    clips = (heldout_clips if args.heldout else tuning_clips)(args.voices, args.rotate)
    for where, q, wav in clips:
        setname = where.split("/")[0]
        t = hear(wav)
        h = _heard(t)
        r = _match(matcher, h)
        if not q.expected:
            counts[setname, "out"] += 1
            counts[setname, "out declined"] += r.outcome == "no_match"
            counts[setname, "out answered"] += r.outcome == "answer"
            continue
        want = frozenset(q.expected.split("|"))
        spoken = outcome_of(r, want)
        typed = outcome_of(matcher.match(q.text), want)
        counts[setname, "in"] += 1
        counts[setname, f"spoken {spoken}"] += 1
        counts[setname, f"typed {typed}"] += 1
        if spoken == "wrong" and r.outcome == "answer":
            counts[setname, "spoken wrong answered"] += 1
        if spoken == "right":
            continue
        m = Miss(where, q.text, t.text, h.text, f"{spoken} ({r.outcome})", typed, q.expected)
        counts[setname, f"miss {m.share}"] += 1
        misses.append(m)

    print(f"Whisper tiny.en, {args.voices} voices, rotate {args.rotate}; "
          f"{hear.decoded} clips decoded, the rest from the transcript cache")
    print("| tuning half | spoken right | typed right | spoken misses | typed wrong "
          "| typed declined | hearing (typed right) | spoken wrong answered outright "
          "| out of scope declined (answered) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for s in SETS:
        c = {k[1]: v for k, v in counts.items() if k[0] == s}
        if not c:
            continue
        n = c.get("in", 0)
        missed = n - c.get("spoken right", 0)
        print(f"| {LABELS[s]} | {c.get('spoken right', 0)} / {n} | {c.get('typed right', 0)} / {n} "
              f"| {missed} | {c.get('miss typed wrong', 0)} | {c.get('miss typed declined', 0)} "
              f"| {c.get('miss hearing', 0)} | {c.get('spoken wrong answered', 0)} "
              f"| {c.get('out declined', 0)} / {c.get('out', 0)} ({c.get('out answered', 0)}) |")
    show = set(args.show.split(",")) - {""}
    for m in misses:
        if ("typed" in show and m.typed != "right") or ("hearing" in show and m.typed == "right"):
            print(f"{m.share:<15} {m.spoken:<22} {m.where:<30} said {m.said!r}\n"
                  f"{'':16} heard {m.heard!r} matched {m.matched!r} (want {m.want})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
