"""voice/audio/priority.py: work made in a lowered thread, and every thread it
starts, runs at the higher niceness; the caller keeps its own. Raising a
niceness needs no root, so this runs anywhere (Linux)."""

from __future__ import annotations

import os
import threading

import pytest

from voice.audio import priority

STEP = 3


def _mine() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


def test_threads_started_by_lowered_work_are_lowered_too() -> None:
    before = _mine()
    if before + STEP > 19:
        pytest.skip("already at the highest niceness")
    seen: dict[str, int] = {}

    def make() -> str:
        seen["maker"] = _mine() - before
        child = threading.Thread(target=lambda: seen.update(child=_mine() - before))
        child.start()
        child.join()
        return "made"

    assert priority.run_lowered(make, STEP) == "made"
    assert seen == {"maker": STEP, "child": STEP}
    assert _mine() == before  # the caller keeps its niceness


def test_the_makers_error_is_raised_in_the_caller() -> None:
    def make() -> None:
        raise ValueError("no model")

    with pytest.raises(ValueError, match="no model"):
        priority.run_lowered(make, STEP)


def test_nothing_changes_when_off() -> None:
    before = _mine()
    assert priority.run_lowered(lambda: threading.get_native_id(), 0) == \
        threading.get_native_id()
    assert _mine() == before
