#!/usr/bin/env python3
"""Issue 13, session 19: the engine's decodes are the same as another
revision's. Prints one SHA-1 of what Whisper heard (texts, word
probabilities, the beam's alternatives) of a few tuning questions in three
of the benchmark's voices; run it from two worktrees and compare.

    CT2_FORCE_CPU_ISA=AVX2 ONEDNN_MAX_CPU_ISA=AVX2 .venv/bin/python scripts/tune_hear19.py
    CT2_FORCE_CPU_ISA=AVX2 ONEDNN_MAX_CPU_ISA=AVX2 PYTHONPATH=/tmp/old \\
        .venv/bin/python /tmp/old/scripts/tune_hear19.py   # a copy in the old worktree

(The second hearing this session tried and removed, with its measurement
script, is commit 995fe32.)
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import pad  # noqa: E402
from make_spoken_questions import BENCHMARK_VARIANTS, speak  # noqa: E402

from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.speech_in.whisper import WhisperRecognizer  # noqa: E402

#: Tuning-half questions (tests/data/tuning.tsv, dev.tsv even lines).
QUESTIONS = ("what is acupuncture good for", "are they ever going to cure ms",
             "do herbal remedies help", "tell me about physical therapy")


def main() -> int:
    kb = load_knowledge([REPO / "content"])
    rec = WhisperRecognizer(REPO / "models" / "whisper-tiny.en", kb)
    heard = []
    for q in QUESTIONS:
        for v in BENCHMARK_VARIANTS[::2]:
            t = rec.transcribe(pad(read_wav(speak(q, v))))
            heard.append([t.text, [list(w) for w in t.words], list(t.alternatives)])
    print(hashlib.sha1(json.dumps(heard).encode()).hexdigest(), f"{len(heard)} decodes,",
          f"{sum(bool(h[2]) for h in heard)} with the beam's alternatives")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
