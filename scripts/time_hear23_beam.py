#!/usr/bin/env python3
"""CPU time of the decode that chooses what was heard, greedy against the
beam of 2 with its forced word probabilities (whisper/decoder.py
``BEAM_SIZE``), on the same encoded windows; the encoding timed beside them.

    CT2_FORCE_CPU_ISA=AVX2 ONEDNN_MAX_CPU_ISA=AVX2 .venv/bin/python scripts/time_hear23_beam.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, cast

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import engine_loaders, pad  # noqa: E402
from make_spoken_questions import BENCHMARK_VARIANTS, speak  # noqa: E402

from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.speech_in.whisper import decoder  # noqa: E402

if TYPE_CHECKING:
    from voice.speech_in.whisper.engine import WhisperRecognizer

SAID = ("what causes spasms", "anything promising on the horizon", "is there a cure",
        "will my grandchildren get it", "how can rehab help me",
        "what can i change day to day to have fewer spasms")


def main() -> int:
    rec = cast("WhisperRecognizer", engine_loaders(load_knowledge([REPO / "content"]))["whisper"]())
    dec = rec._decoder
    cpu: dict[str, list[float]] = {"encode": [], "beam 1": [], "beam 2": []}
    for said in SAID:
        for voice in BENCHMARK_VARIANTS[:3]:
            audio = pad(read_wav(speak(said, voice))).samples.astype(np.float32) / 32768.0
            t0 = time.process_time()
            encoded = dec.encode(audio[:decoder.WINDOW])
            cpu["encode"].append(time.process_time() - t0)
            for width in (1, 2):
                t0 = time.process_time()
                dec.generate(encoded, len(audio), dec.prompt, width)
                cpu[f"beam {width}"].append(time.process_time() - t0)
    for k, v in cpu.items():
        print(f"{k:<7} CPU median {statistics.median(v):.3f} s, "
              f"max {max(v):.3f} s ({len(v)} clips)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
