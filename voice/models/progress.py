"""Download progress on stderr: a redrawn bar on a terminal, plain lines otherwise.

Plain lines matter: a log file or a screen reader gets a few readable lines
("40% ...") instead of hundreds of carriage returns.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

MB = 1_000_000


def _mb(n: int) -> str:
    return f"{n / MB:.1f}"


class Progress:
    """Reports bytes received so far for one download."""

    def __init__(
        self,
        stream: TextIO,
        label: str,
        total: int | None,
        *,
        tty: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
        redraw_every: float = 0.1,
        line_every_percent: int = 10,
        line_every_seconds: float = 5.0,
        header: str = "",
    ) -> None:
        self.stream = stream
        self.label = label
        self.total = total
        self.tty = stream.isatty() if tty is None else tty
        self.clock = clock
        self.redraw_every = redraw_every
        self.line_every_percent = line_every_percent
        self.line_every_seconds = line_every_seconds
        self._t0 = clock()
        self._start_bytes: int | None = None
        self._last_draw = float("-inf")
        self._last_percent_line = -1
        self._done = 0
        self._drawn = False
        self._header = header

    def start(self, already: int) -> None:
        """A transfer begins with ``already`` bytes on disk (a resumed download)."""
        # The rate counts only this transfer's bytes, or a resume would look impossibly fast.
        if self._header:
            # Printed once a server answered, so "offline" stays a single line.
            self.stream.write(self._header + "\n")
            self._header = ""
        self._t0 = self.clock()
        self._start_bytes = already
        self._done = already
        if already and not self.tty:
            self._line(f"resuming at {_mb(already)} MB")

    def _rate(self) -> float:
        elapsed = self.clock() - self._t0
        got = self._done - (self._start_bytes or 0)
        return got / elapsed if elapsed > 0 else 0.0

    def _text(self) -> str:
        rate = f"{self._rate() / MB:.1f} MB/s"
        if self.total:
            pct = min(100, int(self._done * 100 / self.total))
            return f"{pct:3d}% {_mb(self._done)} of {_mb(self.total)} MB, {rate}"
        return f"{_mb(self._done)} MB, {rate}"

    def _line(self, text: str) -> None:
        self.stream.write(f"{self.label}: {text}\n")
        self.stream.flush()

    def update(self, done: int) -> None:
        """``done`` bytes of the whole file are now on disk."""
        self._done = done
        now = self.clock()
        if self.tty:
            if now - self._last_draw >= self.redraw_every:
                self._draw()
                self._last_draw = now
            return
        if self.total:
            pct = int(done * 100 / self.total)
            step = pct // self.line_every_percent * self.line_every_percent
            if step > self._last_percent_line:
                self._last_percent_line = step
                self._line(self._text())
        elif now - self._last_draw >= self.line_every_seconds:
            self._last_draw = now
            self._line(self._text())

    def _draw(self) -> None:
        width = 24
        filled = min(width, self._done * width // self.total) if self.total else 0
        bar = "#" * filled + "-" * (width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {self._text()}   ")
        self.stream.flush()
        self._drawn = True

    def note(self, text: str) -> None:
        """A message between updates (a retry, a restart), on its own line."""
        if self.tty and self._drawn:
            self.stream.write("\n")
            self._drawn = False
        self._line(text)

    def finish(self) -> None:
        """The transfer ended; leave the cursor on a fresh line."""
        if self.tty:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False
        elif self.total is None or self._last_percent_line < 100:
            self._line(self._text())
