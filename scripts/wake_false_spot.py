"""What was really said where the wake check woke on speech not addressed to it.

Run: ``.venv/bin/python scripts/wake_false_spot.py --seed 30 --voice en --at 1211.22
[--minutes 300] [--tree DIR]``

benchmark_wake.py reads, per voice, sentences drawn with ``--seed`` from
sentences(); a false wake is logged as a time in that stream
(``benchmark_wake.py --decodes F``: the decode's last field). This rebuilds
the stream (espeak-ng, cached like the benchmark's), cuts the 3.5 s window
the check decoded (ending at that time), and prints Whisper's decode of it
after the phrase's prompt (what woke it) and without any prompt (what the
prompt talked it into), and the sentences read there (the ones that best
match an unprompted decode of 7 s around it). ``--tree``: a folder holding
content/, tests/data/ and voice/speech_in/pocketsphinx/everyday.txt as they
were when the benchmark ran (``git archive COMMIT content tests/data
voice/speech_in/pocketsphinx/everyday.txt | tar -x -C DIR``): the sentences
change as sets are added, and with them every draw.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
for p in (REPO, REPO / "scripts"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import benchmark_wake as bench  # noqa: E402

from voice.audio.clip import RECOGNIZER_RATE  # noqa: E402
from voice.speech_in.wake.confirm import AFTER, BEFORE, CONFIRMATIONS  # noqa: E402


def read_stream(seed: int, voice: str, minutes: float,
                cache: Path) -> tuple[np.ndarray, list[str]]:
    """The benchmark's reading by ``voice`` (benchmark_wake.negatives, only its audio)."""
    rng = random.Random(seed)
    sents = bench.sentences()
    reading = minutes * 0.8 / len(bench.READERS)
    for name, rate in bench.READERS:
        words_needed = int(reading * rate)
        picked: list[str] = []
        while sum(len(s.split()) for s in picked) < words_needed:
            picked.append(rng.choice(sents))
        if name == voice:
            return bench._espeak(" ".join(picked), name, rate, cache), picked
    raise SystemExit(f"{voice} is not one of the readers: {[v for v, _r in bench.READERS]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--voice", required=True)
    ap.add_argument("--at", type=float, required=True,
                    help="seconds into the stream (the decode's time)")
    ap.add_argument("--minutes", type=float, default=300)
    ap.add_argument("--phrase", default="okay nabu")
    ap.add_argument("--tree", type=Path, help="content as it was when the benchmark ran")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/voice-wake-bench"))
    args = ap.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    if args.tree:
        bench.REPO = args.tree
    from rapidfuzz import fuzz

    from voice.config import default_models_dir
    from voice.speech_in.whisper.decoder import WindowDecoder
    from voice.speech_in.whisper.model_files import model_folder
    from voice.speech_in.whisper.shared_model import whisper_model

    pcm, picked = read_stream(args.seed, args.voice, args.minutes, args.cache)
    decoder = WindowDecoder(whisper_model(model_folder(default_models_dir())))
    prompt = decoder.prompt_tokens(CONFIRMATIONS[args.phrase].prompt)
    end = int(args.at * RECOGNIZER_RATE)

    def audio(start: float, stop: float) -> np.ndarray:
        a, b = max(0, end + int(start * RECOGNIZER_RATE)), end + int(stop * RECOGNIZER_RATE)
        return pcm[a:b].astype(np.float32) / 32768.0

    said, bare = decoder.decode_each(audio(-(BEFORE + AFTER), 0.0), [prompt, []])
    print(f"3.5 s window ending at {args.at:.2f} s of read {args.voice} (seed {args.seed}):")
    print(f"  after the prompt: {said.text.strip()!r} ({said.avg_logprob:.2f})")
    print(f"  no prompt:        {bare.text.strip()!r} ({bare.avg_logprob:.2f})")
    around = decoder.decode_each(audio(-5.0, 2.0), [[]])[0].text.strip()
    print(f"  7 s around it, no prompt: {around!r}")
    best = sorted(range(len(picked)), key=lambda i: -fuzz.partial_ratio(
        " ".join(picked[i:i + 2]).lower(), around.lower()))[:1]
    for i in best:
        print("  read there (best match):", " || ".join(picked[max(0, i - 1):i + 3]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
