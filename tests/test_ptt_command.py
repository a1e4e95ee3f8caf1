"""`voice ptt` run for real as a subprocess: keyboard lines on a pipe, the
virtual microphone, PocketSphinx, printed answers; and with gpiozero's mock
pin factory (GPIOZERO_PIN_FACTORY=mock), as on a Pi without the hardware."""

from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

import pytest

REPO = Path(__file__).resolve().parent.parent
QUESTION = "is there a cure for neuromuscular disorders"
ANSWER_PART = "no universal cure exists"

pytestmark = pytest.mark.audio


class Lines:
    """Lines of a subprocess stream, read on a thread so waits can time out."""

    def __init__(self, stream: IO[str]) -> None:
        self.q: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self.q.put(line.rstrip("\n"))

    def wait_for(self, text: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.q.get(timeout=0.1)
            except queue.Empty:
                continue
            self.seen.append(line)
            if text in line:
                return line
        raise AssertionError(f"no line with {text!r} within {timeout} s; got {self.seen}")


def start(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "voice", "ptt", "--no-speak", "--no-cues",
         "--recognizer", "pocketsphinx", *args],
        cwd=REPO, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )


@pytest.fixture
def env(virtual_mic: Any, tmp_path: Path) -> dict[str, str]:
    e = dict(virtual_mic.env)
    e.update(XDG_CONFIG_HOME=str(tmp_path / "cfg"), XDG_STATE_HOME=str(tmp_path / "state"))
    for k in ("VOICE_CONFIG", "GPIOZERO_PIN_FACTORY"):
        e.pop(k, None)
    return e


@pytest.fixture(scope="module")
def question_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wav = tmp_path_factory.mktemp("wav") / "question.wav"
    subprocess.run(["espeak-ng", "-w", str(wav), QUESTION], check=True, timeout=30)
    return wav


def test_keyboard_press_question_answer_quit(
    env: dict[str, str], virtual_mic: Any, question_wav: Path
) -> None:
    proc = start(env, "--silence-timeout", "1")
    assert proc.stdin and proc.stdout and proc.stderr
    err, out = Lines(proc.stderr), Lines(proc.stdout)
    try:
        err.wait_for("Each line is one button press", 60)  # the greeting
        proc.stdin.write("\n")
        proc.stdin.flush()
        err.wait_for("listening...", 10)
        time.sleep(0.3)
        virtual_mic.play(question_wav)
        assert err.wait_for("heard:", 20) == f"heard: {QUESTION}"
        assert ANSWER_PART in out.wait_for(ANSWER_PART, 20)
        proc.stdin.write("quit\n")
        proc.stdin.flush()
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert not any("Traceback" in line for line in err.seen)


def test_no_gpio_here_falls_back_to_the_keyboard(env: dict[str, str]) -> None:
    proc = start(env, "--gpio", "17", "--mode", "hold")
    assert proc.stdin
    err = Lines(proc.stderr)  # type: ignore[arg-type]
    try:
        err.wait_for("No GPIO here: use --gpio only on a Raspberry Pi; using the keyboard "
                     "instead.", 60)
        # Hold mode cannot work on a keyboard; it says so and toggles instead.
        line = err.wait_for("Holding a key does not work on a keyboard", 10)
        assert "Each line is one button press" in line
        proc.stdin.close()  # end of input quits
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_mock_pin_factory_runs_the_real_command(env: dict[str, str]) -> None:
    proc = start(dict(env, GPIOZERO_PIN_FACTORY="mock"), "--gpio", "17", "--led", "27",
                 "--mode", "hold")
    err = Lines(proc.stderr)  # type: ignore[arg-type]
    try:
        err.wait_for("Hold the button while you ask your question", 60)
        time.sleep(0.3)
        assert proc.poll() is None  # waiting for the button, not for stdin
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 130
        err.wait_for("voice: stopped.", 5)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert not any("Traceback" in line for line in err.seen)
