#!/usr/bin/env python3
"""Trial (branch scope24b, not shipped): people's own long questions
(MeQSum, tuning half only) tell a story first; is the last clause that asks,
matched on its own when the whole line finds nothing, a lever? Counts, with
and without the guard that the whole line must be ours (the scope check).

    .venv/bin/python scripts/tune_last_clause.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching import teller  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402

#: A clause that asks: a question mark, or opening as a question or request does.
ASKS = re.compile(r"^(?:what|how|why|when|where|which|who|is|are|can|could|do|does|will|would|"
                  r"should|did|has|have|any|i would like|i wanna|i want|please|tell)\b",
                  re.IGNORECASE)


def clauses(text: str) -> list[str]:
    """The sentences of ``text`` (and the parts a dash sets apart)."""
    return [c.strip() for c in re.split(r"(?<=[.?!])\s+|\s+-\s+", text) if c.strip()]


def main() -> int:
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    counts = {"ours": 0, "ours right": 0, "not covered": 0,
              "not covered taken": 0}
    for mode in ("off", "unguarded", "guarded"):
        got = dict.fromkeys(counts, 0)
        for line in (REPO / "tests/data/meqsum-tuning.tsv").read_text().splitlines():
            if not line or line.startswith("#"):
                continue
            question, expected = line.split("\t")[:2]
            result = matcher.match(question)
            guarded = mode == "guarded"
            if mode != "off" and result.outcome == "no_match":
                asking = [c for c in clauses(question) if c.endswith("?") or ASKS.match(c)]
                if asking and (not guarded or matcher.is_ours(teller.without_teller(question))):
                    result = matcher.match(asking[-1])
            taken = result.outcome != "no_match" and result.entry is not None
            if expected == "-":
                got["not covered"] += 1
                got["not covered taken"] += taken
            else:
                got["ours"] += 1
                got["ours right"] += bool(taken and result.entry is not None
                                          and result.entry.id in expected.split("|"))
        print(f"{mode:9s}", got)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
