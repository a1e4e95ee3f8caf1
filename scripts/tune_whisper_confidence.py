#!/usr/bin/env python3
"""Measure Whisper's word-confidence thresholds and the heard-speech repair
on the tuning halves, through the path the app uses for speech.

Speaks the tuning halves (never a held-out set) with espeak-ng voices
(scripts/make_spoken_questions.py, cached): tests/data/tuning.tsv and
tests/data/dev.tsv (questions, with out-of-scope ones) in every benchmark
condition, tests/data/health-tuning.tsv (uncovered health questions) in two,
and 120 requests of tests/data/foreign-tuning.tsv (NLU-Evaluation-Data) in
one. Each clip is decoded once by the Whisper engine as the assistant runs it
(prompt from the content, silence gate, guard); the transcripts are kept by
benchmark_audio's TranscriptCache (~/.cache/voice/transcripts), so a second
run takes seconds. Then, for each setting, every transcript goes through
``voice.app.query_of`` and ``is_doubtful`` and ``Matcher.match(...,
heard=True)``, as ``Assistant.handle_heard`` does, and the script prints per
set: right entry (answered or offered first), right answered outright,
answered wrong; out of scope declined and answered outright.

    .venv/bin/python scripts/tune_whisper_confidence.py [--variants N] [--transcripts FILE]

``--transcripts FILE`` reads the transcripts from that cache file instead of
the one named by the current engine code's fingerprint (a file kept from an
earlier engine code, when the change since does not touch these clips).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import TranscriptCache, engine_loaders, pad  # noqa: E402
from make_spoken_questions import BENCHMARK_VARIANTS as V  # noqa: E402

import voice.matching.matcher as matcher_module  # noqa: E402
import voice.speech_in.whisper.confidence as confidence  # noqa: E402
from voice.app import is_doubtful, query_of, surely_heard  # noqa: E402
from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.pocketsphinx.corpus import read_labelled  # noqa: E402

DATA = REPO / "tests" / "data"
#: Requests of foreign-tuning.tsv used (every n-th, n = its size // this).
FOREIGN = 120


def _sets(variants: int) -> list[tuple[str, list[Any], list[Any]]]:
    """(set name, questions, voices) of every tuning half."""
    def read(name: str) -> list[Any]:
        return read_labelled(DATA / f"{name}.tsv")

    foreign = read("foreign-tuning")
    foreign = foreign[:: max(1, len(foreign) // FOREIGN)][:FOREIGN]
    return [("tuning", read("tuning"), list(V[:variants])),
            ("dev", read("dev"), list(V[:variants])),
            ("health-tuning", read("health-tuning"), [V[0], V[-1]]),
            ("foreign-tuning", foreign, [V[0]])]


class _LazyWhisper:
    """The Whisper engine, loaded only when a clip is not in the cache yet."""

    name = "whisper"

    def __init__(self, kb: object) -> None:
        self.kb = kb
        self.rec: Any = None

    def transcribe(self, clip: object) -> Any:
        if self.rec is None:
            self.rec = engine_loaders(self.kb)["whisper"]()
        return self.rec.transcribe(clip)


def decode_all(variants: int, transcripts: Path | None = None) -> list[dict[str, Any]]:
    """Every clip's transcript (from the cache when there) with its set and label."""
    from make_spoken_questions import speak

    cache = TranscriptCache("whisper")
    if transcripts is not None:
        cache.path, cache._size = transcripts, -1
        cache._known.clear()
        cache._read()
    rec = _LazyWhisper(load_knowledge([REPO / "content"]))
    rows: list[dict[str, Any]] = []
    start = time.perf_counter()
    for name, items, voices in _sets(variants):
        for v in voices:
            for q in items:
                wav = speak(q.text, v)
                t = cache.transcribe(rec, pad(read_wav(wav)), wav)
                in_scope = name in ("tuning", "dev") and q.expected
                rows.append({"set": name, "expected": q.expected if in_scope else None,
                             "transcript": t})
    print(f"{len(rows)} utterances in {time.perf_counter() - start:.0f} s "
          f"(transcripts in {cache.path})", file=sys.stderr)
    return rows


def evaluate(rows: list[dict[str, Any]], matcher: Matcher) -> dict[str, Counter[str]]:
    """Outcome counts per set, through the app's path for speech."""
    c: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        t = row["transcript"]
        r = matcher.match(query_of(t), doubtful=is_doubtful(t), heard=True,
                          sure=surely_heard(t))
        k = c[row["set"]]
        if not row["expected"]:
            k["n_out"] += 1
            k["declined"] += r.outcome == "no_match"
            k["answered"] += r.outcome == "answer"
            continue
        right = r.entry is not None and r.entry.id in row["expected"].split("|")
        k["n"] += 1
        k["lenient"] += r.outcome != "no_match" and right
        k["strict"] += r.outcome == "answer" and right
        k["wrong"] += r.outcome == "answer" and not right
    return c


def line(label: str, c: dict[str, Counter[str]]) -> str:
    parts = []
    for name, k in c.items():
        if k["n"]:
            parts.append(f"{name} right {k['lenient']}/{k['n']} ({k['strict']} answered, "
                         f"{k['wrong']} wrong)")
        if k["n_out"]:
            parts.append(f"{name} out declined {k['declined']}/{k['n_out']} "
                         f"({k['answered']} answered)")
    return f"{label:<28} " + "; ".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--variants", type=int, default=len(V),
                    help="espeak-ng conditions for tuning.tsv and dev.tsv (max 6)")
    ap.add_argument("--transcripts", type=Path, default=None,
                    help="read transcripts from this cache file (see the module's doc)")
    args = ap.parse_args()
    rows = decode_all(args.variants, args.transcripts)
    matcher = Matcher(load_knowledge([REPO / "content"]))
    chosen = (confidence.SURE_WORD, confidence.UNHEARD_WORD, confidence.SURE_ANSWER)
    print("SURE_WORD UNHEARD_WORD SURE_ANSWER (chosen first):")
    for sw, uh, sa in (chosen, (0.2, 0.0, 0.5), (0.2, 0.1, 0.5), (0.2, 0.2, 0.5),
                       (0.1, 0.1, 0.5), (0.3, 0.15, 0.5), (0.2, 0.15, 0.4), (0.2, 0.15, 0.6)):
        confidence.SURE_WORD, confidence.UNHEARD_WORD, confidence.SURE_ANSWER = sw, uh, sa
        print(line(f"{sw:g} {uh:g} {sa:g}", evaluate(rows, matcher)), flush=True)
    confidence.SURE_WORD, confidence.UNHEARD_WORD, confidence.SURE_ANSWER = chosen
    print("MISHEARD_CUTOFF MISHEARD_PIECE (chosen first; 100 99: misheard words dropped):")
    chosen_m = (matcher_module.MISHEARD_CUTOFF, matcher_module.MISHEARD_PIECE)
    for cut, piece in (chosen_m, (100.0, 99), (80.0, 5), (70.0, 5), (75.0, 4), (75.0, 99)):
        matcher_module.MISHEARD_CUTOFF, matcher_module.MISHEARD_PIECE = cut, piece
        print(line(f"{cut:g} {piece}", evaluate(rows, matcher)), flush=True)
    matcher_module.MISHEARD_CUTOFF, matcher_module.MISHEARD_PIECE = chosen_m
    print("SURE_UNKNOWN_WORD (chosen first; 1.01: every unknown word a mishearing):")
    chosen_u = confidence.SURE_UNKNOWN_WORD
    for u in (chosen_u, 1.01, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2):
        confidence.SURE_UNKNOWN_WORD = u
        print(line(f"{u:g}", evaluate(rows, matcher)), flush=True)
    confidence.SURE_UNKNOWN_WORD = chosen_u
    return 0


if __name__ == "__main__":
    sys.exit(main())
