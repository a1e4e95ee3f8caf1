#!/usr/bin/env python3
"""One figure line per value of a module-level tuning constant, on the tuning
halves only (never the held-out ones), so that each constant's comment can
name what it measured at the chosen value and one value either side.

    .venv/bin/python scripts/tune_constants.py matcher CLOSE_MARGIN=4,8 SURE_SCORE=95,99
    .venv/bin/python scripts/tune_constants.py spelling ODD_EDIT=0.5,1.5
    .venv/bin/python scripts/tune_constants.py language MIN_FOREIGN_LETTERS=3,4,6

``matcher``: scripts/tune_ranking.py's figures (typed tuning.tsv and dev.tsv
even: right entry answered or offered first, "aw" answered wrong; spoken
dev even and tuning.tsv from cached Whisper transcripts only; out-of-scope
tuning halves declined). ``spelling``: scripts/tune_typos.py's "typos typed"
column (seed 1, a typo in half the words of 4+ letters): typo'd tuning.tsv
and dev.tsv right entry answered or offered (answered outright), typo'd
out-of-scope tuning halves answered or offered (lower is better), and clean
questions whose outcome the typed path changes (should stay 0).
``language``: typed tuning-half lines with a non-ASCII letter, and how many
of them are taken for another language (should stay 0).

Each constant is changed on its own, the others as shipped.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from voice.content.loader import load_knowledge  # noqa: E402

DATA = REPO / "tests" / "data"
TUNING_SETS = ("tuning.tsv", "dev.tsv", "medquad-tuning.tsv", "kqa-tuning.tsv",
               "foreign-tuning.tsv", "health-tuning.tsv", "health-tuning2.tsv",
               "health-tuning3.tsv", "health-tuning4.tsv")

#: tests/test_conversation_not_english.py's lines in another language, and
#: the short ones MIN_FOREIGN_LETTERS is there for.
FOREIGN = ("¿Qué es la esclerosis múltiple?", "¿Cómo se trata la espasticidad?",
           "Wie behandelt man Spastik? Gibt es Übungen?", "Что такое рассеянный склероз?",
           "什么是多发性硬化症", "¿qué?", "café", "¿Qué tal?", "Übungen")


def _matcher_figures() -> Callable[[], str]:
    from benchmark_audio import TranscriptCache
    from tune_colloquial_spoken import cached
    from tune_ranking import OOS, figures
    from tune_sound_alike import clips

    from voice.speech_in.pocketsphinx.corpus import read_labelled

    kb = load_knowledge([REPO / "content"])
    typed = {"tuning": [(q.text, q.expected) for q in read_labelled(DATA / "tuning.tsv")],
             "dev-even": [(q.text, q.expected) for q in read_labelled(DATA / "dev.tsv")[::2]]}
    cache = TranscriptCache("whisper")
    spoken = []
    for name, exp, _said, wav in clips(6):
        t = cached(cache, wav)
        if t is not None and name in ("dev-even", "tuning"):
            spoken.append((name, exp, t))
    oos = {n: [q.text for q in read_labelled(DATA / f"{n}.tsv")] for n in OOS}
    return lambda: figures(kb, typed, spoken, oos)


def _spelling_figures() -> Callable[[], str]:
    from tune_typos import right, rows, with_typos

    from voice.matching.matcher import Matcher
    from voice.matching.spelling import Speller, typed_match

    kb = load_knowledge([REPO / "content"])
    inscope = ("tuning.tsv", "dev.tsv")
    oos_sets = ("tuning.tsv", "dev.tsv", "medquad-tuning.tsv", "kqa-tuning.tsv",
                "foreign-tuning.tsv", "health-tuning.tsv", "health-tuning2.tsv",
                "health-tuning3.tsv")

    def run() -> str:
        matcher = Matcher(kb)
        speller = Speller(matcher)  # built anew: some constants shape its tables
        parts = []
        for name in inscope:
            labelled = [(q, e) for q, e in rows(name) if e is not None]
            rs = [(typed_match(matcher, speller, with_typos(q, 1, 0.5)), e) for q, e in labelled]
            ok = sum(right(r, e) for r, e in rs)
            answered = sum(r.outcome == "answer" and right(r, e) for r, e in rs)
            parts.append(f"{name.removesuffix('.tsv')} {ok}({answered})/{len(labelled)}")
        taken = 0
        changed = 0
        for name in oos_sets:
            qs = [q for q, e in rows(name) if e is None]
            taken += sum(typed_match(matcher, speller, with_typos(q, 1, 0.5)).outcome
                         != "no_match" for q in qs)
            changed += sum(matcher.match(q).outcome != typed_match(matcher, speller, q).outcome
                           for q in qs)
        changed += sum(matcher.match(q).outcome != typed_match(matcher, speller, q).outcome
                       for n in inscope for q, e in rows(n) if e is not None)
        parts.append(f"out of scope offered {taken}")
        parts.append(f"clean changed {changed}")
        return "; ".join(parts)

    return run


def _language_figures() -> Callable[[], str]:
    from voice.conversation.language import looks_not_english

    lines = [line.split("\t", 1)[0] for name in TUNING_SETS
             for line in (DATA / name).read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    accented = [q for q in lines if any(not c.isascii() and c.isalpha() for c in q)]

    def run() -> str:
        return (f"{len(lines)} typed tuning-half lines, {len(accented)} with a non-ASCII "
                f"letter, taken for another language: "
                f"{sum(looks_not_english(q) for q in accented)}; tests' foreign lines "
                f"taken: {sum(looks_not_english(q) for q in FOREIGN)}/{len(FOREIGN)} "
                f"({', '.join(q for q in FOREIGN if looks_not_english(q))})")

    return run


def main() -> int:
    if len(sys.argv) < 3 or sys.argv[1] not in ("matcher", "spelling", "language"):
        print(__doc__.split("\n\n")[1])
        return 2
    kind = sys.argv[1]
    if kind == "matcher":
        import voice.matching.matcher as module
        run = _matcher_figures()
    elif kind == "spelling":
        import voice.matching.spelling as module  # type: ignore[no-redef]
        run = _spelling_figures()
    else:
        import voice.conversation.language as module  # type: ignore[no-redef]
        run = _language_figures()
    print(f"{'as shipped':28} {run()}", flush=True)
    for arg in sys.argv[2:]:
        name, _, values = arg.partition("=")
        shipped = getattr(module, name)
        for v in values.split(","):
            setattr(module, name, type(shipped)(float(v)))
            print(f"{name + '=' + v:28} {run()}", flush=True)
        setattr(module, name, shipped)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
