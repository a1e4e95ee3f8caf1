"""Ctrl-C while the ``voice`` command starts: one line, wherever it lands.

Importing the commands (numpy, the conversation, the engines) takes about a
second here and more on a Pi. A Ctrl-C then used to raise KeyboardInterrupt
wherever Python was. Mostly that is caught and ends in "voice: stopped.",
but it can land inside importlib's own clean-up (a module lock's weakref
callback), where Python cannot pass it on: it printed "Exception ignored in
... Traceback ... KeyboardInterrupt", which a screen reader reads out, and
the command went on starting as if nothing had been pressed (session 45's
CI, with the machine under load).

Until the commands are imported nothing is open that needs closing, so
while starting, a Ctrl-C ends the process at once with the usual line.
"""

from __future__ import annotations

import os
import signal
from types import FrameType

#: The line every way of stopping prints (voice.cli.shutdown.STOPPED; not
#: imported from there, which would import more before the guard is up).
STOPPED = "voice: stopped."

_guarding = False


def guard() -> None:
    """From now until ``release``, Ctrl-C ends the process with one line.

    Left alone when Ctrl-C is not Python's usual KeyboardInterrupt (ignored,
    as for a background job of a shell, or a handler someone set)."""
    global _guarding
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _stop_now)
        _guarding = True


def release() -> None:
    """Ctrl-C raises KeyboardInterrupt again, for the command to handle."""
    global _guarding
    if _guarding and signal.getsignal(signal.SIGINT) is _stop_now:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    _guarding = False


def _stop_now(_signum: int, _frame: FrameType | None) -> None:
    try:
        os.write(2, f"{STOPPED}\n".encode())
    finally:
        os._exit(130)
