"""Whether this test process may raise a thread to real-time priority,
found by doing it (priority.raise_threads) and putting it back: shared by the
tests of the stop path's priority and of `voice doctor`'s line on it."""

from __future__ import annotations

import threading

from voice.audio import priority


def may_raise() -> bool:
    tid = threading.get_native_id()
    restore = priority.raise_threads([tid], 1)
    taken = priority.scheduled_rt(tid)
    restore()
    return taken
