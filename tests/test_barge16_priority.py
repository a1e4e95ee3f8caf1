"""The stop path runs at real-time priority while an answer plays.

voice/audio/priority.py STOP_PATH_RT: barge-in's own thread (echo canceller,
stop-word model), the microphone's threads and the player's are SCHED_FIFO
while an answer plays, so a Whisper decode (or anything else) on the device
cannot keep "stop" waiting for a core; Whisper's thread keeps its own
policy, and everything is put back afterwards. Real virtual microphone,
real PortAudio streams; Linux, with the permission to ask (root or
CAP_SYS_NICE or an RLIMIT_RTPRIO), else skipped.
"""

from __future__ import annotations

import os
import subprocess
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.audio import priority
from voice.audio.barge_in import BargeIn
from voice.audio.clip import read_wav

from .clip_talker import ClipTalker, read_through
from .rt_priority import may_raise

pytestmark = pytest.mark.audio

ANSWER = "Spasticity means that muscles feel stiff, heavy and difficult to move."


needs_rt = pytest.mark.skipif(not hasattr(os, "sched_setscheduler") or not may_raise(),
                              reason="no permission for real-time priority here")


def _rt_threads() -> set[int]:
    return {t for t in priority.thread_ids() if priority.scheduled_rt(t)}


class _Noting(ClipTalker):
    """Notes, while it speaks, which threads run real-time, and the player's
    callback thread."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.seen: set[int] = set()
        self.player_tids: set[int] = set()
        callback = self.player._callback

        def noted(*a: Any) -> None:
            self.player_tids.add(threading.get_native_id())
            callback(*a)

        self.player._callback = noted  # type: ignore[method-assign]

    @property
    def speaking(self) -> bool:
        self.seen |= _rt_threads()
        return super().speaking


class _Whispering(BargeIn):
    """Barge-in with no listener, noting the thread its Whisper judge runs in."""

    def __init__(self) -> None:
        super().__init__(None)
        self.judge_tid: int | None = None

    def _start_judging(self) -> threading.Thread:
        worker = super()._start_judging()
        self.judge_tid = worker.native_id
        return worker


@pytest.fixture(scope="module")
def answer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wav = tmp_path_factory.mktemp("rt") / "answer.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "170", "-w", str(wav), ANSWER], check=True)
    return wav


def _read(answer: Path) -> tuple[_Noting, _Whispering]:
    barge = _Whispering()
    talker = _Noting(read_wav(answer), ANSWER)
    read_through(barge, talker)
    return talker, barge


@needs_rt
def test_the_stop_path_runs_real_time_while_an_answer_plays(
    virtual_mic: Any, answer: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(priority, "STOP_PATH_RT", 10)
    me = threading.get_native_id()
    talker, barge = _read(answer)
    assert barge.rt_taken
    # barge-in's own thread (here the test's), the player's callback thread,
    # and at least one more: the microphone's (PortAudio's callback).
    assert me in talker.seen, talker.seen
    assert talker.player_tids and talker.player_tids <= talker.seen, (
        talker.player_tids, talker.seen)
    assert talker.seen - talker.player_tids - {me}, talker.seen
    # Whisper's judge keeps its own policy (a decode at real-time would
    # starve everything else).
    assert barge.judge_tid not in talker.seen
    # Put back afterwards.
    assert not priority.scheduled_rt(me)
    assert not _rt_threads()


def test_nothing_is_real_time_when_off(
    virtual_mic: Any, answer: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(priority, "STOP_PATH_RT", 0)
    talker, barge = _read(answer)
    assert not barge.rt_taken
    assert not talker.seen


def test_a_refusal_is_quiet() -> None:
    # A thread that is gone (or one not ours to change): no error, nothing to put back.
    gone = threading.Thread(target=lambda: None)
    gone.start()
    gone.join()
    assert gone.native_id is not None
    restore = priority.raise_threads([gone.native_id], 10)
    restore()
    assert np.isfinite(0.0)  # reached: nothing raised
