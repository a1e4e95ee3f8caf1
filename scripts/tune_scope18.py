#!/usr/bin/env python3
"""Summary figures on the tuning halves only (never a held-out half), as
scripts/benchmark.py counts them, and with ``--dump FILE`` one line per
question (set, question, outcome, first entry, offered) to diff two versions
of the code item by item (as scripts/dump_tuning_outcomes.py, with the later
tuning halves added). Branch scope18; ``--lost`` (session 19): the in-scope
tuning lines whose right entry the scope check costs, and the
uncovered-health tuning lines taken, with why.

    .venv/bin/python scripts/tune_scope18.py [--dump /tmp/after.txt] [--misses SET] [--lost]

``--heldout18``: the held-out halves of branch scope18's sets
(health-heldout18.tsv, inscope18-heldout.tsv), COUNTS ONLY, with the scope
check and without; run once at the end, never tuned on.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from voice.content.loader import load_knowledge  # noqa: E402
from voice.content.model import KnowledgeBase  # noqa: E402
from voice.conversation.conversation import Conversation  # noqa: E402
from voice.conversation.reply import Reply  # noqa: E402
from voice.matching.matcher import Matcher, MatchResult  # noqa: E402

DATA = REPO / "tests" / "data"
#: In-scope tuning halves (expected entry ids; '-' lines are out of scope).
IN_SCOPE = ("tuning.tsv", "dev.tsv", "inscope5-tuning.tsv", "inscope17-tuning.tsv",
            "inscope18-tuning.tsv")
#: Out-of-scope tuning halves (health-heldout.tsv has been tuning since scope-e).
OUT = ("foreign-tuning.tsv", "health-tuning.tsv", "health-heldout.tsv", "health-tuning2.tsv",
       "health-tuning3.tsv", "health-tuning4.tsv", "health-tuning5.tsv",
       "health-tuning17.tsv", "health-tuning18.tsv", "medquad-tuning.tsv", "kqa-tuning.tsv",
       "covidq-tuning.tsv")


def rows(name: str) -> list[tuple[str, set[str] | None]]:
    """(question, expected entry ids or None); every line of an OUT set is out of scope."""
    path = DATA / name
    if not path.exists():
        return []
    out: list[tuple[str, set[str] | None]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        q, _, e = line.partition("\t")
        e = e.split("\t")[0].strip()
        out.append((q, None if name in OUT or e in ("-", "") else set(e.split("|"))))
    return out


def outcome(kb: KnowledgeBase, m: Matcher, name: str, q: str) -> tuple[Reply, MatchResult, str]:
    """How the conversation meets ``q`` of set ``name``, the matcher's own
    result, and the dump line (set, question, outcome, first entry, offered)
    that before/after runs are compared by; also for tune_scope32.py."""
    r = m.match(q)
    reply = Conversation(kb, matcher=m).respond(q)
    first = r.entry.id if r.entry is not None and r.outcome != "no_match" else "-"
    offered = "|".join(x.id for x in r.offered) if r.outcome == "confirm" else ""
    return reply, r, f"{name}\t{q}\t{reply.outcome}\t{first}\t{offered}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dump")
    ap.add_argument("--misses", action="append", default=[])
    ap.add_argument("--confirm", type=float, help="the matcher's confirm threshold (trial)")
    ap.add_argument("--heldout18", action="store_true",
                    help="counts only, for this branch's held-out halves (run once)")
    ap.add_argument("--lost", action="store_true",
                    help="tuning lines right without the scope check, lost with it")
    args = ap.parse_args()
    if args.heldout18:
        return heldout18()
    for name in IN_SCOPE + OUT + tuple(args.misses):
        assert "heldout" not in name or name == "health-heldout.tsv"
    kb = load_knowledge([REPO / "content"])
    m = Matcher(kb) if args.confirm is None else Matcher(kb, confirm_threshold=args.confirm)
    bare = Matcher(kb, check_scope=False)
    dump = []
    for name in IN_SCOPE + OUT:
        rs = rows(name)
        if not rs:
            continue
        right = n_in = wrong = declined = n_out = answered_out = 0
        for q, e in rs:
            reply, r, line = outcome(kb, m, name, q)
            first, offered = line.split("\t")[3:5]
            dump.append(line)
            if e is None:
                n_out += 1
                declined += reply.outcome not in ("answer", "confirm")
                answered_out += reply.outcome == "answer"
                if name in args.misses and reply.outcome in ("answer", "confirm"):
                    print(f"  TAKEN {reply.outcome}: {q} -> {first}")
            else:
                n_in += 1
                hit = r.outcome != "no_match" and r.entry is not None and r.entry.id in e
                right += hit
                wrong += r.outcome == "answer" and r.entry is not None and r.entry.id not in e
                if args.lost and not hit:
                    b = bare.match(q)
                    if b.outcome != "no_match" and b.entry is not None and b.entry.id in e:
                        print(f"  LOST {name} {r.outcome} {r.score:.1f} (without the check "
                              f"{b.outcome} {b.score:.1f}): {q} -> want {'|'.join(sorted(e))}")
                if name in args.misses and not hit:
                    print(f"  MISS {r.outcome} {r.score:.1f}: {q} -> {first} [{offered}] "
                          f"want {'|'.join(sorted(e))}")
        parts = []
        if n_in:
            parts.append(f"in-scope right {right}/{n_in}, answered wrong {wrong}")
        if n_out:
            parts.append(f"out declined {declined}/{n_out}, answered {answered_out}")
        print(f"{name:24} " + "; ".join(parts))
    if args.dump:
        Path(args.dump).write_text("\n".join(dump) + "\n", encoding="utf-8")
    return 0


def heldout18() -> int:
    """Counts only: never which line."""
    kb = load_knowledge([REPO / "content"])
    for label, m in (("with the scope check", Matcher(kb)),
                     ("without", Matcher(kb, check_scope=False))):
        qs = [q for q, _ in rows("health-heldout18.tsv")]
        taken = answered = 0
        for q in qs:
            reply = Conversation(kb, matcher=m).respond(q)
            taken += reply.outcome in ("answer", "confirm")
            answered += reply.outcome == "answer"
        print(f"health-heldout18 ({label}): declined {len(qs) - taken}/{len(qs)}, "
              f"answered {answered}")
        right = wrong = 0
        ins = rows("inscope18-heldout.tsv")
        for q, e in ins:
            assert e is not None
            r = m.match(q)
            right += r.outcome != "no_match" and r.entry is not None and r.entry.id in e
            wrong += r.outcome == "answer" and r.entry is not None and r.entry.id not in e
        print(f"inscope18-heldout ({label}): right entry {right}/{len(ins)}, "
              f"answered wrong {wrong}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
