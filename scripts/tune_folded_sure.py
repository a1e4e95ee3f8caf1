#!/usr/bin/env python3
"""Session 24 (branch scope25): a spoken line carried only by synonyms heard
unsurely (voice/conversation/heard.py ``FOLDED_SURE``), tuning halves only.

Reads the hearings of ``scripts/tune_hear24.py --decode --dump`` (what
tiny.en heard of each tuning clip, with its word probabilities and the
beam's other readings): every out-of-scope tuning clip (560) and the first
538 in-scope ones in a fixed random order. Each hearing goes again through
the app's path for speech (``heard.understood``, then ``Matcher.match`` as
heard), without its audio (the steps checked by the audio stay out: none of
the answers they touch came from them), with ``FOLDED_SURE`` off and at each
value of ``--floors``; prints the outcome counts and every clip whose
outcome moves.

    nice -n 10 python scripts/tune_hear24.py --decode --out-only --dump /tmp/h24-out.jsonl
    nice -n 10 python scripts/tune_hear24.py --decode --in-only --dump /tmp/h24-in.jsonl
    python scripts/tune_folded_sure.py /tmp/h24-out.jsonl /tmp/h24-in.jsonl --floors 0.55,0.6,0.65
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO)]

import voice.conversation.heard as H  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.base import Transcript  # noqa: E402


def outcome(row: dict[str, Any], matcher: Matcher) -> str:
    """The outcome of one recorded hearing, in tune_spoken_oos.py's words."""
    heard = Transcript(row["heard"], "whisper", None, list(row.get("alternatives") or []),
                       tuple((w, p) for w, p in row["words"]))
    text, doubtful = H.understood(heard, matcher)
    got = matcher.match(text, doubtful=doubtful, heard=True, sure=H.surely_heard(heard))
    if row["expected"] is None:
        return {"answer": "out-answered", "confirm": "out-offered"}.get(got.outcome,
                                                                         "out-declined")
    if got.outcome == "no_match" or got.entry is None:
        return "declined"
    right = got.entry.id in row["expected"].split("|")
    return ("right-" if right else "wrong-") + ("answer" if got.outcome == "answer" else "offer")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dumps", nargs="+", help="tune_hear24.py --dump files (tuning halves)")
    ap.add_argument("--floors", default="0.55")
    args = ap.parse_args()
    rows = [json.loads(line) for path in args.dumps
            for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    assert all(r["set"] != "heldout" for r in rows), "tuning halves only"
    matcher = Matcher(load_knowledge([REPO / "content"]))
    floors: list[float | None] = [None, *(float(x) for x in args.floors.split(","))]
    base: list[str] = []
    for floor in floors:
        H.FOLDED_SURE = floor
        got = [outcome(r, matcher) for r in rows]
        counts = sorted(Counter(got).items())
        print(f"FOLDED_SURE {floor}: " + ", ".join(f"{k} {v}" for k, v in counts))
        if floor is None:
            base = got
            continue
        for r, before, after in zip(rows, base, got, strict=True):
            if before != after:
                print(f"  {before} -> {after}: {r['said']!r} heard {r['heard']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
