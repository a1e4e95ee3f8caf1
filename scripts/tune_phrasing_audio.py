#!/usr/bin/env python3
"""Measure offering the content's own question the audio carries best, when
what Whisper heard matches nothing (voice/conversation/heard.py
``asked_by_audio``), on the tuning halves only.

Clips: those of scripts/tune_heard_again.py (espeak-ng tuning.tsv and dev.tsv
even in six conditions, health-tuning.tsv in two voices, 120 foreign-tuning
requests; natural voices' tuning.tsv and dev.tsv even, each question in 2 of
7 conditions), Whisper's transcripts from the transcript cache. Every clip
the assistant declines today (``understood`` then ``Matcher.match``: no
match) that is no command, number or emergency reaches the new step:

1. the content's question texts (FAQ questions, every entry's "Also asked"
   phrasings) are ranked by how alike their sound keys are to what was heard
   (``heard.closest_questions``), and
2. the first ``--top`` are scored against the clip's audio with the
   transcript (rescoring.py ``AudioScorer.fits``); the clip is decoded again
   once and the scores kept on disk (``~/.cache/voice/transcripts/
   phrasing-scores-*.jsonl``).

Prints the preselection's recall (the right entry's question among the first
N, in-scope declined clips), then for each rule and margin the clips gained
(right entry offered) and lost (an out-of-scope clip offered an entry, a
declined in-scope clip offered a wrong one), per set.

    .venv/bin/python scripts/tune_phrasing_audio.py [--top 20] [--show]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import TranscriptCache, engine_loaders, pad  # noqa: E402
from classify_spoken_misses import CACHE, tuning_clips  # noqa: E402
from tune_sound_alike import clips, outcome  # noqa: E402

import voice.conversation.heard as heard_module  # noqa: E402
from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.whisper.alternatives import acts_on_its_own  # noqa: E402

SEEDS = ("whisper-ccd203283d7decbe.jsonl,whisper-4fb27a3fcd34d5e0.jsonl,"
         "whisper-40bebcb35b0516d4.jsonl")


class FitCache:
    """Audio fits (total nats, tokens) of texts per WAV, kept on disk."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.known: dict[tuple[str, str], tuple[float, int]] = {}
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    row = json.loads(line)
                except ValueError:
                    continue
                self.known[row["wav"], row["text"]] = (float(row["nats"]), int(row["tokens"]))

    def missing(self, wav: str, texts: list[str]) -> list[str]:
        return [t for t in texts if (wav, t) not in self.known]

    def add(self, wav: str, texts: list[str], fits: list[Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a", encoding="utf-8") as f:
            for t, fit in zip(texts, fits, strict=True):
                self.known[wav, t] = (fit.nats, fit.tokens)
                f.write(json.dumps({"wav": wav, "text": t, "nats": fit.nats,
                                    "tokens": fit.tokens}) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--top", type=int, default=30, help="question texts scored per clip")
    ap.add_argument("--seed", default=SEEDS)
    ap.add_argument("--recall-only", action="store_true")
    ap.add_argument("--scored-only", action="store_true",
                    help="score nothing; measure on the clips already scored")
    ap.add_argument("--show", action="store_true", help="list every clip a setting changed")
    ap.add_argument("--only", default="", metavar="RULE:TOP:MARGIN",
                    help="measure this one setting (e.g. per-token:10:0.5), not the grid")
    ap.add_argument("--real", action="store_true",
                    help="instead: real people's recordings (benchmark_real_requests.py's "
                         "sets), each decoded once, outcomes with the step off and on, "
                         "per set and half (aggregates only)")
    ap.add_argument("--time", type=int, default=0, metavar="N",
                    help="time understood() on N declined clips decoded afresh")
    args = ap.parse_args()

    kb = load_knowledge([REPO / "content"])
    if args.real:
        return _real(kb)
    matcher = Matcher(kb)
    _MATCHER.append(matcher)
    cache = TranscriptCache("whisper", [CACHE / f for f in args.seed.split(",")
                                        if (CACHE / f).is_file()])
    cache.loader = engine_loaders(kb)["whisper"]
    # Readings checked by the audio (heard.AUDIO_MARGIN) scored by earlier
    # runs: the encoding is the same while the decode is (see --seed).
    for f in sorted(CACHE.glob("audio-scores-whisper-*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
            except ValueError:
                continue
            cache._scores.setdefault((row["wav"], row["text"]), float(row["loglik"]))
    items: list[tuple[str, str | None, str, Path]] = list(clips(6))
    items += [(f"natural-{where.split('/')[0]}", q.expected or None, q.text, wav)
              for where, q, wav in tuning_clips("natural", 2)]
    heard = [cache.transcribe(None, pad(read_wav(wav)), wav) for _, _, _, wav in items]

    saved = heard_module.ASKED_MARGIN
    heard_module.ASKED_MARGIN = None
    before = [outcome(matcher, t, exp) for (_, exp, _, _), t in zip(items, heard, strict=True)]
    heard_module.ASKED_MARGIN = saved
    pool = [k for k, o in enumerate(before) if o in ("declined", "out-declined")
            and heard[k].words and not acts_on_its_own(heard[k].text)]
    print(f"{len(items)} clips, {len(pool)} declined reach the new step "
          f"({sum(before[k] == 'declined' for k in pool)} in scope)")

    questions = heard_module.question_texts(matcher)
    print(f"{len(questions)} question texts")
    ranked = {k: heard_module.closest_questions(heard[k].text, matcher, len(questions))
              for k in pool}
    recall: Counter[int] = Counter()
    n_in = 0
    for k in pool:
        exp = items[k][1]
        if not exp:
            continue
        n_in += 1
        want = set(exp.split("|"))
        rank = next((i for i, q in enumerate(ranked[k]) if questions[q] in want), 10**6)
        for n in (1, 5, 10, 20, 30, 50, 100):
            recall[n] += rank < n
    print("preselection: right entry's question among the first N (of "
          f"{n_in} declined in-scope): "
          + ", ".join(f"{n}: {recall[n]}" for n in sorted(recall)))
    if args.recall_only:
        return 0

    fits = FitCache(CACHE / "phrasing-scores-cut.jsonl")
    loader = engine_loaders(kb)["whisper"]
    rec: Any = None
    start = time.monotonic()
    for done, k in enumerate(pool):
        wav = items[k][3]
        texts = [heard[k].text, *ranked[k][: args.top]]
        missing = fits.missing(wav.name, texts)
        if not missing or args.scored_only:
            continue
        if rec is None:
            rec = loader()
        from voice.speech_in.whisper.rescoring import scorer_of

        scorer = scorer_of(rec.transcribe(pad(read_wav(wav))))
        if scorer is None:
            continue
        fits.add(wav.name, missing, scorer.fits(missing))
        if done % 50 == 0:
            print(f"  scored {done}/{len(pool)} ({time.monotonic() - start:.0f} s)", flush=True)

    pool = [k for k in pool if not fits.missing(
        items[k][3].name, [heard[k].text, *ranked[k][: args.top]])]
    print(f"{len(pool)} declined clips scored "
          f"({sum(before[k] == 'declined' for k in pool)} in scope)")
    _grid(items, heard, before, pool, ranked, questions, fits, args)
    if args.time:
        _timing(kb, matcher, [items[k] for k in pool], args.time)
    return 0


class _FitScorer:
    """A cached transcript's scorer whose ``fits`` come from the FitCache."""

    def __init__(self, fits: FitCache, wav: str, inner: Any) -> None:
        self._fits, self._wav, self._inner = fits, wav, inner

    def loglik(self, texts: Any) -> list[float]:
        return self._inner.loglik(texts)

    def fits(self, texts: Any) -> list[Any]:
        from voice.speech_in.whisper.rescoring import Fit

        return [Fit(*self._fits.known[self._wav, t]) for t in texts]


def _grid(items: list[Any], heard: list[Any], before: list[str], pool: list[int],
          ranked: dict[int, list[str]], questions: dict[str, str], fits: FitCache,
          args: Any) -> None:
    """Each rule, number scored and margin, through the assistant's own path
    (``understood``, ``Matcher.match``): per set, declined clips now offered
    the right entry, a wrong one, or (out of scope) any."""
    from dataclasses import replace

    scored = {k: replace(heard[k], scorer=_FitScorer(fits, items[k][3].name, heard[k].scorer))
              for k in pool}
    # What the audio says of the best question among the first --top, per rule.
    for rule in ("total", "per-token"):
        by: dict[str, list[float]] = defaultdict(list)
        for k in pool:
            exp, wav = items[k][1], items[k][3].name
            got = fits.known.get((wav, heard[k].text))
            cands = [q for q in ranked[k][: args.top] if (wav, q) in fits.known]
            if got is None or not cands:
                continue
            rel = {q: _rel(rule, fits.known[wav, q], got) for q in cands}
            q = max(cands, key=lambda c: rel[c])
            kind = "out" if not exp else ("right" if questions[q] in exp.split("|") else "wrong")
            by[kind].append(rel[q])
        print(f"{rule}: the best question's score minus the transcript's, median (count): "
              + ", ".join(f"{k} {_med(v)} ({len(v)})" for k, v in by.items()))
    margins = {"total": (-1.0, 0.0, 1.0, 2.0, 3.0, 5.0, 8.0),
               "per-token": (-0.2, -0.1, 0.0, 0.1, 0.2, 0.3, 0.5, 0.8)}
    tops = sorted({n for n in (5, 10, 20, args.top) if n <= args.top})
    settings = [(r, n, m) for r in margins for n in tops for m in margins[r]]
    if args.only:
        r, n, m = args.only.split(":")
        settings = [(r, int(n), float(m))]
    for rule, top, m in settings:
        heard_module.ASKED_RULE, heard_module.ASKED_TOP = rule, top
        heard_module.ASKED_MARGIN = m
        c: dict[str, Counter[str]] = defaultdict(Counter)
        shown = []
        for k in pool:
            name, exp, said, _ = items[k]
            o = outcome(_MATCHER[0], scored[k], exp)
            c[name][o] += 1
            if o != before[k]:
                offered = heard_module.understood(scored[k], _MATCHER[0])[0]
                shown.append(f"    {name:<16} {said!r} heard {heard[k].text!r} -> "
                             f"{offered!r}: {o}")
        tot: Counter[str] = Counter()
        for v in c.values():
            tot.update(v)
        print(f"{rule:<9} top {top:>2} margin {m:>5}: right +{tot['right-offer']:<3} "
              f"wrong offered +{tot['wrong-offer']:<3} out of scope offered "
              f"+{tot['out-offered']:<3} | " + "; ".join(
                  f"{n} {v['right-offer']}/{v['wrong-offer']}/{v['out-offered']}"
                  for n, v in sorted(c.items())), flush=True)
        if args.show:
            print("\n".join(shown))


def _rel(rule: str, fit: tuple[float, int], said: tuple[float, int]) -> float:
    if rule == "total":
        return fit[0] - said[0]
    return fit[0] / fit[1] - said[0] / said[1]


_MATCHER: list[Matcher] = []


def _real(kb: Any) -> int:
    """Real people's clips (none in scope), each decoded once: declined /
    offered / answered outright with the step off and on, per set and half."""
    import benchmark_real_requests as real

    clips = [*real.requests(), *real.read_sentences(), *real.health_speech()]
    rec: Any = engine_loaders(kb)["whisper"]()
    margin = heard_module.ASKED_MARGIN
    tally: dict[tuple[str, str, str], Counter[str]] = defaultdict(Counter)
    for c in clips:
        said = rec.transcribe(real.padded(c.path))
        for label, m in (("off", None), ("on", margin)):
            heard_module.ASKED_MARGIN = m
            got = real.assistant(kb).handle_heard(said, source=c.path.name)
            tally[c.set, c.half, label][got["outcome"]] += 1
    heard_module.ASKED_MARGIN = margin
    print(f"{len(clips)} real clips (no question the content answers): "
          "declined / offered / answered outright, step off -> on")
    for (s, h, label), t in sorted(tally.items()):
        if label == "off":
            on = tally[s, h, "on"]
            print(f"  {s:<14} {h:<9} {sum(t.values()):>3} clips: "
                  f"{t['no_match']}/{t['confirm']}/{t['answer']} -> "
                  f"{on['no_match']}/{on['confirm']}/{on['answer']}")
    return 0


def _med(xs: list[float]) -> str:
    return f"{statistics.median(xs):+.2f}" if xs else "-"


def _timing(kb: Any, matcher: Matcher, items: list[Any], n: int) -> None:
    """Decode ``n`` declined clips afresh and time ``understood`` with and
    without the new step."""
    from voice.conversation.heard import understood

    rec: Any = engine_loaders(kb)["whisper"]()
    margin = heard_module.ASKED_MARGIN
    with_step: list[float] = []
    without: list[float] = []
    for _, _, _, wav in items[:: max(1, len(items) // n)][:n]:
        fresh = rec.transcribe(pad(read_wav(wav)))
        for m, out in ((None, without), (margin, with_step)):
            heard_module.ASKED_MARGIN = m
            t0 = time.perf_counter()
            understood(fresh, matcher)
            out.append(time.perf_counter() - t0)
    heard_module.ASKED_MARGIN = margin
    print(f"understood() on {len(with_step)} declined clips decoded afresh: median "
          f"{statistics.median(without) * 1000:.0f} ms without the step, "
          f"{statistics.median(with_step) * 1000:.0f} ms with it (max "
          f"{max(with_step) * 1000:.0f} ms)")


if __name__ == "__main__":
    raise SystemExit(main())
