#!/usr/bin/env python3
"""Sweep the matcher's ranking constants on the tuning halves only.

For each setting: typed tests/data/tuning.tsv and dev.tsv even (right entry
answered or offered first, answered wrong), spoken dev.tsv even and
tuning.tsv from cached Whisper transcripts (scripts/tune_colloquial_spoken.py's
clips; none decoded), and the out-of-scope tuning halves (declined by
Matcher.match: foreign, health, health2, health3, MedQuAD, K-QA).

    .venv/bin/python scripts/tune_ranking.py [--combined]
    .venv/bin/python scripts/tune_ranking.py --leave-one-out [--no-spoken] [--show-lost] \
        [--set NAME=V1,V2 ...]

``--combined``: PHRASE_SHARE x SHAPE_BONUS together instead of one at a time.
``--leave-one-out``: also the leave-one-out questions of
``scripts/tune_scope.py --leave-one-out`` (each tuning.tsv question without
its own phrasing, each "Also asked" phrasing without itself; shipped word
models), and only the settings given with ``--set`` (each value of each
constant of voice/matching/matcher.py, one at a time; "as shipped" first).
``--show-lost`` lists the leave-one-out questions lost, each as
wrong entry first / declined by the scope check / no candidate.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import TranscriptCache, _heard, _match  # noqa: E402
from tune_colloquial_spoken import cached  # noqa: E402
from tune_sound_alike import clips as tuning_clips  # noqa: E402

import voice.matching.matcher as mm  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.content.model import KnowledgeBase  # noqa: E402
from voice.matching import normalize  # noqa: E402
from voice.speech_in.pocketsphinx.corpus import read_labelled  # noqa: E402

DATA = REPO / "tests" / "data"
OOS = ("foreign-tuning", "health-tuning", "health-tuning2", "health-tuning3",
       "medquad-tuning", "kqa-tuning")


def figures(kb: object, typed: dict[str, list[tuple[str, str | None]]],
            spoken: Sequence[tuple[str, str | None, object]],
            oos: dict[str, list[str]]) -> str:
    m = mm.Matcher(kb)  # type: ignore[arg-type]
    parts = []
    for name, rows in typed.items():
        right = wrong = n = 0
        for q, exp in rows:
            if not exp:
                continue
            r = m.match(q)
            ok = r.outcome != "no_match" and r.entry is not None and r.entry.id in exp.split("|")
            n += 1
            right += ok
            wrong += r.outcome == "answer" and not ok
        parts.append(f"{name} {right}/{n} aw{wrong}")
    c: Counter[str] = Counter()
    for name, exp, t in spoken:
        r = _match(m, _heard(t))
        got = r.entry.id if r.entry is not None and r.outcome != "no_match" else None
        if exp:
            c[name + " n"] += 1
            c[name] += got is not None and got in exp.split("|")
            c[name + " aw"] += r.outcome == "answer" and got not in exp.split("|")
        else:
            c[name + " oos"] += 1
            c[name + " declined"] += got is None
    for name in dict.fromkeys(name for name, _, _ in spoken):
        parts.append(f"spoken {name} {c[name]}/{c[name + ' n']} aw{c[name + ' aw']} "
                     f"oos {c[name + ' declined']}/{c[name + ' oos']}")
    for name, qs in oos.items():
        parts.append(f"{name.replace('-tuning', '')} "
                     f"{sum(m.match(q).outcome == 'no_match' for q in qs)}/{len(qs)}")
    return "; ".join(parts)


def loo_cases(kb: KnowledgeBase) -> list[tuple[str, str, set[str], KnowledgeBase]]:
    """The leave-one-out questions, as scripts/tune_scope.py --leave-one-out
    builds them: (set, question, right entry ids, the content without it)."""
    cases: list[tuple[str, str, set[str], KnowledgeBase]] = []
    for q in read_labelled(DATA / "tuning.tsv"):
        if q.expected:
            entries = tuple(dataclasses.replace(
                x, phrasings=tuple(p for p in x.phrasings if p.lower() != q.text))
                for x in kb.entries)
            cases.append(("tuning-loo", q.text, set(q.expected.split("|")),
                          KnowledgeBase(entries)))
    for e in kb.entries:
        for p in e.phrasings:
            entries = tuple(dataclasses.replace(
                x, phrasings=tuple(o for o in x.phrasings if o != p)) if x is e else x
                for x in kb.entries)
            cases.append(("phrasings-loo", p, {e.id}, KnowledgeBase(entries)))
    return cases


def loo_figures(cases: list[tuple[str, str, set[str], KnowledgeBase]],
                lost: list[str] | None = None) -> str:
    """Right entry answered or offered (as scripts/benchmark.py counts in-scope
    questions) and answered wrong, per leave-one-out set; ``lost`` receives
    each lost question with why: wrong entry ranked first, declined by the
    scope check (or the generic-words step down), or no candidate good
    enough to offer."""
    from voice.matching.scope import ScopeModel, load_everyday, load_health, load_sentences

    counts = (load_everyday(), load_sentences(), load_health())
    c: Counter[str] = Counter()
    for name, q, expected, smaller in cases:
        m = mm.Matcher(smaller, scope_model=ScopeModel(
            smaller, everyday=counts[0], sentences=counts[1], health=counts[2]))
        r = m.match(q)
        shown = ([r.entry] if r.outcome == "answer"
                 else r.offered if r.outcome == "confirm" else [])
        ok = any(x is not None and x.id in expected for x in shown)
        c[name + " n"] += 1
        c[name] += ok
        c[name + " aw"] += r.outcome == "answer" and not ok
        if not ok and lost is not None:
            ranked = m.rank(q)
            why = ("no candidate" if not ranked or ranked[0].score < m.confirm_threshold
                   else "wrong first" if ranked[0].entry.id not in expected
                   else "declined")
            top = ", ".join(f"{x.entry.id[:24]} {x.score}" for x in ranked[:2])
            lost.append(f"  lost {name} ({why}): {q}  [{top}]")
    return "; ".join(f"{n} {c[n]}/{c[n + ' n']} aw{c[n + ' aw']}"
                     for n in ("tuning-loo", "phrasings-loo"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--combined", action="store_true")
    ap.add_argument("--leave-one-out", action="store_true")
    ap.add_argument("--no-spoken", action="store_true", help="leave out the cached spoken clips")
    ap.add_argument("--show-lost", action="store_true")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=V1,V2")
    ap.add_argument("--seed", default="", metavar="FILES",
                    help="earlier Whisper transcript cache files to read (comma-separated; "
                         "as benchmark_audio.py --seed-transcripts)")
    args = ap.parse_args()
    kb = load_knowledge([REPO / "content"])
    typed = {"tuning": [(q.text, q.expected) for q in read_labelled(DATA / "tuning.tsv")],
             "dev-even": [(q.text, q.expected) for q in read_labelled(DATA / "dev.tsv")[::2]]}
    cache = TranscriptCache("whisper", [Path(f) for f in args.seed.split(",") if f])
    spoken = []
    for name, exp, _said, wav in ([] if args.no_spoken else tuning_clips(6)):
        t = cached(cache, wav)
        if t is not None:
            spoken.append((name, exp, t))
    oos = {n: [q.text for q in read_labelled(DATA / f"{n}.tsv")] for n in OOS}
    settings: list[tuple[str, Callable[[], None]]] = [("as shipped", lambda: None)]
    base = {k: getattr(mm, k) for k in ("PHRASE_SHARE", "BODY_WEIGHT", "STRONG_BASE",
                                          "SHAPE_BONUS", "UNKNOWN_SHARE")}

    def owner(name: str) -> object:
        """The module of a constant: matcher.py's, or normalize.py's
        (``normalize.NAME``)."""
        return normalize if name.startswith("normalize.") else mm

    def setter(**kw: float) -> Callable[[], None]:
        def apply() -> None:
            for k, v in (*base.items(), *kw.items()):
                setattr(owner(k), k.removeprefix("normalize."), v)
        return apply

    if args.leave_one_out:
        for spec in args.set:
            k, values = spec.split("=")
            base.setdefault(k, getattr(owner(k), k.removeprefix("normalize.")))
            for v in values.split(","):
                settings.append((f"{k}={v}", setter(**{k: float(v)})))
        cases = loo_cases(kb)
        for label, apply in settings:
            apply()
            lost: list[str] = []
            print(f"{label:20} {figures(kb, typed, spoken, oos)}; "
                  f"{loo_figures(cases, lost)}", flush=True)
            if args.show_lost:
                print("\n".join(lost), flush=True)
        setter()()
        return 0
    if args.combined:
        for share in (0.35, 0.4, 0.5):
            for bonus in (3.0, 4.5, 6.0):
                settings.append((f"PHRASE {share} SHAPE {bonus}",
                                 setter(PHRASE_SHARE=share, SHAPE_BONUS=bonus)))
    else:
        for k, values in (("PHRASE_SHARE", (0.2, 0.4)), ("BODY_WEIGHT", (0.35, 0.55)),
                          ("STRONG_BASE", (0.65, 0.85)), ("SHAPE_BONUS", (3.0, 9.0)),
                          ("UNKNOWN_SHARE", (0.2, 0.4))):
            for v in values:
                settings.append((f"{k}={v}", setter(**{k: v})))
    for label, apply in settings:
        apply()
        print(f"{label:20} {figures(kb, typed, spoken, oos)}", flush=True)
    setter()()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
