"""Making sure there is a sound server to play through.

On Debian, PulseAudio is installed (scripts/install.sh) but nothing starts it
outside a desktop session: a Raspberry Pi's console, an ssh login, root. With
no server PortAudio lists no devices at all, and the assistant was silent on
its first run. So before it looks for a speaker it starts a per-user server
when none is reachable, the way a desktop session would (``pulseaudio
--start``), kept running (``--exit-idle-time=-1``) so it is still there
between answers. PulseAudio's default configuration uses the sound hardware,
and with none (this development machine) a null sink, ``auto_null``, which
counts as a speaker.

It never starts a second server: not when one answers, and not when
``PULSE_SERVER`` names one (a private server, as the tests' virtual
microphone uses, or a remote one), which would then be the user's to start.
A machine with sound hardware but no PulseAudio at all is played through ALSA
directly, which PortAudio lists on its own. Where none of that can work,
:func:`ensure_sound_server` returns one line saying exactly what to do.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass

#: The null sink PulseAudio's module-always-sink creates when there is no
#: sound hardware; its monitor is then the only, and default, source.
NO_HARDWARE_SINK = "auto_null"

#: Seconds to wait for a started server to answer (~0.05 s here).
START_WAIT = 5.0


@dataclass(frozen=True)
class SoundServer:
    """What ensure_sound_server found or did."""

    state: str
    """"running" (it answered), "started" (by us now), "alsa" (no PulseAudio,
    sound hardware played directly), or "none"."""
    advice: str = ""
    """With "none": one line saying exactly what to do to hear the assistant."""


def _run(args: list[str], timeout: float = 5.0) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(args, capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None


def reachable() -> bool:
    """True when a PulseAudio server answers this process's clients."""
    if shutil.which("pactl"):
        done = _run(["pactl", "info"])
        return done is not None and done.returncode == 0
    done = _run(["pulseaudio", "--check"])
    return done is not None and done.returncode == 0


def _sound_cards() -> bool:
    return any(name.startswith("pcm") for name in _listdir("/dev/snd"))


def _listdir(path: str) -> list[str]:
    try:
        return os.listdir(path)
    except OSError:
        return []


def ensure_sound_server() -> SoundServer:
    """Start a per-user PulseAudio when none answers; say what to do when that fails."""
    if shutil.which("pulseaudio") is None:
        if _sound_cards():
            return SoundServer("alsa")
        return SoundServer("none", "To hear them, install the sound server: "
                                   "sudo apt-get install pulseaudio pulseaudio-utils.")
    if reachable():
        return SoundServer("running")
    server = os.environ.get("PULSE_SERVER")
    if server:
        return SoundServer("none", f"To hear them, start the sound server PULSE_SERVER names "
                                   f"({server}), or unset PULSE_SERVER.")
    done = _run(["pulseaudio", "--start", "--exit-idle-time=-1"], timeout=20)
    deadline = time.monotonic() + START_WAIT
    while time.monotonic() < deadline:
        if reachable():
            _ensure_a_sink()
            _reinitialize_portaudio()
            return SoundServer("started")
        time.sleep(0.1)
    why = ""
    if done is not None:
        lines = [ln for ln in done.stderr.splitlines() if ln.startswith("E:")]
        why = f" (here it said: {lines[0][2:].strip()})" if lines else ""
    return SoundServer("none", "To hear them, start the sound server with "
                               f"'pulseaudio --start' and fix what it reports{why}.")


def _ensure_a_sink() -> None:
    """A server with no sink at all (a configuration without module-always-sink)
    gets a null sink, so the assistant can still play."""
    done = _run(["pactl", "list", "short", "sinks"])
    if done is not None and done.returncode == 0 and not done.stdout.strip():
        _run(["pactl", "load-module", "module-null-sink", f"sink_name={NO_HARDWARE_SINK}"])


def _reinitialize_portaudio() -> None:
    """PortAudio reads its device list once; if it was read before the server
    ran, it holds no devices until restarted."""
    import sys

    if "sounddevice" in sys.modules:
        from voice.audio.devices import reinitialize

        reinitialize()


def only_placeholder_input() -> bool:
    """True when the default input is the monitor of PulseAudio's placeholder
    null sink: there is no sound hardware, so no microphone, whatever
    PortAudio lists (it lists the monitor as an input)."""
    if not shutil.which("pactl"):
        return False
    done = _run(["pactl", "get-default-source"])
    return done is not None and done.stdout.strip() == f"{NO_HARDWARE_SINK}.monitor"
