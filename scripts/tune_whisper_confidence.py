#!/usr/bin/env python3
"""Measure Whisper's SURE_WORD and SURE_ANSWER on the tuning questions.

Speaks tests/data/tuning.tsv (never the held-out set) with espeak-ng voices
(scripts/make_spoken_questions.py, cached), decodes each with the Whisper
engine as the assistant does (prompt from the content, silence gate, guard),
keeps the words with their probabilities, then prints, for each pair of
thresholds, what the matcher does with them: right entry answered outright,
wrong entry answered outright, right entry answered or offered, and
out-of-scope questions declined / not answered outright.

    .venv/bin/python scripts/tune_whisper_confidence.py [--variants N] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from make_spoken_questions import BENCHMARK_VARIANTS, speak  # noqa: E402

from voice.audio.clip import read_wav  # noqa: E402
from voice.config import default_models_dir  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.conversation.choices import find_choice  # noqa: E402
from voice.conversation.commands import find_command  # noqa: E402
from voice.matching.emergency import is_emergency  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.matching.normalize import is_function_word  # noqa: E402
from voice.speech_in.pocketsphinx.corpus import read_labelled  # noqa: E402
from voice.speech_in.whisper.model_files import model_folder  # noqa: E402

TUNING = REPO / "tests" / "data" / "tuning.tsv"


def decode_all(variants: int, limit: int | None) -> list[dict[str, object]]:
    from voice.speech_in.whisper import WhisperRecognizer

    kb = load_knowledge([str(REPO / "content")])
    rec = WhisperRecognizer(model_folder(default_models_dir()), kb)
    items = read_labelled(TUNING)[: limit or None]
    out: list[dict[str, object]] = []
    start = time.perf_counter()
    for v in BENCHMARK_VARIANTS[:variants]:
        for q in items:
            t = rec.transcribe(read_wav(speak(q.text, v)))
            out.append({"q": q.text, "expected": q.expected, "variant": v.name,
                        "words": [list(w) for w in t.words]})
    print(f"decoded {len(out)} in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return out


def _query(words: list[tuple[str, float]], sure_word: float) -> str:
    text = " ".join(w for w, _ in words)
    if is_emergency(text) or find_command(text) or find_choice(text):
        return text
    return " ".join(w for w, c in words if c >= sure_word)


def evaluate(rows: list[dict[str, object]], sure_word: float, sure_answer: float,
             matcher: Matcher) -> dict[str, int]:
    c = {"n": 0, "strict": 0, "wrong": 0, "lenient": 0, "n_out": 0, "declined": 0,
         "not_answered": 0}
    for row in rows:
        words = [(str(w), float(p)) for w, p in row["words"]]  # type: ignore[attr-defined]
        doubtful = bool(words) and not any(
            p >= sure_answer and not is_function_word(w) for w, p in words)
        r = matcher.match(_query(words, sure_word), doubtful=doubtful)
        exp = str(row["expected"] or "")
        if not exp:
            c["n_out"] += 1
            c["declined"] += r.outcome == "no_match"
            c["not_answered"] += r.outcome != "answer"
            continue
        got = r.entry.id if r.entry is not None else None
        c["n"] += 1
        c["strict"] += r.outcome == "answer" and got in exp.split("|")
        c["wrong"] += r.outcome == "answer" and got not in exp.split("|")
        c["lenient"] += r.outcome != "no_match" and got in exp.split("|")
    return c


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--variants", type=int, default=3, help="espeak-ng conditions (max 6)")
    ap.add_argument("--limit", type=int, help="first N questions only")
    ap.add_argument("--cache", type=Path, help="JSON of decoded words (made if missing)")
    args = ap.parse_args()
    if args.cache and args.cache.exists():
        rows = json.loads(args.cache.read_text())
    else:
        rows = decode_all(args.variants, args.limit)
        if args.cache:
            args.cache.write_text(json.dumps(rows))
    matcher = Matcher(load_knowledge([str(REPO / "content")]))
    best = [max((p for _, p in r["words"]), default=0.0) for r in rows]  # type: ignore[attr-defined]
    print(f"{len(rows)} utterances; best word probability: min {min(best):.3f}, "
          f"utterances with none >= 0.5: {sum(b < 0.5 for b in best)}")
    print("sure_word sure_answer  strict  wrong  lenient  declined  out-not-answered")
    for sw in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5):
        for sa in (0.0, 0.5, 0.7, 0.8, 0.9, 0.95):
            c = evaluate(rows, sw, sa, matcher)
            n, o = max(c["n"], 1), max(c["n_out"], 1)
            print(f"{sw:9.2f} {sa:11.2f}  {c['strict'] / n:6.1%} {c['wrong'] / n:6.1%} "
                  f"{c['lenient'] / n:8.1%} {c['declined'] / o:9.1%} {c['not_answered'] / o:9.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
