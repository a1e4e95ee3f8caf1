#!/usr/bin/env python3
"""What ``Segment.token_logprobs`` costs a Whisper decode, and that the
decodes are the same with it made on every decode or only when read.

Decodes a few real clips of the tuning half (tests/data/real, sentences and
commands), greedy (the wake check's decode) and with a beam of
``BEAM_SIZE`` (the question's), each ``--repeat`` times after one encode, and
prints the median CPU time of ``WindowDecoder.generate`` and of the
token log-probabilities alone (the same expression, timed by itself on
the decode's text tokens);
``--out`` writes every decode's figures, token log-probabilities included,
as JSON lines to compare two versions of the code with ``cmp``:

    nice -n 10 python scripts/time_token_logprobs.py --out /tmp/after.jsonl
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from real_speech import half, padded, real_clips  # noqa: E402


def logprobs_alone(decode: Callable[[list[int]], str], ids: list[int], probs: list[float]) -> float:
    """CPU seconds of the token log-probabilities of one decode, made as
    the decoder made them on every decode before session 37."""
    t0 = time.process_time()
    tuple((decode([t]), float(np.log(max(p, 1e-9))))
          for t, p in zip(ids, probs, strict=False))
    return time.process_time() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clips", type=int, default=8)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()

    from voice.config import default_models_dir
    from voice.speech_in.whisper.decoder import BEAM_SIZE, WindowDecoder
    from voice.speech_in.whisper.model_files import model_folder
    from voice.speech_in.whisper.shared_model import whisper_model

    dec = WindowDecoder(whisper_model(model_folder(default_models_dir())))
    tok = dec._tokenizer
    clips = [c for c in real_clips() if c.set in ("sentences", "commands")
             and half(c.path) == "tuning"]
    clips = clips[:: max(1, len(clips) // args.clips)][: args.clips]
    rows: list[dict[str, object]] = []
    gen: dict[int, list[float]] = {1: [], BEAM_SIZE: []}
    alone: list[float] = []
    tokens = 0
    for c in clips:
        audio = padded(c.path).samples.astype(np.float32) / 32768.0
        encoded = dec.encode(audio)
        for beam in (1, BEAM_SIZE):
            seen = set()
            for _ in range(args.repeat):
                t0 = time.process_time()
                seg = dec.generate(encoded, len(audio), [], beam)
                gen[beam].append(time.process_time() - t0)
                row = {"clip": c.path.name, "beam": beam, "text": seg.text,
                       "no_speech_prob": seg.no_speech_prob, "avg_logprob": seg.avg_logprob,
                       "compression_ratio": seg.compression_ratio,
                       "words": [[w.word, w.probability] for w in seg.words],
                       "token_logprobs": [list(x) for x in seg.token_logprobs]}
                seen.add(json.dumps(row))
            if len(seen) != 1:
                raise SystemExit(f"{c.path.name} beam {beam}: the repeats differ")
            rows.append(row)
            # The text's tokens again (what was decoded, but for a rare
            # re-spelling): the figure follows their number, not their values.
            ids = tok.encode(seg.text)
            probs = [0.5] * len(ids)
            tokens += len(ids)
            alone += [logprobs_alone(tok.decode, ids, probs) for _ in range(args.repeat)]
    for beam, ts in gen.items():
        print(f"generate, beam {beam}: median {1000 * statistics.median(ts):.2f} ms of CPU "
              f"({len(ts)} decodes of {len(clips)} clips)")
    print(f"token log-probabilities alone: median {1000 * statistics.median(alone):.3f} ms, "
          f"max {1000 * max(alone):.3f} ms per decode ({tokens / len(rows):.1f} tokens a decode)")
    if args.out:
        args.out.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
