#!/usr/bin/env python3
"""Session 37 (branch fresh47): every typed line of every tuning half, in
scope and out (never a held-out half but health-heldout.tsv, tuning since
branch scope-e; dev.tsv's even rows), one line each, to diff two versions
of the code item by item, and ``--taken``: the uncovered or everyday
tuning lines answered or offered an entry, grouped by set.

Each dump line: set, in/out, question, the conversation's outcome, the
matcher's first entry, the entries offered, the entries wanted ('-': out of
scope, '*': ours with no one entry), and 1 when the line is right (out of
scope: neither answered nor offered; in scope: its entry answered or
offered first; '*': taken).

    .venv/bin/python scripts/tune_fresh47.py /tmp/before.tsv [--taken]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from voice.content.loader import load_knowledge  # noqa: E402
from voice.conversation.conversation import Conversation  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402

DATA = REPO / "tests" / "data"
#: Uncovered or everyday tuning halves: every line out of scope.
OUT = ("foreign-tuning.tsv", "clinc-tuning.tsv", "health-tuning.tsv", "health-heldout.tsv",
       "health-tuning2.tsv", "health-tuning3.tsv", "health-tuning4.tsv", "health-tuning5.tsv",
       "health-tuning17.tsv", "health-tuning18.tsv", "tuning32/health-tuning32.tsv",
       "medquad-tuning.tsv", "kqa-tuning.tsv", "covidq-tuning.tsv", "qdoctors-tuning.tsv",
       "icliniq-tuning.tsv", "counsel/counsel-tuning.tsv")
#: Labelled tuning halves (the second field: entry ids, '-' or '*').
IN = ("tuning.tsv", "dev.tsv", "inscope5-tuning.tsv", "inscope17-tuning.tsv",
      "inscope18-tuning.tsv", "tuning32/inscope-tuning32.tsv", "meqsum-tuning.tsv",
      "medquad-ours-tuning.tsv")


def rows(name: str) -> list[tuple[str, set[str] | None]]:
    """(question, wanted entry ids; None: out of scope; empty: ours, no one entry)."""
    assert "heldout" not in name or name == "health-heldout.tsv"
    lines = [line for line in (DATA / name).read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    if name == "dev.tsv":
        lines = lines[::2]
    out: list[tuple[str, set[str] | None]] = []
    for line in lines:
        parts = line.split("\t")
        want = "-" if name in OUT or len(parts) < 2 else parts[1].strip()
        out.append((parts[0], None if want in ("-", "") else
                    set() if want == "*" else set(want.split("|"))))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("--taken", action="store_true",
                    help="print each uncovered or everyday line answered or offered")
    args = ap.parse_args()
    kb = load_knowledge([REPO / "content"])
    m = Matcher(kb)
    dump: list[str] = []
    for name in IN + OUT:
        for q, want in rows(name):
            reply = Conversation(kb, matcher=m).respond(q)
            r = m.match(q)
            first = r.entry.id if r.entry is not None and r.outcome != "no_match" else "-"
            offered = "|".join(x.id for x in r.offered) if r.outcome == "confirm" else ""
            taken = reply.outcome in ("answer", "confirm")
            if want is None:
                ok, wanted = not taken, "-"
            elif not want:
                ok, wanted = taken, "*"
            else:
                ok = r.outcome != "no_match" and r.entry is not None and r.entry.id in want
                wanted = "|".join(sorted(want))
            dump.append(f"{name}\t{'out' if want is None else 'in'}\t{q}\t{reply.outcome}\t"
                        f"{first}\t{offered}\t{wanted}\t{int(ok)}")
            if args.taken and want is None and taken:
                print(f"{name}: {q} -> {reply.outcome} {first}")
    Path(args.dump).write_text("\n".join(dump) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
