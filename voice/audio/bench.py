"""Figures for the audio-in path: ``python -m voice.audio.bench [--live|--virtual]``.

Prints, never asserts:

* VAD cost: seconds of CPU per second of audio (must stay far below 1 on a Pi);
* with ``--live`` (the default microphone hears the default speaker) or
  ``--virtual`` (a private PulseAudio null sink is started, as in the tests):
  how long after the end of a spoken question :meth:`Microphone.listen`
  returns, beyond ``silence_timeout``, over several runs; and whether a slow
  speaker's 1.2 s pause is bridged.

Needs espeak-ng and sox to make the recordings (and pulseaudio for
``--virtual``).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from voice.audio.clip import read_wav
from voice.audio.vad import EndpointDetector

QUESTION = "is there a cure for neuromuscular disorders"


def _run(cmd: list[str], env: dict[str, str] | None = None) -> None:
    subprocess.run(cmd, check=True, capture_output=True, timeout=60, env=env)


def make_wavs(folder: Path) -> dict[str, Path]:
    """The recordings: a question, and a slow speaker with a 1.2 s pause."""
    q = folder / "q.wav"
    _run(["espeak-ng", "-w", str(q), QUESTION])
    a, b = folder / "a.wav", folder / "b.wav"
    _run(["espeak-ng", "-w", str(a), "is there a cure for"])
    _run(["espeak-ng", "-w", str(b), "neuromuscular disorders"])
    gap = folder / "gap.wav"
    _run(["sox", "-n", "-r", "22050", "-c", "1", "-b", "16", str(gap), "trim", "0", "1.2"])
    slow = folder / "slow.wav"
    _run(["sox", str(a), str(gap), str(b), "-b", "16", str(slow), "tempo", "0.8"])
    return {"question": q, "slow": slow}


def vad_cost(wav: Path, seconds: float = 60.0) -> float:
    """CPU seconds per audio second for the end-point detector."""
    clip = read_wav(wav).resampled()
    rng = np.random.default_rng(0)
    reps = int(seconds / clip.duration) + 1
    noise = rng.normal(0, 200, len(clip.samples) * reps)
    audio = (np.tile(clip.samples, reps) + noise).clip(-32768, 32767).astype(np.int16)
    det = EndpointDetector(silence_timeout=600.0)
    start = time.process_time()
    for i in range(0, len(audio), 480):
        det.feed(audio[i : i + 480])
    return (time.process_time() - start) / (len(audio) / 16000)


@contextmanager
def virtual_microphone() -> Iterator[dict[str, str]]:
    """A private PulseAudio whose null sink's monitor is the default source."""
    from voice.audio.virtual_mic import running_virtual_mic

    with running_virtual_mic() as mic:
        yield mic.env


def live_latency(wav: Path, runs: int, silence_timeout: float) -> list[float]:
    """Seconds from the end of the words to listen() returning, minus the timeout."""
    from voice.audio.capture import Microphone

    quiet_tail = _quiet_tail(wav)

    out = []
    for _ in range(runs):
        mic = Microphone(silence_timeout=silence_timeout, start_timeout=10)
        ready = threading.Event()
        ended: list[float] = []

        def play(ready: threading.Event = ready, ended: list[float] = ended) -> None:
            ready.wait(10)
            time.sleep(0.3)
            subprocess.run(["paplay", str(wav)], check=True, timeout=60)
            ended.append(time.monotonic())

        t = threading.Thread(target=play)
        t.start()
        def on_event(name: str, ready: threading.Event = ready) -> None:
            if name == "listening":
                ready.set()

        utt = mic.listen(on_event=on_event)
        returned = time.monotonic()
        t.join()
        if utt is None or not ended:
            print("  no speech heard in one run")
            continue
        out.append(returned - (ended[0] - quiet_tail) - silence_timeout)
    return out


def _quiet_tail(wav: Path) -> float:
    """Seconds of near-silence at the end of a recording (espeak-ng leaves some)."""
    clip = read_wav(wav).to_mono()
    loud = np.nonzero(np.abs(clip.samples.astype(np.int32)) > 328)[0]
    return (len(clip.samples) - (int(loud[-1]) + 1 if len(loud) else 0)) / clip.rate


def slow_bridged(wav: Path) -> bool:
    """True when a 2 s timeout keeps both halves of the slow question."""
    from voice.audio.capture import Microphone

    ready = threading.Event()

    def play() -> None:
        ready.wait(10)
        time.sleep(0.3)
        subprocess.run(["paplay", str(wav)], check=True, timeout=60)

    def on_event(name: str) -> None:
        if name == "listening":
            ready.set()

    t = threading.Thread(target=play)
    t.start()
    utt = Microphone(silence_timeout=2.0, start_timeout=10).listen(on_event=on_event)
    t.join()
    spoken = read_wav(wav).duration
    return utt is not None and utt.clip.duration > spoken - 0.4


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    how = p.add_mutually_exclusive_group()
    how.add_argument("--live", action="store_true", help="use the default mic and speaker")
    how.add_argument("--virtual", action="store_true",
                     help="start a private PulseAudio null sink and use it")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--silence-timeout", type=float, default=1.0)
    args = p.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="voice-bench-"))
    wavs = make_wavs(folder)
    cost = vad_cost(wavs["question"])
    print(f"VAD: {cost * 1000:.1f} ms CPU per second of audio (RTF {cost:.4f})")
    if args.live or args.virtual:
        with virtual_microphone() if args.virtual else _nothing():
            lat = live_latency(wavs["question"], args.runs, args.silence_timeout)
            if lat:
                print(f"end of the words -> listen() returned, beyond silence_timeout "
                      f"{args.silence_timeout:.1f} s, over {len(lat)} runs: "
                      f"median {statistics.median(lat) * 1000:.0f} ms, "
                      f"max {max(lat) * 1000:.0f} ms")
            print(f"slow speaker, 1.5 s pause, 2.0 s timeout: "
                  f"{'whole question kept' if slow_bridged(wavs['slow']) else 'CUT OFF'}")
    shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _nothing() -> Iterator[None]:
    yield None


if __name__ == "__main__":
    main()
