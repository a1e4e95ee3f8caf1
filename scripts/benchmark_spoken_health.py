#!/usr/bin/env python3
"""Spoken uncovered health questions, held out: are they declined?

Speaks tests/data/health-heldout2.tsv (the fresh held-out set of everyday
health questions the content does not cover; never tuned on) with two
espeak-ng voices of the benchmark (en-us, and en-us+f4 under pink noise, as
scripts/tune_whisper_confidence.py speaks the tuning half), decodes each clip
once with the Whisper engine as the assistant runs it (transcripts kept by
benchmark_audio's TranscriptCache, so a second run takes seconds), and
matches what was heard as ``Assistant.handle_heard`` does (query_of,
is_doubtful, surely_heard, Matcher.match(heard=True)). Prints how many were
declined and how many answered outright, with the surely heard words kept
(the app) and with every word no dictionary knows taken for a mishearing
(before SURE_UNKNOWN_WORD). Aggregate figures only.

    .venv/bin/python scripts/benchmark_spoken_health.py
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import TranscriptCache, pad  # noqa: E402
from make_spoken_questions import BENCHMARK_VARIANTS as V  # noqa: E402
from make_spoken_questions import speak  # noqa: E402
from tune_whisper_confidence import _LazyWhisper  # noqa: E402

import voice.speech_in.whisper.confidence as confidence  # noqa: E402
from voice.app import is_doubtful, query_of, surely_heard  # noqa: E402
from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.pocketsphinx.corpus import read_labelled  # noqa: E402

QUESTIONS = REPO / "tests" / "data" / "health-heldout2.tsv"


def main() -> int:
    kb = load_knowledge([REPO / "content"])
    cache = TranscriptCache("whisper")
    rec = _LazyWhisper(kb)
    heard = []
    for v in (V[0], V[-1]):
        for q in read_labelled(QUESTIONS):
            wav = speak(q.text, v)
            heard.append(cache.transcribe(rec, pad(read_wav(wav)), wav))
    matcher = Matcher(kb)
    chosen = confidence.SURE_UNKNOWN_WORD
    for label, sure in (("surely heard words kept (the app)", chosen),
                        ("every unknown word a mishearing", 1.01)):
        confidence.SURE_UNKNOWN_WORD = sure
        outcomes = [matcher.match(query_of(t), doubtful=is_doubtful(t), heard=True,
                                  sure=surely_heard(t)).outcome for t in heard]
        n = len(outcomes)
        declined = outcomes.count("no_match")
        print(f"{label:36} declined {declined}/{n} ({100 * declined / n:.1f}%), "
              f"answered outright {outcomes.count('answer')}")
    confidence.SURE_UNKNOWN_WORD = chosen
    print(f"({n} clips: {n // 2} questions x en-us, en-us+f4 pink noise; "
          f"transcripts in {cache.path})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
