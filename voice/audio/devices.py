"""Finding the microphone (and speaker) by name, and waiting for it to come back.

Devices are found by part of their name, never by number: PortAudio numbers
change when a USB microphone is unplugged and plugged back in. PortAudio reads
its device list once, so after a device vanished the list is re-read by
restarting PortAudio (MACHINE-NOTES: a list read while the sound server was down
stays empty until then).
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from voice.errors import MicrophoneUnavailable, VoiceError

NO_MICROPHONE = "I can't hear a microphone. Please check that it is plugged in."
MICROPHONE_GONE = ("The microphone is gone. Please check that it is plugged in. "
                   "I will keep trying.")
MICROPHONE_BACK = "The microphone is back."


@dataclass(frozen=True)
class AudioDevice:
    """One sound device as PortAudio sees it right now."""

    index: int
    """PortAudio's number for it; valid only until PortAudio restarts."""
    name: str
    """Its name, e.g. "pulse" or "USB PnP Sound Device: Audio (hw:1,0)"."""
    input_channels: int
    """Largest number of input channels (0 for output-only devices)."""
    output_channels: int
    """Largest number of output channels (0 for input-only devices)."""
    default_rate: int
    """The rate the device prefers; capture opens at this rate and resamples."""


def _sd() -> Any:
    try:
        import sounddevice
    except OSError as e:  # libportaudio2 missing
        raise MicrophoneUnavailable(
            "I can't use sound on this computer: the PortAudio library is missing. "
            "Please run the install script again."
        ) from e
    quiet_alsa()
    return sounddevice


_alsa_handler: Any = None


def quiet_alsa() -> None:
    """Stop ALSA printing "ALSA lib pcm.c: underrun occurred" and the like.

    Those lines land among the assistant's own messages, mean nothing to the
    user, and every real problem reaches them as a spoken message anyway.
    """
    global _alsa_handler
    if _alsa_handler is not None:
        return
    import ctypes
    import ctypes.util

    # The real handler is variadic; a callee that ignores the extra arguments
    # is safe on the x86-64 and AArch64 Linux calling conventions.
    handler_type = ctypes.CFUNCTYPE(
        None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
    )
    _alsa_handler = handler_type(lambda *_args: None)  # kept alive: ALSA holds a pointer
    name = ctypes.util.find_library("asound")
    if not name:
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(name).snd_lib_error_set_handler(_alsa_handler)


def reinitialize() -> None:
    """Restart PortAudio so it re-reads the device list.

    This closes every open PortAudio stream in the process, so call it only
    when the microphone is already lost (or before anything is open).
    """
    sd = _sd()
    # Already terminated is fine: it is started again just below.
    with contextlib.suppress(Exception):
        sd._terminate()
    sd._initialize()


def list_devices() -> list[AudioDevice]:
    """Every device PortAudio knows about now."""
    sd = _sd()
    out = []
    for i, d in enumerate(sd.query_devices()):
        out.append(
            AudioDevice(
                index=i,
                name=str(d["name"]),
                input_channels=int(d["max_input_channels"]),
                output_channels=int(d["max_output_channels"]),
                default_rate=int(d["default_samplerate"]),
            )
        )
    return out


def _default_index(kind: str) -> int | None:
    sd = _sd()
    try:
        dev = sd.default.device[0 if kind == "input" else 1]
    except Exception:  # sounddevice raises plain errors when no default
        return None
    return int(dev) if dev is not None and int(dev) >= 0 else None


def match_name(devices: list[AudioDevice], name: str) -> AudioDevice | None:
    """The device called ``name``, else the first whose name contains it (any case).

    An exact name wins, so "pulse" picks "pulse" even when another device has
    "pulse" inside its name.
    """
    wanted = name.strip().casefold()
    if not wanted:
        return None
    for d in devices:
        if d.name.casefold() == wanted:
            return d
    for d in devices:
        if wanted in d.name.casefold():
            return d
    return None


def _find(name: str, kind: str) -> AudioDevice:
    devices = list_devices()
    usable = [d for d in devices if (d.input_channels if kind == "input" else d.output_channels)]
    what = "microphone" if kind == "input" else "speaker"
    if not usable:
        if kind == "input":
            raise MicrophoneUnavailable(NO_MICROPHONE)
        raise VoiceError("I can't find a speaker. Please check that it is plugged in.")
    if not name:
        idx = _default_index(kind)
        for d in usable:
            if d.index == idx:
                return d
        return usable[0]
    found = match_name(usable, name)
    if found is not None:
        return found
    names = ", ".join(f'"{d.name}"' for d in usable)
    message = f'I can\'t find a {what} called "{name}". The {what}s I can use are: {names}.'
    if kind == "input":
        raise MicrophoneUnavailable(message)
    raise VoiceError(message)


def find_input_device(name: str = "") -> AudioDevice:
    """The microphone whose name contains ``name`` (any case); the default when empty.

    An exact name wins over a partial one, so "pulse" picks "pulse" even when
    another device has "pulse" inside its name. Raises MicrophoneUnavailable,
    listing the microphones there are, when none fits.
    """
    return _find(name, "input")


def find_output_device(name: str = "") -> AudioDevice:
    """The speaker whose name contains ``name`` (any case); the default when empty."""
    return _find(name, "output")


def wait_for_device(
    name: str = "",
    stop: threading.Event | None = None,
    on_event: Callable[[str], None] | None = None,
    poll: float = 1.0,
    timeout: float | None = None,
) -> AudioDevice | None:
    """Wait until a microphone called ``name`` can be found again, and return it.

    Restarts PortAudio on every try, since only that re-reads the device list.
    Calls ``on_event("microphone-waiting")`` once at the start and
    ``on_event("microphone-back")`` when found. Returns None when ``stop`` is
    set or ``timeout`` seconds pass (None waits for ever: a person who cannot
    reach the computer easily should not have to restart it).
    """
    deadline = None if timeout is None else time.monotonic() + timeout
    told = False
    while True:
        reinitialize()
        try:
            dev = find_input_device(name)
        except MicrophoneUnavailable:
            dev = None
        if dev is not None and _can_open(dev):
            if told and on_event:
                on_event("microphone-back")
            return dev
        if not told and on_event:
            on_event("microphone-waiting")
        told = True
        wait = poll
        if deadline is not None:
            wait = min(wait, deadline - time.monotonic())
            if wait <= 0:
                return None
        if stop is not None:
            if stop.wait(wait):
                return None
        else:
            time.sleep(wait)


def _can_open(dev: AudioDevice) -> bool:
    """True when an input stream on ``dev`` opens: ALSA's "default" is listed
    even while the PulseAudio server behind it is still starting."""
    sd = _sd()
    try:
        with _quiet_native_stderr():
            s = sd.InputStream(device=dev.index, channels=1, dtype="int16")
            s.close()
    except Exception:  # PortAudioError and ValueError both mean "not yet"
        return False
    return True


#: The lines PortAudio's ALSA layer (and ALSA's library under it) writes to
#: stderr on a failed open: "Expression 'r' failed in
#: 'src/hostapi/alsa/pa_linux_alsa.c', line: 3355", "ALSA lib pulse.c:242:
#: (pulse_connect) PulseAudio: Unable to connect: Connection refused".
_NATIVE_NOISE = re.compile(rb"^(Expression '.*' failed in '|ALSA lib )")


@contextlib.contextmanager
def _quiet_native_stderr() -> Iterator[None]:
    """Hide PortAudio's and ALSA's own lines on stderr for the duration.

    While the microphone is gone, each try to open it makes PortAudio's ALSA
    layer print three lines ("Expression 'r' failed in
    'src/hostapi/alsa/pa_linux_alsa.c'..."): a screenful a minute in the
    terminal and the journal, read out by a screen reader, for a failure
    already said once in words (measured with the PulseAudio source unloaded:
    tests/test_listen_source_unloaded.py).

    Those C libraries write to file descriptor 2 and take no callback (the
    Debian PortAudio exports no PaUtil_SetDebugPrintFunction), so descriptor 2
    goes through a pipe meanwhile: a thread passes every other line on. An
    error another thread prints or logs in that time is still shown; before,
    descriptor 2 went to /dev/null and took it along.
    """
    import os
    import sys

    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield  # no file descriptor 2 to hide
        return
    try:
        read_end, write_end = os.pipe()
    except OSError:
        os.close(saved)
        yield  # no pipe to be had: better noise than nothing shown
        return
    passer = threading.Thread(target=_pass_on_but_noise, args=(read_end, saved),
                              name="stderr-filter", daemon=True)
    passer.start()
    try:
        os.dup2(write_end, 2)
        yield
    finally:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            sys.stderr.flush()
        os.close(write_end)
        # Closes the pipe's last write end: the thread reads to its end,
        # passes the rest on and closes ``saved``.
        os.dup2(saved, 2)
        passer.join(timeout=1.0)


def _pass_on_but_noise(read_end: int, out: int) -> None:
    """Copy the lines read from ``read_end`` to ``out``, but PortAudio's and
    ALSA's (_NATIVE_NOISE); close both at the end of the pipe."""
    import os

    pending = b""
    try:
        while chunk := os.read(read_end, 65536):
            *lines, pending = (pending + chunk).split(b"\n")
            _write_all(out, b"".join(line + b"\n" for line in lines
                                     if not _NATIVE_NOISE.match(line)))
        if pending and not _NATIVE_NOISE.match(pending):
            _write_all(out, pending)  # a last line without its newline
    except OSError:
        pass  # nowhere left to write
    finally:
        os.close(read_end)
        os.close(out)


def _write_all(fd: int, data: bytes) -> None:
    import os

    while data:
        data = data[os.write(fd, data):]
