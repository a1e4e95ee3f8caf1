#!/usr/bin/env python3
"""Sweep the matcher's ranking constants on the tuning halves only.

For each setting: typed tests/data/tuning.tsv and dev.tsv even (right entry
answered or offered first, answered wrong), spoken dev.tsv even and
tuning.tsv from cached Whisper transcripts (scripts/tune_colloquial_spoken.py's
clips; none decoded), and the out-of-scope tuning halves (declined by
Matcher.match: foreign, health, health2, health3, MedQuAD, K-QA).

    .venv/bin/python scripts/tune_ranking.py [--combined]

``--combined``: PHRASE_SHARE x SHAPE_BONUS together instead of one at a time.
"""

from __future__ import annotations

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
    for name in ("dev-even", "tuning"):
        parts.append(f"spoken {name} {c[name]}/{c[name + ' n']} aw{c[name + ' aw']} "
                     f"oos {c[name + ' declined']}/{c[name + ' oos']}")
    for name, qs in oos.items():
        parts.append(f"{name.replace('-tuning', '')} "
                     f"{sum(m.match(q).outcome == 'no_match' for q in qs)}/{len(qs)}")
    return "; ".join(parts)


def main() -> int:
    kb = load_knowledge([REPO / "content"])
    typed = {"tuning": [(q.text, q.expected) for q in read_labelled(DATA / "tuning.tsv")],
             "dev-even": [(q.text, q.expected) for q in read_labelled(DATA / "dev.tsv")[::2]]}
    cache = TranscriptCache("whisper")
    spoken = []
    for name, exp, _said, wav in tuning_clips(6):
        t = cached(cache, wav)
        if t is not None and name in ("dev-even", "tuning"):
            spoken.append((name, exp, t))
    oos = {n: [q.text for q in read_labelled(DATA / f"{n}.tsv")] for n in OOS}
    settings: list[tuple[str, Callable[[], None]]] = [("as shipped", lambda: None)]
    base = {k: getattr(mm, k) for k in ("PHRASE_SHARE", "BODY_WEIGHT", "STRONG_BASE",
                                          "SHAPE_BONUS", "UNKNOWN_SHARE")}

    def setter(**kw: float) -> Callable[[], None]:
        def apply() -> None:
            for k, v in base.items():
                setattr(mm, k, v)
            for k, v in kw.items():
                setattr(mm, k, v)
        return apply

    if "--combined" in sys.argv:
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
