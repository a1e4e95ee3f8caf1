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
from collections.abc import Iterator
from contextlib import contextmanager
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


@contextmanager
def running(env: dict[str, str], *args: str) -> Iterator[subprocess.Popen[str]]:
    """A real `voice ptt`, killed if the test leaves it running."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "voice", "ptt", "--no-speak", "--no-cues",
         "--recognizer", "pocketsphinx", *args],
        cwd=REPO, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def press(proc: subprocess.Popen[str], line: str = "") -> None:
    """One button press on the piped keyboard ("quit" quits)."""
    assert proc.stdin
    proc.stdin.write(line + "\n")
    proc.stdin.flush()


@pytest.fixture
def env(virtual_mic: Any, tmp_path: Path) -> dict[str, str]:
    e = dict(virtual_mic.env)
    e.update(XDG_CONFIG_HOME=str(tmp_path / "cfg"), XDG_STATE_HOME=str(tmp_path / "state"))
    for k in ("VOICE_CONFIG", "GPIOZERO_PIN_FACTORY"):
        e.pop(k, None)
    return e


def spoken_wav(tmp_path_factory: pytest.TempPathFactory, text: str) -> Path:
    wav = tmp_path_factory.mktemp("wav") / "spoken.wav"
    subprocess.run(["espeak-ng", "-w", str(wav), text], check=True, timeout=30)
    return wav


@pytest.fixture(scope="module")
def question_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return spoken_wav(tmp_path_factory, QUESTION)


def test_keyboard_press_question_answer_quit(
    env: dict[str, str], virtual_mic: Any, question_wav: Path
) -> None:
    with running(env, "--silence-timeout", "1") as proc:
        assert proc.stdout and proc.stderr
        err, out = Lines(proc.stderr), Lines(proc.stdout)
        err.wait_for("Each line is one button press", 60)  # the greeting
        press(proc)
        err.wait_for("listening...", 10)
        time.sleep(0.3)
        virtual_mic.play(question_wav)
        assert err.wait_for("heard:", 20) == f"heard: {QUESTION}"
        assert ANSWER_PART in out.wait_for(ANSWER_PART, 20)
        press(proc, "quit")
        assert proc.wait(timeout=20) == 0
    assert not any("Traceback" in line for line in err.seen)


def test_no_gpio_here_falls_back_to_the_keyboard(env: dict[str, str]) -> None:
    with running(env, "--gpio", "17", "--mode", "hold") as proc:
        assert proc.stdin
        err = Lines(proc.stderr)  # type: ignore[arg-type]
        err.wait_for("No GPIO here: use --gpio only on a Raspberry Pi; using the keyboard "
                     "instead.", 60)
        # Hold mode cannot work on a keyboard; it says so and toggles instead.
        line = err.wait_for("Holding a key does not work on a keyboard", 10)
        assert "Each line is one button press" in line
        proc.stdin.close()  # end of input quits
        assert proc.wait(timeout=20) == 0


def test_mock_pin_factory_runs_the_real_command(env: dict[str, str]) -> None:
    with running(dict(env, GPIOZERO_PIN_FACTORY="mock"), "--gpio", "17", "--led", "27",
                 "--mode", "hold") as proc:
        err = Lines(proc.stderr)  # type: ignore[arg-type]
        err.wait_for("Hold the button while you ask your question", 60)
        time.sleep(0.3)
        assert proc.poll() is None  # waiting for the button, not for stdin
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 130
        err.wait_for("voice: stopped.", 5)
    assert not any("Traceback" in line for line in err.seen)


# --- the shared microphone options -----------------------------------------

#: Longer than any --max-utterance below: about 8 s of speech.
LONG_QUESTION = ("what should i eat when my muscles are tired and my legs have spasms "
                 "every night before i go to sleep and again in the morning")


def test_microphone_flags_reach_the_microphone() -> None:
    from voice.audio.capture import Microphone
    from voice.cli.main import build_parser
    from voice.cli.options import config_from_args

    parser = build_parser()
    args = parser.parse_args([
        "ptt", "--input-device", "usb", "--silence-timeout", "3.5", "--start-timeout", "20",
        "--max-utterance", "45", "--no-cues",
    ])
    cfg = config_from_args(args)
    mic = Microphone.from_config(cfg)  # what ptt records with
    assert (mic.device, mic.silence_timeout, mic.start_timeout, mic.max_utterance) == (
        "usb", 3.5, 20.0, 45.0)
    assert args.no_cues
    assert cfg.sources["max_utterance"] == cfg.sources["start_timeout"] == "command line"
    # Without the flags: the settings' defaults, as before.
    plain = Microphone.from_config(config_from_args(parser.parse_args(["ptt"])))
    assert (plain.silence_timeout, plain.start_timeout, plain.max_utterance) == (2.0, 15.0, 30.0)
    for bad in (["--start-timeout", "0"], ["--max-utterance", "soon"]):
        with pytest.raises(SystemExit):
            parser.parse_args(["ptt", *bad])


@pytest.fixture(scope="module")
def long_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return spoken_wav(tmp_path_factory, LONG_QUESTION)


def test_start_timeout_and_max_utterance_end_the_recording(
    env: dict[str, str], virtual_mic: Any, long_wav: Path
) -> None:
    """Both limits through the virtual microphone: nobody speaks after a press
    (start timeout), then a question far longer than --max-utterance."""
    from voice.devices.session import NOTHING_HEARD

    player: subprocess.Popen[bytes] | None = None
    with running(env, "--start-timeout", "3", "--max-utterance", "2",
                 "--silence-timeout", "1.5") as proc:
        assert proc.stderr
        err = Lines(proc.stderr)
        try:
            err.wait_for("Each line is one button press", 60)
            press(proc)
            err.wait_for("listening...", 10)
            opened = time.monotonic()
            err.wait_for(NOTHING_HEARD, 10)
            # 3 s, not the default 15.
            assert 2.5 < time.monotonic() - opened < 6

            press(proc)
            err.wait_for("listening...", 10)
            # A pause before speaking: the limit counts from the start of speech.
            time.sleep(1.5)
            player = virtual_mic.play(long_wav, wait=False)
            played = time.monotonic()
            heard = err.wait_for("heard:", 20)
            assert time.monotonic() - played < 5.5  # cut off, not the ~8 s to its end
            assert 1 <= len(heard.split()) - 1 < len(LONG_QUESTION.split()) / 2, heard
            err.wait_for("That was a long question, so I stopped listening after 2 seconds.",
                         10)
            press(proc, "quit")
            assert proc.wait(timeout=30) == 0
        finally:
            if player is not None:
                player.wait(timeout=30)  # its tail must not reach the next test's microphone
    assert not any("Traceback" in line for line in err.seen)
