"""`voice listen` stops an answer when the user says "stop" over it.

Everything real, through the virtual microphone: the answers are spoken by
pyttsx3/espeak-ng into the null sink whose monitor is the microphone (so the
microphone hears the assistant exactly, the hardest echo there is), another
espeak-ng voice says "stop", the echo canceller is libspeexdsp and the word
is heard by the microWakeWord "stop" model (or, without it, Whisper).
Timings are not asserted here (they are measured by
scripts/benchmark_barge_in.py); only that the answer was stopped, by what,
and that an answer nobody interrupts is read to its end, even one that says
"stop" itself.
"""

from __future__ import annotations

import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from voice.models.manifest import WHISPER_MODEL
from voice.speech_in.wake.stop_word import STOP_MODEL

try:
    from tests.test_listen import REPO, spoken, start_listen
except ImportError:
    from test_listen import REPO, spoken, start_listen  # type: ignore

STOPPED = "(stopped: I heard 'stop')"
#: Any order that stopped the answer ("stop", the wake phrase, an emergency).
ANY_STOP = "(stopped: I heard"
#: A short answer that says "stop" three times itself (about 9 s read): read to its end...
STOP_FAQ = """# FAQ

## How do I make you stop talking?

Say stop while I am reading, and I stop at once. If you do not say stop, I read
the answer to its end. The button stops me too.
"""
SHORT_Q = "how do I make you stop talking"
SHORT_TITLE = "How do I make you stop talking?"
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


def _stop_wav(tmp_path: Path) -> Path:
    stop = tmp_path / "stop.wav"
    subprocess.run(["espeak-ng", "-v", "en+f3", "-w", str(stop), "stop"], check=True, timeout=30)
    return stop


def ask_the_long_answer(virtual_mic: Any, replies: queue.Queue[str], err: queue.Queue[str],
                        seen: list[str]) -> None:
    """Ask for the long answer until it is being read (up to three times)."""
    long_q = spoken(LONG_Q, "barge-long.wav")
    for _ in range(3):  # not what this tests: misheard, the user asks again
        time.sleep(0.5)
        virtual_mic.play(long_q)
        answer = json.loads(replies.get(timeout=60))
        if (answer.get("match") or {}).get("title") == LONG_TITLE:
            break
        assert _until(err, "Listening...", seen, 60), seen
    assert (answer.get("match") or {}).get("title") == LONG_TITLE, answer


def drain(replies: queue.Queue[str]) -> None:
    """Forget the replies printed so far (the reply to the order that stopped
    the answer), once its reading has had time to begin."""
    time.sleep(2.0)
    while not replies.empty():
        replies.get_nowait()


def _stop_the_long_answer(virtual_mic: Any, proc: subprocess.Popen[str], stop: Path,
                          replies: queue.Queue[str], err: queue.Queue[str],
                          seen: list[str], tries: int = 1) -> str:
    """Ask for the long answer, say "stop" a few seconds in (``tries`` times,
    8 s apart, as a user would say it again): the stderr line that says it
    was stopped."""
    for _round in range(2):
        ask_the_long_answer(virtual_mic, replies, err, seen)
        time.sleep(4.0)  # a few seconds into the 30 s answer
        for _ in range(tries - 1):
            virtual_mic.play(stop)
            if _until(err, ANY_STOP, seen, 8):
                break
        else:
            virtual_mic.play(stop)
            assert _until(err, ANY_STOP, seen, 20), seen
        line = seen[-1]
        assert _until(err, "Listening...", seen, 60), seen
        if line.startswith(STOPPED):
            break
        # "stop" heard as another order, the answer stopped for it: Whisper
        # heard it as words of an emergency once in the clean-clone CI of
        # 2026-12-05 (the advice then read). Not what this tests: the long
        # answer is asked for again and "stop" said over it again, once.
        drain(replies)
    assert line.startswith(STOPPED), seen
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=15)
    return line


def test_saying_stop_stops_a_long_answer_and_nothing_else_does(
    virtual_mic: Any, tmp_path: Path
) -> None:
    assert (REPO / "models" / WHISPER_MODEL).is_dir(), "run scripts/install.sh"
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "stop.md").write_text(STOP_FAQ)
    short_q = spoken(SHORT_Q, "barge-short-stop.wav")
    stop = _stop_wav(tmp_path)
    # Spoken answers (no --no-speak): the microphone hears every word of them.
    proc = start_listen(virtual_mic, "--json", "--recognizer", "whisper", "--no-wake",
                        "--no-cues", "--silence-timeout", "1.0",
                        "--content", str(REPO / "content"), "--content", str(extra),
                        tmp_path=tmp_path)
    assert proc.stdout is not None and proc.stderr is not None
    replies, err = _pump(proc.stdout), _pump(proc.stderr)
    seen: list[str] = []
    try:
        assert _until(err, "Listening...", seen, 120), seen
        time.sleep(0.5)
        virtual_mic.play(short_q)
        first = json.loads(replies.get(timeout=60))
        assert first["match"]["title"] == SHORT_TITLE, first["transcript"]
        assert re.findall(r"\bstop\b", first["answer"].lower()) == ["stop"] * 3
        # Read to its end, then listening again; never stopped by its own voice,
        # though it said "stop" three times.
        assert _until(err, "Listening...", seen, 120), seen
        assert not any("stopped" in line for line in seen), seen
        # A user whom it did not hear says it again: how often the first
        # "stop" is caught, and how fast, is the barge-in benchmark's to
        # measure (on a loaded CI machine one in ~20 runs missed the first).
        stopped = _stop_the_long_answer(virtual_mic, proc, stop, replies, err, seen, tries=2)
    finally:
        proc.kill()
    # Whichever heard it first (both listen; the stop-word model alone: below).
    assert stopped.startswith(STOPPED), stopped
    assert not any("Traceback" in line for line in seen), seen


def test_the_stop_word_model_alone_stops_an_answer(virtual_mic: Any, tmp_path: Path) -> None:
    # A models folder with the "stop" model and no Whisper: nothing else can
    # hear "stop" over the answer (the question is heard by PocketSphinx).
    models = tmp_path / "models"
    models.mkdir()
    os.symlink(REPO / "models" / STOP_MODEL, models / STOP_MODEL)
    stop = _stop_wav(tmp_path)
    proc = _listen(virtual_mic, tmp_path, models, "--json", "--recognizer", "pocketsphinx",
                   "--no-adaptation", "--silence-timeout", "1.0")
    assert proc.stdout is not None and proc.stderr is not None
    replies, err = _pump(proc.stdout), _pump(proc.stderr)
    seen: list[str] = []
    try:
        assert _until(err, "Listening...", seen, 120), seen
        # The first answer of the session: the canceller is still learning the
        # echo in its first seconds, so a user may have to say it twice.
        stopped = _stop_the_long_answer(virtual_mic, proc, stop, replies, err, seen, tries=2)
    finally:
        proc.kill()
    assert stopped.endswith("by the stop-word model"), stopped
    assert any("heard by the stop-word model only" in line for line in seen), seen
    assert not any("Saying 'stop' will not" in line for line in seen), seen  # nothing said
    assert not any("Traceback" in line for line in seen), seen


def _listen(virtual_mic: Any, tmp_path: Path, models: Path, *flags: str) -> Any:
    env = dict(virtual_mic.env, XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"),
               VOICE_MODELS_DIR=str(models))
    env.pop("VOICE_CONFIG", None)
    return subprocess.Popen([sys.executable, "-m", "voice", "listen", "--no-wake", "--no-cues",
                             *flags], cwd=REPO, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_a_damaged_stop_model_is_refused_and_whisper_still_hears_stop(
    virtual_mic: Any, tmp_path: Path
) -> None:
    models = tmp_path / "models"
    models.mkdir()
    os.symlink(REPO / "models" / WHISPER_MODEL, models / WHISPER_MODEL)
    shutil.copytree(REPO / "models" / STOP_MODEL, models / STOP_MODEL)
    model = models / STOP_MODEL / "stop.tflite"
    data = bytearray(model.read_bytes())
    data[1000] ^= 0x01  # one byte changed, same size
    model.write_bytes(bytes(data))
    stop = _stop_wav(tmp_path)
    proc = _listen(virtual_mic, tmp_path, models, "--json", "--recognizer", "whisper",
                   "--silence-timeout", "1.0")
    assert proc.stdout is not None and proc.stderr is not None
    replies, err = _pump(proc.stdout), _pump(proc.stderr)
    seen: list[str] = []
    try:
        assert _until(err, "Listening...", seen, 120), seen
        # Whisper's rate on it is measured by the benchmark, not here: a user
        # whom it did not hear says it again.
        stopped = _stop_the_long_answer(virtual_mic, proc, stop, replies, err, seen, tries=2)
    finally:
        proc.kill()
    refused = [line for line in seen if "'stop' word model" in line]
    assert len(refused) == 1 and "damaged" in refused[0] and "stop.tflite" in refused[0], seen
    assert not stopped.endswith("by the stop-word model"), stopped  # Whisper heard it
    assert not any("Traceback" in line for line in seen), seen


def _voiced_seconds(pcm: np.ndarray) -> float:
    blocks = pcm[: len(pcm) // 320 * 320].reshape(-1, 320).astype(np.float64)
    return float(np.sum(np.sqrt(np.mean(blocks**2, axis=1)) > 300)) * 0.02


def test_barge_in_that_cannot_work_is_said_aloud(virtual_mic: Any, tmp_path: Path) -> None:
    from voice.cli.commands.listen import NO_BARGE_IN

    empty = tmp_path / "models"  # neither Whisper nor the "stop" model
    empty.mkdir()
    # What the speaker plays (the monitor of the sink it plays into). Into a
    # file, not a pipe: an unread pipe fills after 2 s of audio (64 KiB) and
    # parec then stalls, so a slow start lost the line (CI, stop 20).
    played = tmp_path / "played.raw"
    sink = played.open("wb")
    record = subprocess.Popen(["parec", "--raw", "--rate=16000", "--channels=1",
                               "--format=s16le", "-d", "vmic.monitor"],
                              env=virtual_mic.env, stdout=sink)
    proc = _listen(virtual_mic, tmp_path, empty, "--recognizer", "pocketsphinx",
                   "--no-adaptation")
    assert proc.stderr is not None
    err = _pump(proc.stderr)
    seen: list[str] = []
    try:
        assert _until(err, "Listening...", seen, 120), seen
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=15)
        proc.kill()
        record.terminate()
        record.wait(timeout=15)
        sink.close()
    pcm = np.frombuffer(played.read_bytes(), dtype=np.int16)
    said = [line for line in seen if line.startswith(NO_BARGE_IN.split(":")[0])]
    assert len(said) == 1 and "scripts/install.sh" in said[0], seen
    # Spoken before the microphone opened: about as long as the line read at 150 wpm.
    expected = len(said[0].split()) / 150 * 60
    assert 0.5 * expected < _voiced_seconds(pcm) < 1.6 * expected, (_voiced_seconds(pcm), said)
