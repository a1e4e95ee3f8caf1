"""Run a command on a real pseudo-terminal, as a user at a terminal would.

Piped input is not a terminal: the keyboard reads lines there, not keys, and
Ctrl-C is a signal only a terminal sends. So tests of what a person at a
terminal meets (push-to-talk keys, quitting, Ctrl-C, Ctrl-D) run the real
command here: its stdin, stdout and stderr are the pty's slave, which is its
controlling terminal, and what it prints is collected on a thread.
"""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import termios
import threading
import time
from collections.abc import Sequence
from pathlib import Path


def _controlling_tty() -> None:  # runs in the child, before exec
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class PtySession:
    """One command on a pty; ``text`` is everything it printed so far."""

    def __init__(self, argv: Sequence[str], env: dict[str, str], cwd: Path) -> None:
        master, slave = os.openpty()
        self.master = master
        self.proc = subprocess.Popen(
            list(argv), stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd,
            preexec_fn=_controlling_tty, close_fds=True,
        )
        os.close(slave)
        self._chunks: list[tuple[float, str]] = []
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 4096)
            except OSError:  # EIO: the child closed the terminal
                return
            if not data:
                return
            with self._lock:
                self._chunks.append((time.monotonic(), data.decode("utf-8", "replace")))

    @property
    def text(self) -> str:
        with self._lock:
            return "".join(c for _, c in self._chunks).replace("\r\n", "\n")

    def wait_for(self, needle: str, timeout: float, after: int = 0) -> int:
        """Wait until ``needle`` is printed (at or after offset ``after`` of
        ``text``); returns the offset just past it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.text
            at = text.find(needle, after)
            if at >= 0:
                return at + len(needle)
            if self.proc.poll() is not None:
                time.sleep(0.2)  # the last output may still be on its way
                text = self.text
                if needle in text[after:]:
                    return text.find(needle, after) + len(needle)
                break
            time.sleep(0.02)
        raise AssertionError(f"{needle!r} not printed within {timeout} s; printed:\n{self.text}")

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def wait_exit(self, timeout: float) -> int | None:
        """The exit code, or None when the command is still running after ``timeout``."""
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def close(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self._reader.join(timeout=2)
        os.close(self.master)
