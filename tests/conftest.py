"""Shared fixtures: real content, and a real virtual microphone.

The virtual microphone is PulseAudio with a null sink whose monitor is the
default source (see MACHINE-NOTES): whatever is played into the sink is what
sounddevice records, exactly as from a microphone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
DATA = Path(__file__).resolve().parent / "data"


@dataclass
class VirtualMic:
    """A running PulseAudio daemon with a null sink named ``vmic``."""

    runtime_dir: Path
    env: dict[str, str]
    keepalive: subprocess.Popen[bytes] | None = None

    @property
    def pid_file(self) -> Path:
        return self.runtime_dir / "pulse" / "pid"

    def start(self) -> None:
        subprocess.run(
            [
                "pulseaudio", "-n", "--daemonize=yes", "--exit-idle-time=-1",
                "-L", "module-null-sink sink_name=vmic",
                "-L", "module-native-protocol-unix",
            ],
            env=self.env, check=True, capture_output=True, timeout=20,
        )
        for cmd in (["pactl", "set-default-sink", "vmic"],
                    ["pactl", "set-default-source", "vmic.monitor"]):
            subprocess.run(cmd, env=self.env, check=True, capture_output=True, timeout=10)
        # Without a steady client the null sink runs in 2 s blocks (MACHINE-NOTES).
        self.keepalive = subprocess.Popen(
            ["pacat", "-p", "--raw", "--rate=16000", "--channels=1", "--format=s16le",
             "--latency-msec=20", "/dev/zero"],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        time.sleep(2.5)

    def stop(self) -> None:
        if self.keepalive:
            self.keepalive.kill()
            self.keepalive.wait()
            self.keepalive = None
        subprocess.run(["pulseaudio", "--kill"], env=self.env, capture_output=True, timeout=10)
        # A killed daemon's pid lingers about 2 s; a restart sooner fails.
        deadline = time.monotonic() + 6
        while self.pid_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(0.5)

    def play(self, wav: Path | str, wait: bool = True) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(["paplay", str(wav)], env=self.env)
        if wait:
            proc.wait(timeout=120)
        return proc


def have(cmd: str) -> bool:
    return shutil.which(cmd) is not None


@pytest.fixture(scope="session")
def virtual_mic() -> Iterator[VirtualMic]:
    for cmd in ("pulseaudio", "pactl", "pacat", "paplay"):
        if not have(cmd):
            pytest.fail(f"{cmd} is missing: run scripts/install.sh --dev (installs PulseAudio)")
    runtime = Path(tempfile.mkdtemp(prefix="voice-pa-"))
    env = dict(os.environ, XDG_RUNTIME_DIR=str(runtime),
               PULSE_SERVER=f"unix:{runtime}/pulse/native")
    saved = {k: os.environ.get(k) for k in ("XDG_RUNTIME_DIR", "PULSE_SERVER")}
    os.environ.update({k: env[k] for k in saved})
    mic = VirtualMic(runtime, env)
    mic.start()
    _reinit_portaudio()
    try:
        yield mic
    finally:
        mic.stop()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        shutil.rmtree(runtime, ignore_errors=True)


def _reinit_portaudio() -> None:
    """PortAudio reads the device list once; re-read it now the server is up."""
    try:
        import sounddevice as sd
    except OSError:
        return
    sd._terminate()
    sd._initialize()


@pytest.fixture(scope="session")
def content_dir() -> Path:
    return CONTENT


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory,
                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the per-user settings and config of the person running the tests untouched."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
