#!/usr/bin/env python3
"""Questions that name a condition (or the content's spasms) and ask what to
do about it, over question shapes x subjects x who ("my husband has chronic
spasms, what do I do"): what the conversation does with each. Prints counts
and, with --list, every line. Issue 14, branch scope17. Asserts nothing.

    .venv/bin/python scripts/beyond_name_shapes.py [--list]
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from voice.content.loader import load_knowledge  # noqa: E402
from voice.conversation.conversation import Conversation  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402

SUBJECTS = ("spasms", "chronic spasms", "muscle spasms", "MS", "multiple sclerosis", "ALS",
            "myasthenia gravis", "motor neurone disease", "a neuromuscular disorder")
WHO = (("husband", "him"), ("mother", "her"), ("son", "him"))
SHAPES = (
    "my {who} has {subj}, what do I do",
    "my {who} has {subj}, what should we do",
    "my {who} has {subj}, how can I help {pron}",
    "my {who} has {subj}, what now",
    "my {who} has {subj} what can I do",
    "my {who} has been diagnosed with {subj}, what do we do now",
    "I have {subj}, what do I do",
    "I have {subj}, what should I do",
    "what do I do about {subj}",
    "what can we do about {subj}",
    "how do I help someone with {subj}",
)
#: The section that says what the conditions are: it lists, it does not say what helps.
LISTING = "Recognizing Chronic Spasms and Neuromuscular Disorders"


def lines() -> list[str]:
    out: list[str] = []
    for shape, subj in itertools.product(SHAPES, SUBJECTS):
        if "{who}" in shape:
            out += [shape.format(who=w, pron=p, subj=subj) for w, p in WHO]
        else:
            out.append(shape.format(subj=subj))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    counts: Counter[str] = Counter()
    for q in lines():
        reply = Conversation(kb, matcher=matcher).respond(q)
        first = reply.match.title if reply.match is not None else "-"
        kind: str = reply.outcome
        if kind == "answer" and first == LISTING:
            kind = "answer: the listing section (worst)"
        elif kind == "confirm" and first == LISTING:
            kind = "confirm: the listing section first"
        counts[kind] += 1
        if args.list:
            print(f"{reply.outcome:8} {first[:50]:50} {q}")
    n = sum(counts.values())
    for kind, c in sorted(counts.items()):
        print(f"{kind:40} {c:4}/{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
