"""A virtual microphone: a private PulseAudio whose null sink is the default source.

Whatever is played into the sink is what sounddevice records from the default
input, exactly as from a real microphone (MACHINE-NOTES). The tests and the
benchmarks use it on machines without a sound card; the assistant never does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import wave
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

#: The sink's name; its monitor ("vmic.monitor") is the default source.
SINK = "vmic"
_ENV_KEYS = ("XDG_RUNTIME_DIR", "PULSE_SERVER")


@dataclass
class VirtualMic:
    """A running PulseAudio daemon with a null sink named ``vmic``."""

    runtime_dir: Path
    """The daemon's XDG_RUNTIME_DIR (its socket lives in ``pulse/native``)."""
    env: dict[str, str] = field(default_factory=dict)
    """Environment for child processes that must reach this daemon."""
    keepalive: subprocess.Popen[bytes] | None = None

    @classmethod
    def create(cls) -> VirtualMic:
        runtime = Path(tempfile.mkdtemp(prefix="voice-pa-"))
        env = dict(os.environ, XDG_RUNTIME_DIR=str(runtime),
                   PULSE_SERVER=f"unix:{runtime}/pulse/native")
        return cls(runtime, env)

    @property
    def pid_file(self) -> Path:
        return self.runtime_dir / "pulse" / "pid"

    def start(self) -> None:
        """Start the daemon (again, after ``stop`` to simulate a replug)."""
        subprocess.run(
            ["pulseaudio", "-n", "--daemonize=yes", "--exit-idle-time=-1",
             "-L", f"module-null-sink sink_name={SINK}", "-L", "module-native-protocol-unix"],
            env=self.env, check=True, capture_output=True, timeout=20,
        )
        for cmd in (["pactl", "set-default-sink", SINK],
                    ["pactl", "set-default-source", f"{SINK}.monitor"]):
            subprocess.run(cmd, env=self.env, check=True, capture_output=True, timeout=10)
        self.start_keepalive()
        time.sleep(2.5)

    def start_keepalive(self) -> None:
        """Play silence steadily: without a steady client the null sink runs in
        2 s blocks and the first block of a recording comes up to 1.9 s late
        (as a real speaker waking from standby can be late)."""
        if self.keepalive is None:
            self.keepalive = subprocess.Popen(
                ["pacat", "-p", "--raw", "--rate=16000", "--channels=1", "--format=s16le",
                 "--latency-msec=20", "/dev/zero"],
                env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )

    def stop_keepalive(self) -> None:
        if self.keepalive is not None:
            self.keepalive.kill()
            self.keepalive.wait()
            self.keepalive = None

    def stop(self) -> None:
        """Kill the daemon: to sounddevice this is the microphone being unplugged."""
        self.stop_keepalive()
        subprocess.run(["pulseaudio", "--kill"], env=self.env, capture_output=True, timeout=10)
        # A killed daemon's pid lingers about 2 s; a restart sooner fails.
        deadline = time.monotonic() + 6
        while self.pid_file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(0.5)

    def play(self, wav: Path | str, wait: bool = True,
             lead_in: float = 0.0) -> subprocess.Popen[bytes]:
        """Play a WAV into the sink, i.e. speak into the microphone.

        ``lead_in`` seconds of silence go first: a replay of the same file
        then starts later within the recorder's frames, as a person asking
        again never speaks on the same millisecond (docs/mic-drift.md)."""
        if lead_in > 0:
            wav = _with_lead_in(Path(wav), lead_in, self.runtime_dir)
        proc = subprocess.Popen(["paplay", str(wav)], env=self.env)
        if wait:
            proc.wait(timeout=120)
        return proc


def _with_lead_in(wav: Path, seconds: float, folder: Path) -> Path:
    """A copy of ``wav`` with ``seconds`` of silence before it."""
    with wave.open(str(wav), "rb") as r:
        params = r.getparams()
        frames = r.readframes(params.nframes)
    pad = round(seconds * params.framerate) * params.sampwidth * params.nchannels
    out = folder / f"{wav.stem}-lead{round(seconds * 1e6)}us.wav"
    with wave.open(str(out), "wb") as w:
        w.setparams(params)
        w.writeframes(b"\0" * pad + frames)
    return out


def missing_tools() -> list[str]:
    return [c for c in ("pulseaudio", "pactl", "pacat", "paplay") if not shutil.which(c)]


@contextmanager
def running_virtual_mic() -> Iterator[VirtualMic]:
    """Start a virtual microphone and point this process (and PortAudio) at it."""
    mic = VirtualMic.create()
    saved = {k: os.environ.get(k) for k in _ENV_KEYS}
    os.environ.update({k: mic.env[k] for k in _ENV_KEYS})
    try:
        mic.start()
        _reinit_portaudio()
        yield mic
    finally:
        mic.stop()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        shutil.rmtree(mic.runtime_dir, ignore_errors=True)
        _reinit_portaudio()


def stop_server(env: dict[str, str]) -> None:
    """Stop the PulseAudio server of ``env``'s runtime folder, if one runs, and
    wait until it is gone."""
    runtime = env.get("XDG_RUNTIME_DIR")
    if not runtime or not shutil.which("pulseaudio"):
        return
    subprocess.run(["pulseaudio", "--kill"], env=env, capture_output=True, timeout=10)
    pid_file = Path(runtime) / "pulse" / "pid"
    deadline = time.monotonic() + 6
    while pid_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)


@contextmanager
def private_runtime_dir() -> Iterator[Path]:
    """Point this process at a fresh, empty XDG_RUNTIME_DIR (no PULSE_SERVER);
    on the way out stop any sound server started there and remove it."""
    runtime = Path(tempfile.mkdtemp(prefix="voice-run-"))
    saved = {k: os.environ.get(k) for k in _ENV_KEYS}
    os.environ.pop("PULSE_SERVER", None)
    os.environ["XDG_RUNTIME_DIR"] = str(runtime)
    try:
        yield runtime
    finally:
        stop_server({**os.environ, "XDG_RUNTIME_DIR": str(runtime)})
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        shutil.rmtree(runtime, ignore_errors=True)


def _reinit_portaudio() -> None:
    """PortAudio reads the device list once; re-read it now the server changed."""
    from voice.audio.devices import reinitialize

    # No PortAudio at all: the caller will simply find no devices.
    with suppress(Exception):
        reinitialize()
