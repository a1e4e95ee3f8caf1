#!/usr/bin/env python3
"""Measure the scope check (voice/matching/scope.py) on the tuning halves only,
two-fold: each half of every out-of-scope tuning set is judged against word
models built without it (the everyday model and its sentences from the other
half of foreign-tuning.tsv and of our health questions, plus the
recognizer's everyday sentences; the other-health model from the other half
of medquad-tuning.tsv, split by focus, and of our health questions).

Our health questions for tuning are health-tuning.tsv and the old
health-heldout.tsv, which had been looked at too often to stay held out
(tests/data/README.md); health-heldout2.tsv and every other held-out half are
never read here.

In-scope questions (tests/data/tuning.tsv, tests/data/dev.tsv), which no
word model counts, are judged against the models built from every tuning half.
Prints, per set, how many were declined (out of scope: through the
conversation) or had their right entry answered or offered (in scope: by the
matcher), as scripts/benchmark.py counts them.

    .venv/bin/python scripts/tune_scope.py [--show-lost] [--count-old-heldout]
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from voice.content.loader import load_knowledge  # noqa: E402
from voice.conversation.conversation import Conversation  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.matching.scope import ScopeModel, count_everyday, everyday_sentences  # noqa: E402

DATA = REPO / "tests" / "data"
EVERYDAY_TXT = REPO / "voice" / "speech_in" / "pocketsphinx" / "everyday.txt"
#: Our uncovered health questions used for tuning (see the module's doc).
OUR_HEALTH = ("health-tuning.tsv", "health-heldout.tsv")


def rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def fold(key: str) -> int:
    """0 or 1. Not the first byte of the SHA-1 of ``key``: that chose the
    tuning half itself (every tuning question has it even)."""
    return hashlib.sha1(key.lower().encode()).digest()[1] % 2


def lines(path: Path) -> list[str]:
    return [r.split("\t")[0] for r in path.read_text(encoding="utf-8").splitlines()
            if r.strip() and not r.startswith("#")]


class Sets:
    """The tuning sets. ``counted``: which of OUR_HEALTH the word models count
    (the shipped file counts health-tuning.tsv only, see
    scripts/build_everyday_counts.py); all of them are judged."""

    def __init__(self, counted: tuple[str, ...] = OUR_HEALTH[:1]) -> None:
        self.foreign = [r[0] for r in rows("foreign-tuning.tsv")]
        self.health = [r[0] for n in OUR_HEALTH for r in rows(n)]
        self.counted = {r[0] for n in counted for r in rows(n)}
        self.medquad = [(r[0], r[1]) for r in rows("medquad-tuning.tsv")]
        self.everyday_txt = lines(EVERYDAY_TXT)

    def model(self, kb: object, leave_out: int | None) -> ScopeModel:
        """Word models from every tuning half but fold ``leave_out``."""
        def keep(key: str) -> bool:
            return leave_out is None or fold(key) != leave_out

        foreign = [q for q in self.foreign if keep(q)]
        health = [q for q in self.health if keep(q) and q in self.counted]
        medquad = [q for q, focus in self.medquad if keep(focus)]
        everyday = foreign + health + self.everyday_txt
        return ScopeModel(kb, everyday=count_everyday(everyday),  # type: ignore[arg-type]
                          sentences=everyday_sentences(everyday),
                          health=count_everyday(medquad + health))


def declined(matcher: Matcher, questions: list[str], lost: list[str] | None = None) -> int:
    n = 0
    for q in questions:
        reply = Conversation(matcher.kb, matcher=matcher).respond(q)
        if reply.outcome in ("answer", "confirm"):
            if lost is not None:
                lost.append(q)
        else:
            n += 1
    return n


def right(matcher: Matcher, labelled: list[list[str]], lost: list[str] | None = None) -> int:
    n = 0
    for q, expected in labelled:
        r = matcher.match(q)  # as scripts/benchmark.py scores in-scope questions
        ok = r.outcome != "no_match" and r.entry is not None and r.entry.id in expected.split("|")
        n += ok
        if not ok and lost is not None:
            lost.append(q)
    return n


def evaluate(sets: Sets, show_lost: bool = False,
             make: Callable[[object, ScopeModel], Matcher] | None = None) -> str:
    kb = load_knowledge([REPO / "content"])
    build = make or (lambda kb, model: Matcher(kb, scope_model=model))  # type: ignore[arg-type]
    out: dict[str, list[int]] = {}
    lost: dict[str, list[str]] = {}
    for k in (0, 1):
        m = build(kb, sets.model(kb, k))
        for name, qs in (("foreign", [q for q in sets.foreign if fold(q) == k]),
                         ("health", [q for q in sets.health if fold(q) == k]),
                         ("medquad", [q for q, f in sets.medquad if fold(f) == k])):
            acc = out.setdefault(name, [0, 0])
            acc[0] += declined(m, qs, lost.setdefault(name, []))
            acc[1] += len(qs)
    m = build(kb, sets.model(kb, None))
    for name in ("tuning.tsv", "dev.tsv"):
        labelled = [r for r in rows(name) if len(r) > 1]
        ins = [r for r in labelled if r[1] != "-"]
        outs = [r[0] for r in labelled if r[1] == "-"]
        out[f"{name} in"] = [right(m, ins, lost.setdefault(f"{name} in", [])), len(ins)]
        out[f"{name} out"] = [declined(m, outs, lost.setdefault(f"{name} out", [])), len(outs)]
    text = "  ".join(f"{k} {a}/{n} ({100 * a / n:.1f}%)" for k, (a, n) in out.items())
    if show_lost:
        for set_name, qs in lost.items():
            if set_name not in ("medquad", "foreign"):
                for q in qs:
                    text += f"\n  lost {set_name}: {q}"
    return text


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show-lost", action="store_true",
                    help="list the tuning questions lost (ours and in scope; not the large sets)")
    ap.add_argument("--count-old-heldout", action="store_true",
                    help="the word models also count health-heldout.tsv")
    args = ap.parse_args()
    print(evaluate(Sets(OUR_HEALTH if args.count_old_heldout else OUR_HEALTH[:1]),
                   args.show_lost))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
