"""Keyboard fallback for the button, on desktops and for tests.

On a terminal (stdin is a tty) single keys work without Enter: space or Enter
is the button (listening starts at once: there is no double press to wait
for, ``r`` repeats), ``s`` stops speaking, ``r`` repeats, ``q`` quits. A terminal
never reports a key being released, and a held key auto-repeats, so "hold to
talk" cannot work on a keyboard: the keyboard is always in toggle mode (press
to start, press again or stay silent to stop). Auto-repeat presses closer than
``KEY_REPEAT_GUARD`` to the previous key are ignored for the same reason.

When stdin is not a tty (a pipe, a switch-access tool, a test), each line is
one action: an empty line (or any other text) is one press, ``stop``,
``repeat`` and ``quit`` do what they say, and the end of input quits. Lines
are taken as single presses (never as double presses) so piped input does the
same thing however fast it arrives.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time
from collections.abc import Callable
from typing import IO, Any

from voice.devices.gestures import EventName, Gestures, GestureTiming
from voice.devices.push_to_talk import EventCallback, GestureDriver

#: Auto-repeat sends a key 25-40 times a second; a real second press is slower.
KEY_REPEAT_GUARD = 0.15

HOLD_ON_KEYBOARD_MESSAGE = (
    "Holding a key does not work on a keyboard, so the keyboard uses toggle mode: "
    "press space or Enter to start, and again to stop."
)

_LINE_WORDS: dict[str, EventName] = {
    "stop": "stop_speaking",
    "s": "stop_speaking",
    "repeat": "repeat",
    "r": "repeat",
    "quit": "quit",
    "q": "quit",
    "exit": "quit",
}
_KEYS: dict[str, EventName] = {"s": "stop_speaking", "r": "repeat", "q": "quit", "\x04": "quit"}


def keyboard_help(tty: bool) -> str:
    if tty:
        return ("Press space or Enter to ask a question, and again when you are done. "
                "Press s to stop me talking, r to hear the last answer again, q to quit.")
    return ("Each line is one button press. Type stop, repeat or quit for those; "
            "the end of input quits.")


class KeyboardButton:
    """Reads ``stream`` on a thread and emits the same ButtonEvents as the button."""

    def __init__(
        self,
        on_event: EventCallback,
        stream: IO[str],
        *,
        timing: GestureTiming | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.tty = stream.isatty()
        base = timing or GestureTiming()
        # Every press is decided at once, on a terminal as on a pipe. Waiting
        # the button's double-press window (0.6 s) before listening lost the
        # start of a question asked promptly after space: "is there a cure for
        # neuromuscular disorders", spoken 0.4 s after the press, was heard as
        # "what for neuromuscular disorders". The keyboard has its own key for
        # "repeat" (r) and keys do not bounce; a terminal reports no release,
        # so the long press cannot happen either.
        timing = GestureTiming(long_press=base.long_press, double_press=0, min_stable=0)
        self._driver = GestureDriver(Gestures("toggle", timing), on_event, clock)
        self._stream = stream
        self._clock = clock
        self._closed = threading.Event()
        self._last_key = -1.0e9
        self._saved_tty: list[Any] | None = None
        self._tty_lock = threading.Lock()
        target = self._read_keys if self.tty else self._read_lines
        self._thread = threading.Thread(target=target, name="keyboard", daemon=True)
        self._thread.start()

    @property
    def listening(self) -> bool:
        return self._driver.listening

    def listening_ended(self) -> None:
        self._driver.listening_ended()

    def press(self) -> None:
        """One press of the (virtual) button."""
        self._driver.press()
        self._driver.release()

    def close(self) -> None:
        self._closed.set()
        # The reader thread notices the flag within its 0.2 s select and gives
        # the terminal back itself; wait for it, so that the terminal is
        # restored when close() returns (before, the thread could hold the
        # saved settings while close() found none and returned early).
        if self._thread is not threading.current_thread():
            self._thread.join(timeout=1.0)
        self._restore_tty()
        self._driver.close()

    def __enter__(self) -> KeyboardButton:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read_lines(self) -> None:
        for line in self._stream:
            if self._closed.is_set():
                return
            word = line.strip().lower()
            if word in _LINE_WORDS:
                self._driver.emit(_LINE_WORDS[word])
                if _LINE_WORDS[word] == "quit":
                    return
            else:
                self.press()
        if not self._closed.is_set():
            self._driver.emit("quit")

    def _read_keys(self) -> None:
        import termios
        import tty

        fd = self._stream.fileno()
        with self._tty_lock:
            try:
                if not self._closed.is_set():
                    self._saved_tty = termios.tcgetattr(fd)
                    tty.setcbreak(fd)
            except termios.error:
                self._saved_tty = None
        try:
            while not self._closed.is_set():
                # A timeout so close() is noticed without a key press.
                ready, _, _ = select.select([fd], [], [], 0.2)
                if not ready:
                    continue
                data = os.read(fd, 32).decode("utf-8", "replace")
                if not data:
                    self._driver.emit("quit")
                    return
                for key in data:
                    if self._key(key.lower()) == "quit":
                        return
        finally:
            self._restore_tty()

    def _key(self, key: str) -> EventName | None:
        now = self._clock()
        if now - self._last_key < KEY_REPEAT_GUARD:
            self._last_key = now
            return None
        self._last_key = now
        if key in _KEYS:
            self._driver.emit(_KEYS[key])
            return _KEYS[key]
        if key in (" ", "\n", "\r"):
            self.press()
        return None

    def _restore_tty(self) -> None:
        with self._tty_lock:
            self._restore_tty_locked()

    def _restore_tty_locked(self) -> None:
        saved, self._saved_tty = self._saved_tty, None
        if saved is not None:
            import termios

            # The terminal may already be gone (closed pty, hung-up ssh).
            with contextlib.suppress(termios.error, ValueError, OSError):
                termios.tcsetattr(self._stream.fileno(), termios.TCSADRAIN, saved)
