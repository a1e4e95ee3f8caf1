#!/usr/bin/env python3
"""Session 29 (branch scope34): the CLINC150 tuning half, and the corpus's
requests in neither committed half, through the Conversation, one line per
request with ``--dump FILE`` (intent, request, outcome, first entry) to diff
two versions of the code, and counts of what is taken.

    .venv/bin/python scripts/tune_clinc_extra.py [--full PATH/TO/data_full.json] [--dump FILE]

``--full``: clinc/oos-eval's data_full.json (as scripts/make_clinc_sets.py
reads it). Its requests in neither tests/data/clinc-*.tsv half are tuning
probes, never committed; a request near a held-out line (rapidfuzz
token_set_ratio >= 80 against any line of clinc-heldout.tsv) is dropped
unread, so that no held-out line is tuned on in other words. 19,695 such
requests, 9,857 kept. The held-out half itself is never run here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from voice.content.loader import load_knowledge  # noqa: E402
from voice.conversation.conversation import Conversation  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402

DATA = REPO / "tests" / "data"
#: A request this near a held-out line (token_set_ratio) is not a probe.
NEAR_HELD_OUT = 80


def _half(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            q, _, intent = line.partition("\t")
            rows.append((q, intent))
    return rows


def extra(full: Path) -> list[tuple[str, str]]:
    """The corpus's requests in neither half, less those near a held-out line."""
    from rapidfuzz import fuzz, process

    tuning, held = _half("clinc-tuning.tsv"), _half("clinc-heldout.tsv")
    have = {q.lower() for q, _ in tuning + held}
    data = json.loads(full.read_text(encoding="utf-8"))
    seen: dict[str, tuple[str, str]] = {}
    for split in sorted(data):
        for text, intent in data[split]:
            text = " ".join(text.replace("\t", " ").split())
            if text and text.lower() not in seen and text.lower() not in have:
                seen[text.lower()] = (text, intent)
    rows = list(seen.values())
    near = process.cdist([q.lower() for q, _ in rows], [q.lower() for q, _ in held],
                         scorer=fuzz.token_set_ratio, dtype="uint8")
    return [r for r, top in zip(rows, near.max(axis=1), strict=True) if top < NEAR_HELD_OUT]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--full", type=Path)
    ap.add_argument("--dump")
    args = ap.parse_args()
    kb = load_knowledge([REPO / "content"])
    m = Matcher(kb)
    sets = [("clinc-tuning.tsv", _half("clinc-tuning.tsv"))]
    if args.full:
        sets.append(("clinc-extra", extra(args.full)))
    dump = []
    for name, rows in sets:
        outcomes: Counter[str] = Counter()
        for q, intent in rows:
            reply = Conversation(kb, matcher=m).respond(q)
            outcomes[reply.outcome] += 1
            first = reply.match.id if reply.match is not None else "-"
            dump.append(f"{name}\t{intent}\t{q}\t{reply.outcome}\t{first}")
        print(f"{name:18} n={len(rows)}: answered {outcomes['answer']}, offered "
              f"{outcomes['confirm']}, command {outcomes['command']}, declined "
              f"{outcomes['no_match']}")
    if args.dump:
        Path(args.dump).write_text("\n".join(dump) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
