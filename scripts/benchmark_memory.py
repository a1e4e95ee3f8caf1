#!/usr/bin/env python3
"""Peak memory of `voice listen` with the default settings, through the virtual microphone.

A Raspberry Pi 4 may have 1 or 2 GB, so what the whole hands-free assistant
holds at its peak matters, not one engine alone. This starts
``voice listen --json --no-cues`` with the default settings (Whisper, the
wake phrase "okay nabu" confirmed by Whisper, barge-in with the "stop" model
and Whisper's quick look), as a separate process listening on a private
virtual microphone (voice/audio/virtual_mic.py), and prints that process's
VmHWM (peak resident memory, from /proc/PID/status):

- once it is listening (everything loaded);
- after a real person's "okay nabu" and a spoken question whose long answer
  is read aloud (the microphone open for "stop" over it), and a "stop" said
  a few seconds into it.

    .venv/bin/python scripts/benchmark_memory.py [--runs N] [--repo PATH]

``--repo`` runs another checkout's code (e.g. an older commit unpacked with
``git archive``) with this one's Python and models, to compare.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO)]

from voice.audio.clip import RECOGNIZER_RATE, read_wav  # noqa: E402

WAKE = REPO / "tests" / "data" / "real" / "wake" / "okay_nabu_wyoming_1.wav"
#: The longest answer (about 30 s read aloud): the microphone stays open for "stop".
QUESTION = "what are the coping strategies for individuals and caregivers"


def memory(pid: int) -> dict[str, float]:
    """VmHWM and VmRSS of ``pid``, in MB."""
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            found[key] = int(value.split()[0]) / 1024.0
    return found


def _espeak(text: str, out: Path, voice: str = "en-us") -> np.ndarray:
    subprocess.run(["espeak-ng", "-v", voice, "-w", str(out), text], check=True, timeout=60)
    return np.asarray(read_wav(out).resampled(RECOGNIZER_RATE).samples).reshape(-1)


def _write(path: Path, pcm: np.ndarray) -> Path:
    import wave

    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RECOGNIZER_RATE)
        w.writeframes(np.asarray(pcm, dtype="<i2").tobytes())
    return path


def _lines(stream: Any) -> queue.Queue[str]:
    q: queue.Queue[str] = queue.Queue()

    def run() -> None:
        for line in stream:
            q.put(line.rstrip("\n"))

    threading.Thread(target=run, daemon=True).start()
    return q


def _until(lines: queue.Queue[str], wanted: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if wanted in lines.get(timeout=0.5):
                return True
        except queue.Empty:
            continue
    return False


def one_run(mic: Any, repo: Path, work: Path) -> dict[str, Any]:
    real = np.asarray(read_wav(WAKE).resampled(RECOGNIZER_RATE).samples).reshape(-1)
    question = _espeak(QUESTION, work / "question.wav")
    woken = _write(work / "woken.wav", np.concatenate(
        [real, np.zeros(RECOGNIZER_RATE // 4, np.int16), question]))
    stop = work / "stop.wav"
    _espeak("stop", stop, "en+f3")
    env = dict(mic.env, XDG_STATE_HOME=str(work / "state"), XDG_CONFIG_HOME=str(work / "config"),
               XDG_CACHE_HOME=str(work / "cache"),
               VOICE_MODELS_DIR=os.environ.get("VOICE_MODELS_DIR", str(REPO / "models")))
    env.pop("VOICE_CONFIG", None)
    proc = subprocess.Popen([sys.executable, "-m", "voice", "listen", "--json", "--no-cues"],
                            cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None and proc.stderr is not None
    replies, err = _lines(proc.stdout), _lines(proc.stderr)
    result: dict[str, Any] = {}
    try:
        if not _until(err, "Listening...", 180):
            raise RuntimeError("voice listen did not start listening")
        result["ready"] = memory(proc.pid)
        time.sleep(0.5)
        for _ in range(3):  # misheard: asked again, as a user would
            mic.play(woken)
            try:
                reply = json.loads(replies.get(timeout=60))
            except queue.Empty:
                reply = {}
            if reply.get("outcome") == "answer":
                break
            _until(err, "Listening...", 60)
            time.sleep(0.5)
        result["answered"] = reply.get("outcome") == "answer"
        time.sleep(4.0)  # a few seconds into the answer
        mic.play(stop)
        result["stopped"] = _until(err, "(stopped", 20)
        _until(err, "Listening...", 60)
        result["after"] = memory(proc.pid)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--repo", type=Path, default=REPO,
                    help="the checkout whose code runs (default: this one)")
    args = ap.parse_args(argv)
    from voice.audio.virtual_mic import running_virtual_mic

    print(f"voice listen (default settings) from {args.repo}; load average "
          f"{os.getloadavg()[0]:.1f}", flush=True)
    with running_virtual_mic() as mic:
        for run in range(args.runs):
            with tempfile.TemporaryDirectory() as tmp:
                r = one_run(mic, args.repo.resolve(), Path(tmp))
            ready, after = r["ready"], r.get("after", {})
            print(f"run {run + 1}: VmHWM listening {ready['VmHWM']:.0f} MB "
                  f"(VmRSS {ready['VmRSS']:.0f}); after a woken question answered aloud"
                  f"{'' if r.get('answered') else ' (NOT answered)'} and "
                  f"{'stopped' if r.get('stopped') else 'NOT stopped'} by 'stop': "
                  f"VmHWM {after.get('VmHWM', float('nan')):.0f} MB "
                  f"(VmRSS {after.get('VmRSS', float('nan')):.0f})", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
