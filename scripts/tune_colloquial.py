#!/usr/bin/env python3
"""Measure typed colloquial matching on the tuning halves only.

Judged with the shipped matcher and scope model, as scripts/benchmark.py
scores in-scope questions (the right entry answered or offered first):

* tests/data/tuning.tsv (all of it);
* the even-numbered questions of tests/data/dev.tsv (``[::2]`` of its
  labelled lines, as scripts/tune_sound_alike.py counts them): the tuning
  half. ``--show-lost`` lists its misses with what the matcher made of them.
* ``--check``: the odd-numbered half too, as aggregate figures only (never
  question by question).

    .venv/bin/python scripts/tune_colloquial.py [--show-lost] [--check]

Out-of-scope tuning halves are judged by scripts/tune_scope.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.pocketsphinx.corpus import read_labelled  # noqa: E402

DATA = REPO / "tests" / "data"


def judge(m: Matcher, items: list[tuple[str, str | None]], show: bool) -> str:
    """Figures for labelled questions: in scope right (answered or offered),
    answered outright wrong, out of scope declined."""
    right = wrong = ins = declined = outs = 0
    lost: list[str] = []
    for text, expected in items:
        r = m.match(text)
        top = r.entry.id if r.outcome != "no_match" and r.entry else None
        if expected is None:
            outs += 1
            declined += top is None
            if top is not None and show:
                lost.append(f"  not declined: {text!r} -> {r.outcome} {top}")
            continue
        ins += 1
        ok = top is not None and top in expected.split("|")
        right += ok
        wrong += r.outcome == "answer" and not ok
        if not ok and show:
            cands = ", ".join(f"{c.entry.id} {c.score:g}" for c in r.candidates[:3])
            lost.append(f"  lost: {text!r} [{expected}] -> {r.outcome}: {cands}")
    text = (f"in scope right {right}/{ins}, answered wrong {wrong}, "
            f"out of scope declined {declined}/{outs}")
    return "\n".join([text, *lost])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show-lost", action="store_true", help="list the even half's misses")
    ap.add_argument("--check", action="store_true", help="the odd half too, aggregate only")
    args = ap.parse_args()
    m = Matcher(load_knowledge([REPO / "content"]))
    tuning = [(q.text, q.expected) for q in read_labelled(DATA / "tuning.tsv")]
    dev = [(q.text, q.expected) for q in read_labelled(DATA / "dev.tsv")]
    print("tuning.tsv:", judge(m, tuning, args.show_lost))
    print("dev.tsv even:", judge(m, dev[::2], args.show_lost))
    if args.check:
        print("dev.tsv odd (check):", judge(m, dev[1::2], False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
