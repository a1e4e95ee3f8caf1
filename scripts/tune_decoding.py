#!/usr/bin/env python3
"""Measure a change to how Whisper decodes, per condition, on tuning clips only.

Each in-scope clip of tests/data/tuning.tsv spoken in the six benchmark
conditions (every ``--stride``-th from ``--offset``, so two disjoint subsets
can be tuned and checked), plus every ``--stride``-th out-of-scope one, is
decoded by the Whisper engine as the assistant runs it, under a named
variant (``--variant``), and goes through the app's path for speech
(benchmark_audio._match: query_of, is_doubtful, alternatives, Matcher.match
heard=True). Prints per condition: right entry (answered or offered),
answered wrong, word error rate; and out of scope declined.

    .venv/bin/python scripts/tune_decoding.py --stride 3 --offset 0 --variant baseline

The baseline is the engine as committed (its transcripts come from
benchmark_audio's cache when there). Variants patch the loaded engine
(see VARIANTS); none reads the held-out sets.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import TranscriptCache, _heard, _match, pad, word_errors  # noqa: E402
from make_spoken_questions import BENCHMARK_VARIANTS as V  # noqa: E402
from make_spoken_questions import speak  # noqa: E402

from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.pocketsphinx.corpus import read_labelled  # noqa: E402

DATA = REPO / "tests" / "data"


def clips(stride: int, offset: int) -> list[tuple[str, str | None, str, Path]]:
    """(condition, expected ids or None, text, WAV) of the tuning subset."""
    out = []
    k = -1
    for v in V:
        for q in read_labelled(DATA / "tuning.tsv"):
            k += 1
            if k % stride == offset:
                out.append((v.name, q.expected or None, q.text, speak(q.text, v)))
    return out


def _patch_audio(rec: Any, f: Callable[[np.ndarray], np.ndarray]) -> None:
    """Run ``f`` on the gated int16 speech before the engine decodes it."""
    orig = rec.decode_heard

    def decode_heard(speech: np.ndarray) -> Any:
        return orig(f(speech))

    rec.decode_heard = decode_heard


def _normalise(peak: float) -> Callable[[np.ndarray], np.ndarray]:
    def f(s: np.ndarray) -> np.ndarray:
        top = float(np.abs(s.astype(np.float32)).max()) if len(s) else 0.0
        if top < 1:
            return s
        return np.clip(s.astype(np.float32) * (peak * 32767 / top), -32768, 32767).astype(np.int16)
    return f


def _highpass(hz: float) -> Callable[[np.ndarray], np.ndarray]:
    def f(s: np.ndarray) -> np.ndarray:
        x = s.astype(np.float64)
        a = np.exp(-2 * np.pi * hz / 16000)
        y = np.empty_like(x)
        prev_x = prev_y = 0.0
        for i, v in enumerate(x):  # one-pole high-pass
            prev_y = a * (prev_y + v - prev_x)
            prev_x = v
            y[i] = prev_y
        return np.clip(y, -32768, 32767).astype(np.int16)
    return f


# Spectral noise reduction (tried, not adopted: docs/speech-in.md).
#: Short-time Fourier transform: 32 ms frames every 8 ms at 16 kHz.
N_FFT = 512
HOP = 128

#: The noise's power in each frequency band is this percentile of the band's
#: power over the utterance's frames (speech seldom fills a band all the time).
NOISE_PERCENTILE = 20.0

#: Gain = max(1 - OVER * noise / power, FLOOR): subtract a little more than the
#: estimate, never silence a band entirely (musical noise).
OVER = 1.5
FLOOR = 0.1


def _denoised(audio: np.ndarray) -> np.ndarray:
    """``audio`` (float32, 16 kHz mono, -1..1) with its steady noise reduced;
    unchanged when it is too short to estimate the noise or digitally silent."""
    x = np.asarray(audio, dtype=np.float32)
    if len(x) < N_FFT * 4:
        return x
    window = np.hanning(N_FFT + 1)[:-1].astype(np.float32)
    pad = np.concatenate([np.zeros(N_FFT, np.float32), x, np.zeros(N_FFT, np.float32)])
    frames = 1 + (len(pad) - N_FFT) // HOP
    idx = np.arange(N_FFT)[None, :] + HOP * np.arange(frames)[:, None]
    spec = np.fft.rfft(pad[idx] * window, axis=1)
    power = np.abs(spec) ** 2
    live = power.sum(axis=1) > 1e-10  # digital silence says nothing about the noise
    if live.sum() < 8:
        return x
    # A band's noise power over frames is about exponentially distributed:
    # its mean is the percentile over -ln(1 - p).
    noise = np.percentile(power[live], NOISE_PERCENTILE, axis=0) / -np.log1p(
        -NOISE_PERCENTILE / 100.0)
    gain = np.maximum(1.0 - OVER * noise / np.maximum(power, 1e-12), FLOOR)
    out = np.fft.irfft(spec * gain, n=N_FFT, axis=1) * window
    y = np.zeros(len(pad), np.float64)
    norm = np.zeros(len(pad), np.float64)
    w2 = window.astype(np.float64) ** 2
    for i in range(frames):  # overlap-add
        y[i * HOP : i * HOP + N_FFT] += out[i]
        norm[i * HOP : i * HOP + N_FFT] += w2
    y = y / np.maximum(norm, 1e-8)
    return y[N_FFT : N_FFT + len(x)].astype(np.float32)


def _denoise(s: np.ndarray) -> np.ndarray:
    y = _denoised(s.astype(np.float32) / 32768.0)
    return np.clip(y * 32768.0, -32768, 32767).astype(np.int16)


def _alt_no_prompt(rec: Any, kb: Any) -> None:
    """The greedy decode without the content prompt, one more alternative."""
    dec = rec._decoder
    orig = dec.hypotheses

    def hypotheses(encoded: Any, samples: int, prompt: list[int], n: int) -> Any:
        seg = dec.generate(encoded, samples, [])
        return [*orig(encoded, samples, prompt, n), (seg.text, seg.avg_logprob)]

    dec.hypotheses = hypotheses


def _strong(rec: Any) -> None:
    global OVER, FLOOR
    OVER, FLOOR = 3.0, 0.05
    _patch_audio(rec, _denoise)


def _margin(seconds: float) -> None:
    """The speech gate keeps ``seconds`` of quiet around speech (0.2 s as committed)."""
    import voice.speech_in.whisper.engine as engine
    from voice.speech_in.gate import SpeechGate

    engine.SpeechGate = lambda: SpeechGate(margin=seconds)  # type: ignore[misc,assignment]


def _prompt(rec: Any, text: str) -> None:
    rec.prompt = text
    rec._decoder.set_prompt(text)


def _faq_only(rec: Any, kb: Any) -> None:
    _prompt(rec, " ".join(e.title for e in kb.entries if e.kind == "faq"))


def _titles_first(rec: Any, kb: Any) -> None:
    from voice.speech_in.whisper.prompt import build_prompt

    class K:
        entries = sorted(kb.entries, key=lambda e: e.kind == "faq")
    _prompt(rec, build_prompt(K, rec._decoder.count_tokens))  # type: ignore[arg-type]


VARIANTS: dict[str, Callable[[Any, Any], None]] = {
    "baseline": lambda rec, kb: None,
    "no-prompt": lambda rec, kb: _prompt(rec, ""),
    "faq-only-prompt": _faq_only,
    "titles-first-prompt": _titles_first,
    "normalise-0.5": lambda rec, kb: _patch_audio(rec, _normalise(0.5)),
    "normalise-0.9": lambda rec, kb: _patch_audio(rec, _normalise(0.9)),
    "alt-no-prompt": _alt_no_prompt,
    "denoise": lambda rec, kb: _patch_audio(rec, _denoise),
    "denoise-strong": lambda rec, kb: _strong(rec),
    "gate-margin-0.5": lambda rec, kb: _margin(0.5),
    "highpass-100": lambda rec, kb: _patch_audio(rec, _highpass(100.0)),
}


class _Lazy:
    """The engine under a variant, loaded when a clip is first decoded."""

    name = "whisper"

    def __init__(self, kb: Any, variant: Callable[[Any, Any], None]) -> None:
        self.kb, self.variant, self.decoded = kb, variant, 0
        self.rec: Any = None

    def transcribe(self, clip: Any) -> Any:
        if self.rec is None:
            from voice.speech_in.whisper.engine import WhisperRecognizer

            self.rec = WhisperRecognizer(REPO / "models" / "whisper-tiny.en", self.kb)
            self.variant(self.rec, self.kb)
        self.decoded += 1
        return self.rec.transcribe(clip)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stride", type=int, default=3)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--conditions", default="",
                    help="comma-separated condition names (default: all six)")
    ap.add_argument("--cache", type=Path,
                    help="with baseline: read transcripts from this benchmark_audio cache "
                         "file (an earlier code's) instead of decoding")
    ap.add_argument("--variant", choices=sorted(VARIANTS), default="baseline")
    args = ap.parse_args()
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    cache = TranscriptCache("whisper") if args.variant == "baseline" else None
    if cache is not None and args.cache:
        cache.path = args.cache
        cache._size = -1
        cache._known = {}
        cache._read()
    rec: _Lazy | None = None
    per: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    t0 = time.time()
    wanted = set(filter(None, args.conditions.split(",")))
    for cond, expected, text, wav in clips(args.stride, args.offset):
        if wanted and cond not in wanted:
            continue
        clip = pad(read_wav(wav))
        if rec is None:
            rec = _Lazy(kb, VARIANTS[args.variant])
        t = cache.transcribe(rec, clip, wav) if cache is not None else rec.transcribe(clip)
        r = _match(matcher, _heard(t))
        for k in (cond, "all"):
            c = per[k]
            if expected is None:
                c["out"] += 1
                c["declined"] += r.outcome == "no_match"
                continue
            right = r.entry is not None and r.entry.id in expected.split("|")
            c["n"] += 1
            c["right"] += r.outcome != "no_match" and right
            c["wrong"] += r.outcome == "answer" and not right
            e, n = word_errors(text, t.text)
            c["err"] += e
            c["words"] += n
    print(f"variant {args.variant}, stride {args.stride} offset {args.offset}, "
          f"{rec.decoded if rec else 0} clips decoded in {time.time() - t0:.0f} s")
    for k, c in per.items():
        print(f"  {k:<16} right {c['right']}/{c['n']} ({100 * c['right'] / max(1, c['n']):.1f}%)"
              f", answered wrong {c['wrong']}, WER {c['err'] / max(1, c['words']):.3f}"
              f", out declined {c['declined']}/{c['out']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
