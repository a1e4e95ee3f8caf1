#!/usr/bin/env python3
"""Measure spoken colloquial matching from cached Whisper transcripts only
(no audio is decoded: a clip missing from the cache is counted and skipped).

Clips: scripts/tune_sound_alike.py's tuning clips (tests/data/tuning.tsv and
the even-numbered questions of tests/data/dev.tsv, "dev even", in the six
conditions; health-tuning.tsv in two voices; 120 foreign-tuning.tsv requests
in one). Each transcript goes through benchmark_audio._match, the app's path
for speech. Prints per set: right entry (answered or offered first), answered
outright wrong, offered wrong, and out of scope declined.

    .venv/bin/python scripts/tune_colloquial_spoken.py [--show-lost] [--check]

``--show-lost`` lists dev even's missed clips (in scope) and its out-of-scope
clips not declined, with what was heard and why (no match heard surely or
doubtfully, or a wrong entry). ``--check`` adds the odd half of dev.tsv (the
held-out half) as aggregate figures only, never clip by clip.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import TranscriptCache, _heard, _match  # noqa: E402
from make_spoken_questions import BENCHMARK_VARIANTS as V  # noqa: E402
from make_spoken_questions import speak  # noqa: E402
from tune_sound_alike import clips as tuning_clips  # noqa: E402

from voice.app import is_doubtful, understood  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.base import Transcript  # noqa: E402
from voice.speech_in.pocketsphinx.corpus import read_labelled  # noqa: E402

DATA = REPO / "tests" / "data"


def cached(cache: TranscriptCache, wav: Path) -> Transcript | None:
    row = cache._known.get(wav.name)
    if row is None:
        return None
    return Transcript(row["text"], row["engine"], row["confidence"],
                      alternatives=[str(a) for a in row.get("alternatives", [])],
                      words=tuple((str(w), float(c)) for w, c in row["words"]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show-lost", action="store_true", help="list dev even's misses")
    ap.add_argument("--check", action="store_true", help="dev.tsv odd too, aggregate only")
    ap.add_argument("--outcomes", type=Path, help="write every tuning clip's outcome here "
                    "(to compare two versions of the matcher)")
    args = ap.parse_args()
    matcher = Matcher(load_knowledge([REPO / "content"]))
    cache = TranscriptCache("whisper")
    rows = list(tuning_clips(6))
    if args.check:
        rows += [("dev-odd (check)", q.expected or None, q.text, speak(q.text, v))
                 for v in V for q in read_labelled(DATA / "dev.tsv")[1::2]]
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    lost: list[str] = []
    outcomes: list[str] = []
    for name, exp, said, wav in rows:
        t = cached(cache, wav)
        s = counts[name]
        if t is None:
            s["uncached"] += 1
            continue
        r = _match(matcher, _heard(t))
        got = r.entry.id if r.entry is not None and r.outcome != "no_match" else None
        if name != "dev-odd (check)":
            outcomes.append(f"{name}\t{exp}\t{said}\t{t.text}\t{r.outcome}\t{got}")
        if not exp:
            s["n_out"] += 1
            s["declined"] += got is None
            s["answered"] += r.outcome == "answer"
            if got is not None and args.show_lost and name == "dev-even":
                lost.append(f"  OOS taken ({r.outcome} {got})\t{said}\t| {t.text}")
            continue
        ok = got is not None and got in exp.split("|")
        s["n"] += 1
        s["right"] += ok
        s["wrong"] += r.outcome == "answer" and not ok
        s["offered_wrong"] += r.outcome == "confirm" and not ok
        if not ok and args.show_lost and name == "dev-even":
            why = ("wrong " + str(got) if got else
                   "none, doubtful" if is_doubtful(t) else "none, sure")
            cands = ", ".join(f"{c.entry.id} {c.score:g}" for c in r.candidates[:2])
            lost.append(f"  {why}\t[{exp}]\t{said}\t| {t.text}\t| matched: "
                        f"{understood(t, matcher)[0]}\t-> {cands}")
    if args.outcomes:
        args.outcomes.write_text("\n".join(outcomes) + "\n")
    for line in sorted(lost):
        print(line)
    for name, s in counts.items():
        parts = []
        if s["n"]:
            parts.append(f"right {s['right']}/{s['n']} ({100 * s['right'] / s['n']:.1f}%), "
                         f"answered wrong {s['wrong']}, offered wrong {s['offered_wrong']}")
        if s["n_out"]:
            parts.append(f"out of scope declined {s['declined']}/{s['n_out']} "
                         f"({s['answered']} answered)")
        if s["uncached"]:
            parts.append(f"{s['uncached']} clips not in the cache (skipped)")
        print(f"{name}: " + "; ".join(parts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
