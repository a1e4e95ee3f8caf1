"""Benchmark speech output: answer text -> first audio sample, and stop latency.

Run: ``.venv/bin/python scripts/benchmark_speech_out.py [--answers 20] [--stops 5]``

Figures (all printed, and returned as a dict by ``run_speech_out_benchmark``):

* ``first_audio_ms``: from ``say(text)`` until the player handed the first
  real sample to PortAudio, over answers of different lengths from the
  content (target <= 200 ms);
* ``first_heard_ms``: the same, until the sound arrived at the microphone
  (the monitor of the output), when one can be recorded;
* ``stop_return_ms``: from ``stop()`` until ``say()`` returned;
* ``stop_silent_ms``: from ``stop()`` until the last sound arrived at the
  monitor (target <= 300 ms);
* ``synth_pyttsx3_ms`` / ``synth_espeak_cli_ms``: per-sentence synthesis time
  of each engine (why pyttsx3 costs nothing noticeable over the CLI).

When no audio output is reachable it starts its own PulseAudio null sink
(as the tests do) and removes it afterwards.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from voice.speech_out.base import VoiceSettings  # noqa: E402
from voice.speech_out.output import output_devices, refresh_devices  # noqa: E402
from voice.speech_out.sentences import split_sentences  # noqa: E402
from voice.speech_out.synth import EspeakCliSynth, Pyttsx3Synth  # noqa: E402
from voice.speech_out.tts_speaker import TtsSpeaker  # noqa: E402

FALLBACK_ANSWERS = [
    "Yes.",
    "Stretching every morning helps stiff muscles.",
    "Warm water can ease the spasms. Rest when you are tired.",
    "Talk to your doctor before you change any medicine. Some medicines make you "
    "sleepy. Take care when you stand up.",
]


def answers(count: int) -> list[str]:
    """``count`` answers from the content, shortest to longest, varied lengths."""
    texts: list[str] = []
    try:
        from voice.content.loader import load_knowledge

        kb = load_knowledge([REPO / "content"])
        texts = [e.answer for e in kb.entries if e.answer.strip()]
    except Exception:  # the benchmark must run even if content is being edited
        texts = []
    texts = sorted(set(texts + FALLBACK_ANSWERS), key=len)
    if len(texts) <= count:
        return texts
    step = (len(texts) - 1) / (count - 1)
    return [texts[round(i * step)] for i in range(count)]


def _pct(values: list[float], p: float) -> float:
    return float(np.percentile(values, p)) if values else float("nan")


def _summary(name: str, values: list[float]) -> dict[str, float]:
    return {
        f"{name}_median": statistics.median(values) if values else float("nan"),
        f"{name}_p95": _pct(values, 95),
        f"{name}_max": max(values) if values else float("nan"),
    }


@contextmanager
def _audio_available() -> Iterator[str]:
    """Yield how audio is reached: "existing", "own-pulseaudio" or "none"."""
    if output_devices():
        yield "existing"
        return
    if not shutil.which("pulseaudio"):
        yield "none"
        return
    from voice.audio.virtual_mic import running_virtual_mic

    with running_virtual_mic():
        refresh_devices()
        try:
            yield "own-pulseaudio"
        finally:
            refresh_devices()


class _Monitor:
    """Records the default input in 20 ms blocks, keeping (arrival time, RMS)."""

    def __init__(self) -> None:
        import sounddevice as sd

        self.blocks: list[tuple[float, float]] = []
        self._stream = sd.InputStream(
            samplerate=16000, channels=1, dtype="float32", blocksize=320,
            callback=self._callback,
        )
        self._stream.start()
        time.sleep(0.3)

    def _callback(self, indata: np.ndarray, _f: int, _t: Any, _s: Any) -> None:
        x = indata[:, 0].astype(np.float64)
        self.blocks.append((time.monotonic(), float(np.sqrt(np.mean(x * x)))))

    def loud_after(self, t: float, level: float = 0.003) -> list[float]:
        return [when for when, rms in list(self.blocks) if when > t and rms > level]

    def close(self) -> None:
        self._stream.stop()
        self._stream.close()


def _synth_times(texts: list[str]) -> dict[str, float]:
    sentences = [s for t in texts for s in split_sentences(t)][:20]
    out: dict[str, float] = {}
    worker = Pyttsx3Synth()
    worker.start()
    try:
        engines = (("synth_pyttsx3_ms", worker), ("synth_espeak_cli_ms", EspeakCliSynth()))
        for name, synth in engines:
            times = []
            for s in sentences:
                t0 = time.perf_counter()
                synth.synthesise(s, VoiceSettings())
                times.append((time.perf_counter() - t0) * 1000)
            out[f"{name}_median"] = statistics.median(times)
        out["synth_pyttsx3_fallbacks"] = float(worker.fallbacks)
    finally:
        worker.close()
    return out


def run_speech_out_benchmark(n_answers: int = 20, n_stops: int = 5) -> dict[str, Any]:
    """Measure and print; returns the figures (milliseconds) as a dict."""
    texts = answers(n_answers)
    results: dict[str, Any] = {"answers": len(texts)}
    results.update(_synth_times(texts))
    with _audio_available() as how:
        results["audio"] = how
        if how == "none":
            print("speech_out: no audio output; only synthesis was measured")
        else:
            results.update(_live(texts, n_stops))
    _print(results)
    return results


def _live(texts: list[str], n_stops: int) -> dict[str, Any]:
    synth = Pyttsx3Synth()
    synth.start()
    speaker = TtsSpeaker(synth, notify=lambda m: print("speech_out:", m))
    monitor = None
    with suppress(Exception):  # no input device: the "heard" figures are skipped
        monitor = _Monitor()
    first: list[float] = []
    heard: list[float] = []
    stop_return: list[float] = []
    stop_silent: list[float] = []
    try:
        for text in texts:
            # Only the first sentence matters for the first sample; cap playback time.
            t0 = time.monotonic()
            th = threading.Thread(target=speaker.say, args=(text, VoiceSettings()))
            th.start()
            time.sleep(0.6)
            speaker.stop()
            th.join()
            if speaker.last_first_sound_at is not None:
                first.append((speaker.last_first_sound_at - t0) * 1000)
            if monitor is not None:
                time.sleep(0.3)
                loud = monitor.loud_after(t0)
                if loud:
                    # A block arrives when it ends: subtract its 20 ms to get its start.
                    heard.append((loud[0] - 0.02 - t0) * 1000)
        long_text = " ".join(texts[-3:])
        for i in range(n_stops):
            th = threading.Thread(target=speaker.say, args=(long_text, VoiceSettings()))
            th.start()
            time.sleep(0.8 + 0.15 * i)  # stop at different points in the audio
            t_stop = time.monotonic()
            speaker.stop()
            th.join()
            stop_return.append((time.monotonic() - t_stop) * 1000)
            if monitor is not None:
                time.sleep(0.6)
                loud = monitor.loud_after(t_stop - 1.0)
                if loud:
                    stop_silent.append(max(0.0, (max(loud) - t_stop) * 1000))
    finally:
        if monitor is not None:
            monitor.close()
        speaker.close()
    out: dict[str, Any] = {
        "live_pyttsx3_retries": synth.retries,
        "live_pyttsx3_fallbacks": synth.fallbacks,
    }
    out.update(_summary("first_audio_ms", first))
    out.update(_summary("first_heard_ms", heard))
    out.update(_summary("stop_return_ms", stop_return))
    out.update(_summary("stop_silent_ms", stop_silent))
    return out


def _print(r: dict[str, Any]) -> None:
    print(f"speech_out benchmark ({r['answers']} answers, audio: {r.get('audio')})")
    print(
        f"  synthesis per sentence: pyttsx3 {r['synth_pyttsx3_ms_median']:.1f} ms, "
        f"espeak-ng CLI {r['synth_espeak_cli_ms_median']:.1f} ms (median); "
        f"pyttsx3 fallbacks {int(r['synth_pyttsx3_fallbacks'])}"
    )
    if "live_pyttsx3_retries" in r:
        print(
            f"  while speaking: pyttsx3 empty-WAV retries {r['live_pyttsx3_retries']}, "
            f"espeak-ng fallbacks {r['live_pyttsx3_fallbacks']}"
        )
    for key, label in (
        ("first_audio_ms", "text -> first sample to PortAudio"),
        ("first_heard_ms", "text -> first sound at the monitor"),
        ("stop_return_ms", "stop() -> say() returned"),
        ("stop_silent_ms", "stop() -> last sound at the monitor"),
    ):
        if f"{key}_median" in r:
            print(
                f"  {label}: median {r[f'{key}_median']:.0f} ms, "
                f"p95 {r[f'{key}_p95']:.0f} ms, max {r[f'{key}_max']:.0f} ms"
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=20)
    parser.add_argument("--stops", type=int, default=5)
    args = parser.parse_args()
    run_speech_out_benchmark(args.answers, args.stops)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
