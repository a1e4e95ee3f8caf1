"""`voice listen` end to end: a spoken question played into the virtual
microphone is recorded, recognised by the real PocketSphinx and answered."""

from __future__ import annotations

import importlib.util
import json
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from voice.cli.main import build_parser
from voice.cli.options import config_from_args

try:
    from tests.test_audio_wavs import question, wav_dir
except ImportError:
    from test_audio_wavs import question, wav_dir  # type: ignore[no-redef]

REPO = Path(__file__).resolve().parent.parent
TITLE = "Is there a cure for neuromuscular disorders?"

needs_recognizer = pytest.mark.skipif(
    importlib.util.find_spec("voice.speech_in.select") is None,
    reason="voice.speech_in.select (the recognizer loader) is not in the tree yet",
)


def start_listen(virtual_mic: Any, *flags: str, tmp_path: Path,
                 base_env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    env = dict(base_env if base_env is not None else virtual_mic.env,
               XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    return subprocess.Popen(
        [sys.executable, "-m", "voice", "listen", *flags],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def wait_for_ready(proc: subprocess.Popen[str], timeout: float = 60) -> list[str]:
    """Read stderr until "Listening..."; returns the lines seen."""
    seen = read_until(proc, "Listening...", timeout)
    time.sleep(0.3)  # the null sink's first block (MACHINE-NOTES)
    return seen


def spoken(text: str, name: str) -> Path:
    out = wav_dir() / name
    subprocess.run(["espeak-ng", "-w", str(out), text], check=True, timeout=30)
    return out


def test_flags_reach_the_config() -> None:
    args = build_parser().parse_args([
        "listen", "--once", "--json", "--recognizer", "pocketsphinx", "--model", "/m",
        "--input-device", "usb", "--silence-timeout", "3.5", "--start-timeout", "20",
        "--max-utterance", "45", "--no-cues",
    ])
    cfg = config_from_args(args)
    assert (cfg.recognizer, cfg.model, cfg.input_device) == ("pocketsphinx", "/m", "usb")
    assert (cfg.silence_timeout, cfg.start_timeout, cfg.max_utterance) == (3.5, 20.0, 45.0)
    assert args.once and args.json and args.no_cues


def test_bad_timeout_is_refused_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["listen", "--silence-timeout", "soon"])
    assert "is not a number of seconds" in capsys.readouterr().err


def test_no_microphone_is_one_clear_line(tmp_path: Path) -> None:
    # No sound server at all: PortAudio then lists no devices (MACHINE-NOTES).
    env = {k: v for k, v in __import__("os").environ.items()
           if k not in ("PULSE_SERVER", "XDG_RUNTIME_DIR")}
    env.update(PULSE_SERVER=f"unix:{tmp_path}/nothing-here", XDG_RUNTIME_DIR=str(tmp_path),
               XDG_STATE_HOME=str(tmp_path / "s"), XDG_CONFIG_HOME=str(tmp_path / "c"))
    proc = subprocess.run(
        [sys.executable, "-m", "voice", "listen", "--once", "--json", "--no-speak"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.strip().splitlines()[-1] == (
        "voice: I can't hear a microphone. Please check that it is plugged in.")
    assert "Traceback" not in proc.stderr


@needs_recognizer
def test_once_json_answers_the_spoken_question(virtual_mic: Any, tmp_path: Path) -> None:
    proc = start_listen(virtual_mic, "--once", "--json", "--recognizer", "pocketsphinx",
                        "--no-speak", "--silence-timeout", "1.0", tmp_path=tmp_path)
    try:
        wait_for_ready(proc)
        virtual_mic.play(question(0.2, 0.0))
        out, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["match"]["title"] == TITLE
    assert data["outcome"] == "answer"
    assert "cure" in data["transcript"]
    for key in ("query", "score", "answer", "say", "alternatives"):
        assert key in data


@needs_recognizer
def test_hands_free_loop_answers_and_listens_again(virtual_mic: Any, tmp_path: Path) -> None:
    # --no-wake: every question is answered (the wake phrase: test_wake_listen.py).
    proc = start_listen(virtual_mic, "--json", "--recognizer", "pocketsphinx", "--no-speak",
                        "--no-cues", "--no-wake", "--silence-timeout", "1.0", tmp_path=tmp_path)
    assert proc.stdout is not None
    try:
        wait_for_ready(proc)
        virtual_mic.play(question(0.2, 0.0))
        first = json.loads(proc.stdout.readline())
        assert first["match"]["title"] == TITLE
        assert first["transcript"]
        wait_for_ready(proc)  # listening again for the next question
        # Ending by voice ("quit") depends on the recognizer knowing the exit
        # words; Ctrl-C is the caregiver's way out and must be clean too.
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=15)
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == "voice: stopped."


def read_until(proc: subprocess.Popen[str], wanted: str, timeout: float = 30) -> list[str]:
    assert proc.stderr is not None
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        seen.append(line.rstrip("\n"))
        if wanted in line:
            return seen
    proc.kill()
    pytest.fail(f"never said {wanted!r}; stderr: {seen}")


@needs_recognizer
def test_loop_waits_for_a_missing_microphone_and_says_so(
    virtual_mic: Any, tmp_path: Path
) -> None:
    from voice.audio import devices

    virtual_mic.stop()
    proc = start_listen(virtual_mic, "--recognizer", "pocketsphinx", "--no-speak",
                        "--no-cues", tmp_path=tmp_path)
    try:
        read_until(proc, "I can't hear a microphone. Please check that it is plugged in. "
                         "I will keep trying.")
        virtual_mic.start()
        read_until(proc, "I can hear the microphone now.")
        read_until(proc, "Listening...")
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=15)
    finally:
        proc.kill()
        if virtual_mic.keepalive is None:
            virtual_mic.start()
        devices.reinitialize()  # this process's PortAudio saw the server go
    assert proc.returncode == 130 and "Traceback" not in err
