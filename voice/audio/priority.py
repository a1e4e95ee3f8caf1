"""Heavy work at a lower priority, so that the audio threads are served first.

While an answer plays, the player's callback (voice/speech_out/output.py)
must hand PortAudio a block before its buffer runs dry, and barge-in's
microphone thread must keep up: both are Python, and on a loaded machine
they went unserved for 0.3-2.5 s while Whisper decoded (docs/barge-in.md).
Raising their priority needs root (CAP_SYS_NICE); lowering another thread's
does not. On Linux niceness is per thread, and a thread starts with the
niceness of the thread that created it: so CTranslate2's threads (its
worker and the worker's OpenMP pool, created when the model loads and at its
first decode) are made lower by loading the model in a thread that lowered
itself first (:func:`run_lowered`). The Python thread that calls the decoder
keeps its niceness: it holds the GIL between calls, and a thread preempted
while holding it would stall the audio threads as well.

Without permission (another OS, a seccomp filter) nothing changes.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

#: Niceness added to Whisper's (CTranslate2's) threads: the audio threads
#: would come first. Off: on this shared machine (other processes at load
#: 15-19) Whisper's decodes then took a median 62 s (max 184 s) instead of
#: 2.4 s, and barge-in's full decode and quick look heard nothing in time;
#: "stop"s within 300 ms 7/15 with +10 against 5/15 without, the player's
#: underflows 0 either way (scripts/benchmark_barge_in.py --variants
#: 1.0:on:0,1.0:on:10, branch barge15, docs/barge-in.md). On a machine
#: running nothing else (a Raspberry Pi) it may pay; not measured.
DECODE_NICE = 0


def thread_ids() -> set[int]:
    """The native ids of this process's threads (Linux; empty elsewhere)."""
    try:
        return {int(t) for t in os.listdir("/proc/self/task")}
    except OSError:
        return set()


def niceness(tid: int) -> int | None:
    """Thread ``tid``'s niceness, or None when it cannot be read."""
    try:
        return os.getpriority(os.PRIO_PROCESS, tid)
    except (OSError, AttributeError):
        return None


def set_niceness(tids: set[int] | list[int], nice: int) -> int:
    """Give each thread in ``tids`` niceness ``nice``; how many took it
    (lowering it back needs root: refused, it stays as it was)."""
    done = 0
    for tid in tids:
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, tid, nice)
            done += 1
    return done


def lower_this_thread(by: int) -> bool:
    """Add ``by`` to the calling thread's niceness (never needs root)."""
    if by <= 0 or not hasattr(os, "setpriority"):
        return False
    tid = threading.get_native_id()
    before = niceness(tid)
    if before is None:
        return False
    return set_niceness([tid], min(19, before + by)) == 1


def run_lowered(make: Callable[[], T], by: int | None = None) -> T:
    """``make()``, run in a thread whose niceness is ``by`` (default
    DECODE_NICE) higher, so that every thread it starts (and they start) has
    that niceness too; with 0, in the calling thread as before. Its exception
    is raised here."""
    by = DECODE_NICE if by is None else by
    if by <= 0:
        return make()
    result: list[T] = []
    error: list[BaseException] = []

    def run() -> None:
        lower_this_thread(by)
        try:
            result.append(make())
        except BaseException as e:  # raised again in the caller's thread
            error.append(e)

    worker = threading.Thread(target=run, name="lowered-load", daemon=True)
    worker.start()
    worker.join()
    if error:
        raise error[0]
    return result[0]
