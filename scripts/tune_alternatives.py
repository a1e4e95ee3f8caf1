#!/usr/bin/env python3
"""Measure what offering Whisper's alternative hypotheses gives and costs, on
the tuning halves only (voice/speech_in/whisper/alternatives.py).

Every clip is decoded once by the Whisper engine as the assistant runs it
(content prompt, guard, the beam search's other hypotheses kept as
``Transcript.alternatives``), cached by benchmark_audio's TranscriptCache.
Then, for each OFFER_SCORE (and with the alternatives left out), every
transcript goes through the app's path for speech (benchmark_audio._match:
query_of, is_doubtful, the alternative offered when what was heard matches
nothing, Matcher.match heard=True) and the script prints per set: right
entry (answered or offered first), offered only thanks to an alternative,
answered wrong, and out of scope declined.

    .venv/bin/python scripts/tune_alternatives.py [--variants N] [--stride N]

``--stride 2`` takes every other clip of tuning.tsv (all its out-of-scope
ones are kept), as the figures at confidence.OFFER_SCORE were measured.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import Heard, TranscriptCache, _heard, _match, pad  # noqa: E402
from make_spoken_questions import BENCHMARK_VARIANTS as V  # noqa: E402
from make_spoken_questions import speak  # noqa: E402
from tune_whisper_confidence import FOREIGN, _LazyWhisper  # noqa: E402

import voice.speech_in.whisper.confidence as confidence  # noqa: E402
from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.pocketsphinx.corpus import read_labelled  # noqa: E402

DATA = REPO / "tests" / "data"


def clips(variants: int, stride: int) -> list[tuple[str, str | None, Path]]:
    """(set, expected entry ids or None, WAV) of the tuning halves."""
    out: list[tuple[str, str | None, Path]] = []
    k = -1
    for v in V[:variants]:
        for q in read_labelled(DATA / "tuning.tsv"):
            k += 1
            if q.expected and k % stride:
                continue
            out.append(("tuning", q.expected or None, speak(q.text, v)))
    for v in (V[0], V[-1]):
        out += [("health-tuning", None, speak(q.text, v))
                for q in read_labelled(DATA / "health-tuning.tsv")]
    foreign = read_labelled(DATA / "foreign-tuning.tsv")
    out += [("foreign-tuning", None, speak(q.text, V[0]))
            for q in foreign[:: max(1, len(foreign) // FOREIGN)][:FOREIGN]]
    return out


def evaluate(rows: list[tuple[str, str | None, Any]], matcher: Matcher,
             alternatives: bool) -> dict[str, Counter[str]]:
    c: dict[str, Counter[str]] = defaultdict(Counter)
    for name, expected, t in rows:
        h = _heard(t)
        r = _match(matcher, h if alternatives else Heard(h.text, h.doubtful))
        k = c[name]
        if not expected:
            k["n_out"] += 1
            k["declined"] += r.outcome == "no_match"
            continue
        right = r.entry is not None and r.entry.id in expected.split("|")
        k["n"] += 1
        k["right"] += r.outcome != "no_match" and right
        k["wrong"] += r.outcome == "answer" and not right
        k["offered_wrong"] += r.outcome == "confirm" and not right
    return c


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--variants", type=int, default=len(V), help="conditions (max 6)")
    ap.add_argument("--stride", type=int, default=1,
                    help="every n-th in-scope clip of tuning.tsv")
    args = ap.parse_args()
    kb = load_knowledge([REPO / "content"])
    cache, rec = TranscriptCache("whisper"), _LazyWhisper(kb)
    rows = [(name, exp, cache.transcribe(rec, pad(read_wav(wav)), wav))
            for name, exp, wav in clips(args.variants, args.stride)]
    matcher = Matcher(kb)
    chosen = confidence.OFFER_SCORE
    for label, score, alts in (("no alternatives", chosen, False),
                               *((f"OFFER_SCORE {s:g}", s, True)
                                 for s in (chosen, 80.0, 85.0, 95.0))):
        confidence.OFFER_SCORE = score
        parts = []
        for name, k in evaluate(rows, matcher, alts).items():
            if k["n"]:
                parts.append(f"{name} right {k['right']}/{k['n']} ({k['wrong']} answered "
                             f"wrong, {k['offered_wrong']} offered wrong)")
            if k["n_out"]:
                parts.append(f"{name} out declined {k['declined']}/{k['n_out']}")
        print(f"{label:<18} " + "; ".join(parts), flush=True)
    confidence.OFFER_SCORE = chosen
    return 0


if __name__ == "__main__":
    sys.exit(main())
