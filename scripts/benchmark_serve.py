"""Benchmark `voice serve`: how long a Wyoming client waits for its answer.

Run: ``.venv/bin/python scripts/benchmark_serve.py [--clients 20] [--rounds 5]``

Starts the real service on a loopback port (real content, the recognizer
``load_recognizer`` picks) and uses wyoming's own client:

* ``handle_ms``: connect, send a Transcript, read the reply (as Home
  Assistant does for every turn), ``--clients`` at once, ``--rounds`` times;
* ``asr_ms``: from AudioStop to the Transcript, for espeak-ng questions at
  22,050 Hz sent as Home Assistant sends audio (chunks of 1,024 samples),
  one client, then ``--clients`` at once (decoded one at a time).
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from wyoming.asr import Transcribe, Transcript  # noqa: E402
from wyoming.audio import AudioChunk, AudioStart, AudioStop  # noqa: E402
from wyoming.client import AsyncTcpClient  # noqa: E402

from voice.audio.clip import AudioClip, read_wav  # noqa: E402
from voice.config import Config  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.services.wyoming.binding import parse_uri  # noqa: E402
from voice.services.wyoming.server import WyomingService  # noqa: E402
from voice.speech_in.select import load_recognizer  # noqa: E402

QUESTIONS = ["can these disorders be cured", "what should I eat", "what is the weather tomorrow",
             "I can't breathe", "what is multiple sclerosis", "list topics"]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _handle(port: int, text: str) -> float:
    start = time.perf_counter()
    async with AsyncTcpClient("127.0.0.1", port, read_timeout=60) as c:
        await c.write_event(Transcript(text=text).event())
        assert await c.read_event() is not None
    return (time.perf_counter() - start) * 1000


async def _asr(port: int, clip: AudioClip) -> float:
    pcm = clip.pcm_bytes()
    fmt = {"rate": clip.rate, "width": 2, "channels": 1}
    async with AsyncTcpClient("127.0.0.1", port, read_timeout=120) as c:
        await c.write_event(Transcribe().event())
        await c.write_event(AudioStart(**fmt).event())
        for i in range(0, len(pcm), 2048):
            await c.write_event(AudioChunk(audio=pcm[i:i + 2048], **fmt).event())
        start = time.perf_counter()
        await c.write_event(AudioStop().event())
        assert await c.read_event() is not None
    return (time.perf_counter() - start) * 1000


def _summary(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
    return f"median {statistics.median(values):.0f} ms, p95 {p95:.0f} ms, n={len(values)}"


async def _run(service: WyomingService, clips: list[AudioClip], clients: int,
               rounds: int) -> None:
    port = _port()
    await service.start(parse_uri(f"tcp://127.0.0.1:{port}"))
    try:
        one = [await _handle(port, q) for q in QUESTIONS for _ in range(rounds)]
        print(f"handle_ms, one client: {_summary(one)}")
        many: list[float] = []
        for _ in range(rounds):
            many += await asyncio.gather(*(_handle(port, QUESTIONS[i % len(QUESTIONS)])
                                           for i in range(clients)))
        print(f"handle_ms, {clients} clients at once: {_summary(many)}")
        seconds = statistics.mean(c.duration for c in clips)
        alone = [await _asr(port, c) for c in clips]
        print(f"asr_ms, one client ({seconds:.1f} s questions): {_summary(alone)}")
        crowd = await asyncio.gather(*(_asr(port, clips[i % len(clips)])
                                       for i in range(clients)))
        print(f"asr_ms, {clients} clients at once: {_summary(list(crowd))}")
    finally:
        await service.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    content = REPO / "content"
    kb = load_knowledge([content])
    recognizer = load_recognizer(Config(content_dirs=(str(content),)), announce=print, kb=kb)
    with tempfile.TemporaryDirectory() as tmp:
        clips = []
        for i, q in enumerate(QUESTIONS):
            wav = Path(tmp) / f"{i}.wav"
            subprocess.run(["espeak-ng", "-w", str(wav), q], check=True, timeout=30)
            clips.append(read_wav(wav))
    service = WyomingService(kb, Matcher(kb), recognizer)
    asyncio.run(_run(service, clips, args.clients, args.rounds))


if __name__ == "__main__":
    main()
