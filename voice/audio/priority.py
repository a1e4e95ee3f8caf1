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
from collections.abc import Callable, Iterator
from pathlib import Path
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


#: Real-time priority (Linux SCHED_FIFO, 1-99; 0: off) of the stop path
#: while an answer plays: barge-in's own thread (echo canceller, the
#: stop-word model), the microphone's threads (PortAudio's callback, the
#: sound server client's) and the player's. A FIFO thread runs the moment it
#: wakes, before every ordinary thread of any niceness, so a Whisper decode
#: (or anything else) cannot keep "stop" waiting for a core; each of these
#: threads sleeps between blocks and works a few ms, and the kernel's limit
#: (sched_rt_runtime_us, 95%) stays. Whisper's threads keep theirs. 1: below
#: the sound server's own (PulseAudio's sink thread runs SCHED_RR 5), above
#: every ordinary thread. Needs root, CAP_SYS_NICE or an RLIMIT_RTPRIO (an
#: "audio" group's limits); refused, nothing changes.
#: Measured (branch barge16, docs/barge-in.md), a Whisper decode running
#: all along in the process (--busy 2), paired answer by answer on the same
#: real "stop"s, load 6.3-10.6 (`benchmark_barge_in.py --answers 0 --stops
#: 40 --clips tuning --seed 18 --trace --busy 2 --variants
#: 0.25:off:0:0,0.25:off:0:10`): within 300 ms 15/20 either way (caught 17
#: vs 18); the player's underflows 9 -> 0 and the echo cancelled 12 -> 24
#: dB. The stop path was not late without it at that load (the block with
#: the word's end processed 17 ms after it, median): what was late was the
#: model's own hearing and Whisper. Over answers read in full, each read
#: with and without it in turn (--answers all --stops 0 --busy 2 --variants
#: 0.25:off:0:0,0.25:off:0:1, load 10.1-15.8): underflows 120 -> 30, echo
#: 10 -> 23 dB, self-stops 1 -> 0 in 26 (and 1 in 26 with it alone at load
#: 8.7-13.5: the model on its own "helps strengthen", with and without).
#: On: it keeps the player and the microphone served under a decode.
STOP_PATH_RT = 1


def raise_threads(tids: set[int] | list[int], rt: int) -> Callable[[], None]:
    """Give each thread in ``tids`` real-time priority ``rt`` (SCHED_FIFO);
    returns what puts back those that took it. Refused (no permission, not
    Linux, a thread already gone): left as it was, quietly."""
    if rt <= 0 or not hasattr(os, "sched_setscheduler"):
        return lambda: None
    rt = min(rt, os.sched_get_priority_max(os.SCHED_FIFO))
    raised: list[tuple[int, int, int]] = []
    for tid in tids:
        try:
            policy = os.sched_getscheduler(tid)
            prio = os.sched_getparam(tid).sched_priority
            os.sched_setscheduler(tid, os.SCHED_FIFO, os.sched_param(rt))
        except OSError:
            continue
        raised.append((tid, policy, prio))

    def restore() -> None:
        for tid, policy, prio in raised:
            # The thread may have ended (a closed stream's): nothing to put back.
            with contextlib.suppress(OSError):
                os.sched_setscheduler(tid, policy, os.sched_param(prio))

    return restore


def scheduled_rt(tid: int) -> bool:
    """Whether thread ``tid`` runs under a real-time policy (tests, benchmark)."""
    try:
        return os.sched_getscheduler(tid) in (os.SCHED_FIFO, os.SCHED_RR)
    except (OSError, AttributeError):
        return False


@contextlib.contextmanager
def rt_children(rt: int) -> Iterator[None]:
    """Threads started inside (a stream's PortAudio and sound-server threads)
    run at real-time priority ``rt``: on Linux a new thread takes its
    creator's policy. The calling thread gets its own back afterwards."""
    restore = raise_threads([threading.get_native_id()], rt)
    try:
        yield
    finally:
        restore()


#: Bit of CAP_SYS_NICE in /proc/self/status's CapEff (linux/capability.h).
_CAP_SYS_NICE = 23


def rt_permission(rt: int | None = None) -> tuple[bool, str]:
    """Whether this process may make the stop path real-time (priority ``rt``,
    default STOP_PATH_RT), tried on the calling thread and put back at once,
    and what allows or would allow it (``voice doctor``)."""
    rt = STOP_PATH_RT if rt is None else rt
    why = []
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        why.append("running as root")
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("CapEff:") and int(line.split()[1], 16) >> _CAP_SYS_NICE & 1:
                why.append("CAP_SYS_NICE")
    with contextlib.suppress(ImportError, OSError, AttributeError, ValueError):
        import resource

        soft = resource.getrlimit(resource.RLIMIT_RTPRIO)[0]
        if soft == resource.RLIM_INFINITY or soft > 0:
            why.append(f"rtprio limit {'unlimited' if soft == resource.RLIM_INFINITY else soft}")
    if rt <= 0:
        return False, "off (STOP_PATH_RT 0)"
    tid = threading.get_native_id()
    restore = raise_threads([tid], rt)
    taken = scheduled_rt(tid)
    restore()
    if taken:
        return True, f"SCHED_FIFO {rt} can be taken ({', '.join(why) or 'allowed'})"
    return False, (f"SCHED_FIFO {rt} refused: not root, no CAP_SYS_NICE"
                   + (f", {why[-1]}" if why else ", rtprio limit 0"))
