#!/usr/bin/env python3
"""Measure re-ranking the matcher's own candidates by the audio, for
colloquial questions, on the tuning halves only (session 26, branch hear28).

Session 24 (hear25, docs/speech-in.md) found the right entry among the
matcher's first three for 9 of the 23 colloquial (dev.tsv even) misses, 12
counting the decoder's alternatives. This script asks whether Whisper's own
decoder can pick it out: for each clip the assistant declines or offers a
wrong entry, the entries the matcher ranks first (``--top``) for what was
matched, the whole transcript and each alternative are collected, and every
question text of those entries (its FAQ question and "Also asked" phrasings,
``heard.question_texts``) is forced through the decoder against the clip's
audio (rescoring.py ``AudioScorer.fits``, as ``heard.asked_by_audio`` does
with the questions closest by sound key). An entry's score is its best text's
log-probability per token minus the heard text's.

Rules measured (offers only: nothing is ever answered outright from it):

- ``declined``: a declined clip is offered the best-scoring candidate entry
  when it scores at least ``-margin``;
- ``swap``: a clip offered an entry ("Did you mean ...?") is offered another
  candidate instead when that one scores more than ``margin`` above it;
- ``keyword`` (``--keywords``): a declined clip's words heard below
  ``UNSURE`` (not function words) are each replaced, one at a time, by each
  keyword of each candidate entry; the reading the audio carries best
  (per token, against the heard words scored the same way) is offered when
  it scores at least ``-margin`` and the matcher offers or answers that
  candidate entry for it ("is there a cure(0.38) for hours" -> "is there a
  charity for hours").

Clips: tests/data/tuning.tsv and dev.tsv even in the six espeak-ng
conditions, each question in one (``--rotate 1``, classify_spoken_misses.py's
set: 183 in scope, 47 out of scope); ``--health`` adds health-tuning.tsv's
out-of-scope health requests in espeak-ng en (decoded here, not cached).

    nice -n 10 .venv/bin/python scripts/tune_hear28_candidates.py [--show] [--health]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import _heard, _match, pad  # noqa: E402
from classify_spoken_misses import seeded_cache, tuning_clips  # noqa: E402
from make_spoken_questions import BENCHMARK_VARIANTS, speak  # noqa: E402

import voice.conversation.heard as heard_module  # noqa: E402
from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.pocketsphinx.corpus import read_labelled  # noqa: E402
from voice.speech_in.whisper.alternatives import acts_on_its_own  # noqa: E402

DATA = REPO / "tests" / "data"
MARGINS = (0.0, 0.3, 0.5, 0.8, 1.0, 1.5)
#: A heard word below this probability may be replaced by a keyword (``--keywords``).
UNSURE = 0.6


def candidate_entries(matcher: Matcher, t: Any, matched: str, top: int) -> list[str]:
    """The entry ids the matcher ranks in its first ``top`` for what was
    matched, the whole transcript or any of the decoder's alternatives."""
    seen: dict[str, None] = {}
    for text in (matched, t.text, *t.alternatives):
        for c in matcher.rank(text, top):
            seen.setdefault(c.entry.id, None)
    return list(seen)


def entry_scores(t: Any, entries: list[str], texts_of: dict[str, list[str]]) -> dict[str, float]:
    """Each entry's best question text, per token, relative to what was heard."""
    texts = [q for e in entries for q in texts_of.get(e, [])]
    if not texts:
        return {}
    said, *fits = t.scorer.fits([t.text, *texts])
    best: dict[str, float] = {}
    k = 0
    for e in entries:
        for _ in texts_of.get(e, []):
            rel = fits[k].per_token - said.per_token
            best[e] = max(best.get(e, float("-inf")), rel)
            k += 1
    return best


def keyword_reading(matcher: Matcher, t: Any, entries: list[str],
                    keywords_of: dict[str, tuple[str, ...]]) -> tuple[str, str, float] | None:
    """The best (reading, entry, score per token against the heard words) of
    the unsure words replaced by a candidate entry's keyword, or None."""
    from voice.matching import normalize

    toks = [normalize.clean(w).strip() for w, _ in t.words]
    sure = [c for _, c in t.words]
    base = " ".join(x for x in toks if x)
    readings: list[tuple[str, str]] = []
    for i, (tok, c) in enumerate(zip(toks, sure, strict=True)):
        if not tok or c >= UNSURE or normalize.is_function_word(tok):
            continue
        for e in entries:
            for kw in keywords_of.get(e, ()):
                if kw != tok:
                    readings.append((" ".join(x for x in [*toks[:i], kw, *toks[i + 1:]] if x), e))
    if not readings:
        return None
    said, *fits = t.scorer.fits([base, *(r for r, _ in readings)])
    order = sorted(range(len(readings)), key=lambda k: -fits[k].per_token)
    for k in order[:5]:
        reading, e = readings[k]
        got = matcher.match(reading, doubtful=True, heard=True)
        if got.outcome != "no_match" and got.entry is not None and got.entry.id == e:
            return reading, e, fits[k].per_token - said.per_token
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    # hear25's decode of this set (its engine code decodes as this one does:
    # hear26's window change left the decode byte for byte the same).
    ap.add_argument("--seed", default="whisper-c402726a373a4f03.jsonl")
    ap.add_argument("--top", type=int, default=3)
    ap.add_argument("--health", action="store_true")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--keywords", action="store_true", help="measure the keyword rule only")
    args = ap.parse_args()

    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    cache = seeded_cache(kb, args.seed)
    rec: Any = None
    texts_of: dict[str, list[str]] = defaultdict(list)
    for q, e in heard_module.question_texts(matcher).items():
        texts_of[e].append(q)

    items: list[tuple[str, str | None, Path]] = [
        (where.split("/")[0], q.expected or None, wav)
        for where, q, wav in tuning_clips("espeak", 1)]
    if args.health:
        en = next(v for v in BENCHMARK_VARIANTS if v.name == "en")
        items += [("health-tuning", None, speak(q.text, en))
                  for q in read_labelled(DATA / "health-tuning.tsv")]
    before: Counter[tuple[str, str]] = Counter()
    rows: list[tuple[str, str | None, str, dict[str, float], str | None, str]] = []
    keywords_of = {e.id: tuple(k.lower() for k in e.keywords) for e in kb.entries}
    kw_rows: list[tuple[str, str | None, tuple[str, str, float], str]] = []
    for setname, expected, wav in items:
        if wav.name not in cache._known and rec is None:
            assert cache.loader is not None  # seeded_cache sets it
            rec = cache.loader()
        t = cache.transcribe(rec, pad(read_wav(wav)), wav)
        h = _heard(t)
        r = _match(matcher, h)
        want = set((expected or "").split("|")) - {""}
        got = r.entry.id if r.entry is not None and r.outcome != "no_match" else None
        kind = ("out-" if not want else "") + (
            "declined" if got is None else
            ("right-" if got in want else "wrong-") + ("answer" if r.outcome == "answer"
                                                       else "offer"))
        if not want:
            kind = {"out-declined": "out-declined"}.get(kind, "out-" + r.outcome)
        before[setname, kind] += 1
        reaches = (r.outcome in ("no_match", "confirm") and t.words
                   and not acts_on_its_own(t.text) and getattr(t, "scorer", None) is not None)
        if not reaches:
            continue
        entries = candidate_entries(matcher, t, h.text, args.top)
        if not entries:
            continue
        if args.keywords:
            if r.outcome == "no_match":
                found = keyword_reading(matcher, t, entries, keywords_of)
                if found is not None:
                    kw_rows.append((setname, expected, found, t.text))
            continue
        scores = entry_scores(t, entries, texts_of)
        rows.append((setname, expected, r.outcome, scores, got, t.text))
    print("as shipped:")
    for s in sorted({k[0] for k in before}):
        print(f"  {s}: " + ", ".join(f"{k} {v}" for (n, k), v in sorted(before.items()) if n == s))
    print(f"{len(rows) or len(kw_rows)} clips declined or offered reach the step"
          + (" and found a keyword reading" if args.keywords else ""))
    if args.keywords:
        for margin in MARGINS:
            by_kw: Counter[tuple[str, str]] = Counter()
            for setname, expected, (reading, e, rel), heard in kw_rows:
                if rel < -margin:
                    continue
                want = set((expected or "").split("|")) - {""}
                change = ("out declined -> offered" if not want else
                          "right gained" if e in want else "declined -> wrong offer")
                by_kw[setname, change] += 1
                if args.show:
                    print(f"    {setname} {change}: heard {heard!r} -> {reading!r} {e} "
                          f"({rel:+.2f}; want {expected})")
            print(f"keyword margin {margin}: " + (", ".join(
                f"{s} {c} {v}" for (s, c), v in sorted(by_kw.items())) or "no change"))
        return 0
    for rule in ("declined", "swap"):
        for margin in MARGINS:
            moved: Counter[tuple[str, str]] = Counter()
            shown = []
            for setname, expected, outcome, scores, got, heard in rows:
                if not scores:
                    continue
                want = set((expected or "").split("|")) - {""}
                best = max(scores, key=scores.__getitem__)
                if rule == "declined" and outcome == "no_match":
                    if scores[best] < -margin:
                        continue
                elif rule == "swap" and outcome == "confirm" and got is not None:
                    if best == got or scores[best] <= scores.get(got, float("-inf")) + margin:
                        continue
                else:
                    continue
                if not want:
                    change = ("out declined -> offered" if outcome == "no_match"
                              else "out offer moved")
                elif best in want:
                    change = "right gained"
                elif got in want:
                    change = "right lost"
                else:
                    change = "declined -> wrong offer" if outcome == "no_match" else \
                        "wrong offer -> other wrong"
                moved[setname, change] += 1
                shown.append(f"    {setname} {change}: heard {heard!r} -> {best} "
                             f"({scores[best]:+.2f}; want {expected})")
            print(f"{rule} margin {margin}: " + (", ".join(
                f"{s} {c} {v}" for (s, c), v in sorted(moved.items())) or "no change"))
            if args.show:
                print("\n".join(shown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
