"""WATCH_NICE: barge-in's thread asks for a niceness of its own and puts it
back (per thread: the process and its other threads keep theirs). A higher
niceness is always permitted, so this runs without root."""

from __future__ import annotations

import os
import threading

import pytest

from voice.audio import barge_in as bi

STEP = 3


def test_the_niceness_is_the_calling_threads_alone_and_put_back() -> None:
    seen: dict[str, int] = {}

    def run() -> None:
        tid = threading.get_native_id()
        before = os.getpriority(os.PRIO_PROCESS, tid)
        restore = bi._raise_priority(before + STEP)
        seen["during"] = os.getpriority(os.PRIO_PROCESS, tid) - before
        seen["main"] = os.getpriority(os.PRIO_PROCESS, main) - main_before
        restore()
        seen["after"] = os.getpriority(os.PRIO_PROCESS, tid) - before

    main = threading.get_native_id()
    main_before = os.getpriority(os.PRIO_PROCESS, main)
    if main_before + STEP > 19:
        pytest.skip("already at the highest niceness")
    t = threading.Thread(target=run)
    t.start()
    t.join()
    assert seen == {"during": STEP, "main": 0, "after": 0}


def test_nothing_is_asked_when_off() -> None:
    tid = threading.get_native_id()
    before = os.getpriority(os.PRIO_PROCESS, tid)
    bi._raise_priority(0)()
    assert os.getpriority(os.PRIO_PROCESS, tid) == before
