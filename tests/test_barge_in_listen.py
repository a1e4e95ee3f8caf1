"""`voice listen` stops an answer when the user says "stop" over it.

Everything real, through the virtual microphone: the answers are spoken by
pyttsx3/espeak-ng into the null sink whose monitor is the microphone (so the
microphone hears the assistant exactly, the hardest echo there is), another
espeak-ng voice says "stop", the echo canceller is libspeexdsp and the word
is heard by Whisper. Timings are not asserted here (they are measured by
scripts/benchmark_barge_in.py); only that the answer was stopped, and that
an answer nobody interrupts is read to its end.
"""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

from voice.models.manifest import WHISPER_MODEL

try:
    from tests.test_listen import REPO, spoken, start_listen
except ImportError:
    from test_listen import REPO, spoken, start_listen  # type: ignore

STOPPED = "(stopped: I heard 'stop')"
#: A short answer (about 9 s read) that must be read to its end...
SHORT_Q = "how do assistive devices improve mobility"
SHORT_TITLE = "How do assistive devices improve mobility?"
#: ...and the longest one (about 30 s), stopped a few seconds in.
LONG_Q = "what are the coping strategies for individuals and caregivers"
LONG_TITLE = "Coping Strategies for Individuals and Caregivers"


def _pump(stream: Any) -> queue.Queue[str]:
    q: queue.Queue[str] = queue.Queue()

    def run() -> None:
        for line in stream:
            q.put(line.rstrip("\n"))

    threading.Thread(target=run, daemon=True).start()
    return q


def _until(lines: queue.Queue[str], wanted: str, seen: list[str], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        seen.append(line)
        if wanted in line:
            return True
    return False


def test_saying_stop_stops_a_long_answer_and_nothing_else_does(
    virtual_mic: Any, tmp_path: Path
) -> None:
    assert (REPO / "models" / WHISPER_MODEL).is_dir(), "run scripts/install.sh"
    short_q = spoken(SHORT_Q, "barge-short.wav")
    long_q = spoken(LONG_Q, "barge-long.wav")
    stop = tmp_path / "stop.wav"
    subprocess.run(["espeak-ng", "-v", "en+f3", "-w", str(stop), "stop"], check=True, timeout=30)
    # Spoken answers (no --no-speak): the microphone hears every word of them.
    proc = start_listen(virtual_mic, "--json", "--recognizer", "whisper", "--no-wake",
                        "--no-cues", "--silence-timeout", "1.0", tmp_path=tmp_path)
    assert proc.stdout is not None and proc.stderr is not None
    replies, err = _pump(proc.stdout), _pump(proc.stderr)
    seen: list[str] = []
    try:
        assert _until(err, "Listening...", seen, 120), seen
        time.sleep(0.5)
        virtual_mic.play(short_q)
        first = json.loads(replies.get(timeout=60))
        assert first["match"]["title"] == SHORT_TITLE, first["transcript"]
        # Read to its end, then listening again; never stopped by its own voice.
        assert _until(err, "Listening...", seen, 120), seen
        assert not any("stopped" in line for line in seen), seen
        time.sleep(0.5)
        virtual_mic.play(long_q)
        second = json.loads(replies.get(timeout=60))
        assert second["match"]["title"] == LONG_TITLE, second["transcript"]
        time.sleep(4.0)  # a few seconds into the 30 s answer
        virtual_mic.play(stop)
        assert _until(err, STOPPED, seen, 25), seen
        assert _until(err, "Listening...", seen, 30), seen
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=15)
    finally:
        proc.kill()
    assert not any("Traceback" in line for line in seen), seen
