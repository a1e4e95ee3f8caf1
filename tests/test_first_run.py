"""The first run of a fresh install speaks.

PulseAudio is installed but nothing starts it outside a desktop session, so
the first `.venv/bin/voice` found no speaker and never spoke. Here it runs as
a new user would, at a terminal, on a machine with no sound server running:
it must start one for itself (this machine has no sound hardware, so that is
PulseAudio's null sink) and its greeting must be heard in that sink.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from tests.pty_session import PtySession
from voice.audio.sound_server import NO_HARDWARE_SINK, ensure_sound_server
from voice.audio.virtual_mic import stop_server
from voice.speech_out.factory import NO_SPEAKER

REPO = Path(__file__).resolve().parent.parent
VOICE = Path(sys.executable).parent / "voice"  # the installed command, as in the README
RATE = 16000

pytestmark = pytest.mark.audio


@pytest.fixture
def fresh_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A new user's environment: no sound server running, nothing learned or set."""
    runtime = tmp_path / "run"
    runtime.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PULSE_SERVER", "VOICE_CONFIG")}
    env.update(XDG_RUNTIME_DIR=str(runtime), HOME=str(tmp_path / "home"),
               XDG_CONFIG_HOME=str(tmp_path / "cfg"), XDG_STATE_HOME=str(tmp_path / "state"))
    yield env
    stop_server(env)
    assert not (runtime / "pulse" / "pid").exists(), "a sound server was left running"


def speech_seconds(raw: bytes) -> float:
    """Seconds of speech (webrtcvad, 30 ms frames) in 16 kHz mono s16le audio."""
    import webrtcvad

    vad = webrtcvad.Vad(2)
    pcm = np.frombuffer(raw[: len(raw) - len(raw) % 2], dtype="<i2")
    n = RATE * 30 // 1000
    frames = [pcm[i : i + n] for i in range(0, len(pcm) - n + 1, n)]
    loud = [f for f in frames if np.abs(f).max() > 300]
    return 0.03 * sum(vad.is_speech(f.tobytes(), RATE) for f in loud)


def test_a_fresh_first_run_starts_a_sound_server_and_speaks(
        fresh_env: dict[str, str], tmp_path: Path) -> None:
    played = tmp_path / "played.raw"
    socket = Path(fresh_env["XDG_RUNTIME_DIR"]) / "pulse" / "native"
    assert not socket.exists()
    run = PtySession([str(VOICE)], fresh_env, REPO)
    recorder: subprocess.Popen[bytes] | None = None
    try:
        deadline = time.monotonic() + 60
        while not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        assert socket.exists(), f"no sound server was started; printed:\n{run.text}"
        # Record what it plays, from the sink's monitor, as a microphone by a
        # loudspeaker would hear it.
        # Into a file, not a pipe: an unread pipe holds only 2 s of audio.
        recorder = subprocess.Popen(
            ["parec", "-d", f"{NO_HARDWARE_SINK}.monitor", "--raw", f"--rate={RATE}",
             "--channels=1", "--format=s16le", "--latency-msec=20"],
            env=fresh_env, stdout=played.open("wb"), stderr=subprocess.DEVNULL,
        )
        # No sound hardware here, so no microphone: typing, and it says so aloud.
        run.wait_for("I can't find a microphone", 60)
        run.wait_for("Type a question", 20)
        time.sleep(5)  # the spoken line takes about 4 s
        run.type("quit\n")
        assert run.wait_exit(20) == 0
    finally:
        if recorder is not None:
            recorder.terminate()
            recorder.wait(timeout=15)
        run.close()
    heard = speech_seconds(played.read_bytes())
    assert heard > 1.5, f"only {heard:.2f} s of speech reached the speaker"
    assert NO_SPEAKER not in run.text and "Traceback" not in run.text


def test_no_second_server_when_one_answers(virtual_mic: Any) -> None:
    """The tests' private server is reachable: it is used, nothing is started."""
    assert ensure_sound_server().state == "running"


def test_a_named_server_that_is_down_is_not_replaced(
        fresh_env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PULSE_SERVER names a server that does not answer: starting our own in
    its place would not be where the user looks, so it says what to do."""
    monkeypatch.setenv("XDG_RUNTIME_DIR", fresh_env["XDG_RUNTIME_DIR"])
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path}/nobody/native")
    found = ensure_sound_server()
    assert found.state == "none"
    assert found.advice == (f"To hear them, start the sound server PULSE_SERVER names "
                            f"(unix:{tmp_path}/nobody/native), or unset PULSE_SERVER.")
    assert not (Path(fresh_env["XDG_RUNTIME_DIR"]) / "pulse" / "pid").exists()


def test_without_pulseaudio_one_line_says_what_to_do(
        fresh_env: dict[str, str], tmp_path: Path) -> None:
    """No PulseAudio and no sound card: one line, once, with the command to run."""
    if Path("/dev/snd").exists():
        pytest.skip("this machine has sound hardware, played through ALSA directly")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for folder in ("/usr/local/bin", "/usr/bin", "/bin"):
        for tool in Path(folder).iterdir() if Path(folder).is_dir() else []:
            target = bin_dir / tool.name
            if tool.name != "pulseaudio" and not target.exists():
                target.symlink_to(tool)
    assert shutil.which("pulseaudio", path=str(bin_dir)) is None
    env = dict(fresh_env, PATH=str(bin_dir))
    run = PtySession([str(VOICE)], env, REPO)
    try:
        run.wait_for("Type a question", 60)
        run.type("quit\n")
        assert run.wait_exit(20) == 0
    finally:
        run.close()
    lines = [ln for ln in run.text.splitlines() if NO_SPEAKER in ln]
    assert lines == [f"{NO_SPEAKER} To hear them, install the sound server: "
                     "sudo apt-get install pulseaudio pulseaudio-utils."]
