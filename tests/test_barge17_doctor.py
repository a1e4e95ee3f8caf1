"""`voice doctor` says whether the stop path may run at real-time priority
(voice/audio/priority.py STOP_PATH_RT) and, when not, how to allow it."""

from __future__ import annotations

import threading

import pytest

from voice.audio import priority
from voice.cli.commands import doctor
from voice.config import Config

from .rt_priority import may_raise


def test_it_says_what_this_process_may_do() -> None:
    taken, detail = priority.rt_permission(1)
    assert taken == may_raise()
    assert ("can be taken" if taken else "refused") in detail, detail
    # Tried and put back: the calling thread is not left real-time.
    assert not priority.scheduled_rt(threading.get_native_id())
    check = doctor.check_stop_priority(Config())
    assert check.name == "Stop priority"
    assert (check.status == "ok") == taken or not Config().barge_in, check


def test_refused_it_says_how_to_allow_it_on_a_pi(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(priority, "rt_permission",
                        lambda rt=None: (False, "SCHED_FIFO 1 refused: not root, no "
                                                "CAP_SYS_NICE, rtprio limit 0"))
    check = doctor.check_stop_priority(Config(barge_in=True))
    assert check.status == "warn"
    assert "@audio - rtprio 10" in check.fix and "group audio" in check.fix, check.fix
    assert "'stop' works" in check.detail
    # Off in the settings' sense (no barge-in): nothing to look at.
    assert doctor.check_stop_priority(Config(barge_in=False)).status == "ok"


def test_off_needs_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(priority, "STOP_PATH_RT", 0)
    taken, detail = priority.rt_permission()
    assert not taken and "off" in detail
    assert doctor.check_stop_priority(Config()).status == "ok"


def test_it_is_one_of_the_checks() -> None:
    import inspect

    assert "check_stop_priority" in inspect.getsource(doctor.run_checks)
