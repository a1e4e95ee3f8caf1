#!/usr/bin/env python3
"""Typed questions with typos: right entry reached, out of scope still declined.

    .venv/bin/python scripts/tune_typos.py            # tuning halves
    .venv/bin/python scripts/tune_typos.py --heldout  # held-out halves, aggregate only (once)

Typos are seeded per question (random.Random(f"{seed}:{question}")): each
word of four letters or more gets, with probability ``--share`` (0.5), one
typo: a letter dropped, two neighbours swapped, or a letter doubled. This is
what docs/user-journeys.md measured by hand ("Typos in typed questions").

Two paths are compared on the same questions: the matcher as before
(``Matcher.match``) and the typed path (``spelling.typed_match``, what the
conversation uses for typed text). In scope: the right entry answered or
offered, and how many of those were answered outright. Out of scope: how many
were answered or offered (lower is better), with typos and without: without
typos the typed path must change nothing.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching import spelling  # noqa: E402
from voice.matching.matcher import Matcher, MatchResult  # noqa: E402
from voice.matching.spelling import Speller, typed_match  # noqa: E402

DATA = REPO / "tests" / "data"


LOWER = False


def rows(name: str) -> list[tuple[str, set[str] | None]]:
    """(question, expected ids or None for out of scope); sets without ids
    (MedQuAD, K-QA, everyday requests) are all out of scope."""
    labelled = name in ("tuning.tsv", "dev.tsv", "heldout.tsv")
    out: list[tuple[str, set[str] | None]] = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        q, _, expected = line.partition("\t")
        ids = set(expected.split("|")) if labelled and expected.strip() != "-" else None
        out.append((q.lower() if LOWER else q, ids))
    return out


def typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    kind = rng.choice(("drop", "swap", "double"))
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "swap" and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + word[i] + word[i:]


def with_typos(question: str, seed: int, share: float) -> str:
    rng = random.Random(f"{seed}:{question}")
    words = question.split()
    return " ".join(typo(w, rng) if sum(c.isalpha() for c in w) >= 4 and rng.random() < share
                    else w for w in words)


def right(result: MatchResult, expected: set[str]) -> bool:
    if result.outcome == "answer":
        return result.entry is not None and result.entry.id in expected
    return result.outcome == "confirm" and any(e.id in expected for e in result.offered)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--heldout", action="store_true", help="held-out halves, aggregate only")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--share", type=float, default=0.5)
    parser.add_argument("--no-counts", action="store_true",
                        help="the speller without the everyday counts' words: the tuning "
                             "halves' rare words, which those counts hold, then count as "
                             "unseen, as the held-out halves' do")
    parser.add_argument("--guess-evidence", type=float, default=None)
    parser.add_argument("--lower", action="store_true",
                        help="every question typed in lower case, as most users type: a "
                             "name's capital no longer marks it as spelled as meant")
    args = parser.parse_args()
    global LOWER
    LOWER = args.lower
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    t0 = time.perf_counter()
    speller = Speller(matcher, everyday=() if args.no_counts else None)
    if args.guess_evidence is not None:
        spelling.GUESS_EVIDENCE = args.guess_evidence
    speller.correction("neuromuscler")
    load_s = time.perf_counter() - t0

    def plain(q: str) -> MatchResult:
        return matcher.match(q)

    def typed(q: str) -> MatchResult:
        return typed_match(matcher, speller, q)

    if args.heldout:
        inscope_sets = ["heldout.tsv"]
        oos_sets = ["heldout.tsv", "medquad-heldout.tsv", "kqa-heldout.tsv",
                    "foreign-heldout.tsv", "health-heldout2.tsv", "health-heldout3.tsv"]
    else:
        inscope_sets = ["tuning.tsv", "dev.tsv"]
        oos_sets = ["tuning.tsv", "dev.tsv", "medquad-tuning.tsv", "kqa-tuning.tsv",
                    "foreign-tuning.tsv", "health-tuning.tsv", "health-tuning2.tsv",
                    "health-tuning3.tsv"]
    print(f"typos: seed {args.seed}, one in {args.share:.0%} of words of 4+ letters")
    print("== In scope: right entry answered or offered (of which answered outright) ==")
    print(f"{'set':22} {'clean before':>13} {'clean typed':>12} {'typos before':>13} "
          f"{'typos typed':>12}")
    for name in inscope_sets:
        labelled = [(q, e) for q, e in rows(name) if e is not None]
        cells = []
        for noisy in (False, True):
            for fn in (plain, typed):
                rs = [(fn(with_typos(q, args.seed, args.share) if noisy else q), e)
                      for q, e in labelled]
                ok = sum(right(r, e) for r, e in rs)
                answered = sum(r.outcome == "answer" and right(r, e) for r, e in rs)
                cells.append(f"{ok} ({answered})")
        print(f"{name + f' (n={len(labelled)})':22} " + " ".join(f"{c:>12}" for c in cells))
    print("== Out of scope: answered or offered (lower is better) ==")
    print(f"{'set':26} {'clean before':>13} {'clean typed':>12} {'typos before':>13} "
          f"{'typos typed':>12}")
    changed_clean: list[str] = []
    for name in oos_sets:
        qs = [q for q, e in rows(name) if e is None]
        cells = []
        for noisy in (False, True):
            for fn in (plain, typed):
                taken = [q for q in qs
                         if fn(with_typos(q, args.seed, args.share) if noisy else q).outcome
                         != "no_match"]
                cells.append(str(len(taken)))
        print(f"{name + f' (n={len(qs)})':26} " + " ".join(f"{c:>12}" for c in cells))
        if not args.heldout:
            changed_clean += [q for q in qs if plain(q).outcome != typed(q).outcome]
    if not args.heldout:
        clean_in = [q for n in inscope_sets for q, e in rows(n) if e is not None]
        changed_clean += [q for q in clean_in if plain(q).outcome != typed(q).outcome]
        print(f"clean questions whose outcome the typed path changes: {len(changed_clean)}")
        for q in changed_clean[:20]:
            print(f"   {q}")
    # Cost: the typed path on typo'd questions against the plain matcher.
    sample = [with_typos(q, args.seed, args.share) for n in ("tuning.tsv", "foreign-tuning.tsv")
              for q, _ in rows(n)][:600]
    clean = [q for n in ("tuning.tsv", "foreign-tuning.tsv") for q, _ in rows(n)][:600]
    for kind, qs in (("clean", clean), ("typo'd", sample)):
        for label, fn in (("plain match", plain), ("typed path", typed)):
            t = time.perf_counter()
            for q in qs:
                fn(q)
            ms = 1000 * (time.perf_counter() - t) / len(qs)
            print(f"{label}: {ms:.3f} ms/question (600 {kind} questions, warm cache)")
    speller._cache.clear()
    t = time.perf_counter()
    n = 0
    for q in sample:
        for w in q.lower().split():
            speller.correction(w)
            n += 1
    ms = 1000 * (time.perf_counter() - t) / len(sample)
    print(f"corrections alone, cold cache: {ms:.3f} ms/question ({n} words)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"speller built in {load_s:.2f} s (with the general-English model); peak RSS {rss:.0f} MB"
          " (machine shared by several developers)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
