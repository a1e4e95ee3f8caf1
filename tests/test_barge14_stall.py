"""The echo is cancelled again after the machine stalls mid-answer.

On a loaded machine (or a Raspberry Pi) the player's callback is now and
then not called for longer than the 0.25 s it keeps buffered: the sound
server plays silence meanwhile, and every later sample of the answer sounds
that much later than the echo reference said. Before, the reference went on
as if nothing had happened, the echo fell outside the canceller's filter,
and the rest of the answer was not cancelled at all (0 dB): the assistant's
own voice masked a "stop" and went to Whisper as a voice in the room.

Here the stall is made on demand: a child process stops this whole process
(SIGSTOP) for 0.6 s while an espeak-ng answer plays through the real
virtual microphone (PulseAudio, PortAudio, speexdsp), as a starved machine
stops every thread at once while the sound server plays on. What is counted
is how far the echo was cancelled, block by block, before and after.
"""

from __future__ import annotations

import os
import statistics
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.audio import barge_in
from voice.audio.barge_in import BargeIn, _db
from voice.audio.clip import read_wav
from voice.audio.echo import REFERENCE

from .clip_talker import ClipTalker

pytestmark = pytest.mark.audio

ANSWER = ("Multiple sclerosis is a condition of the brain and spinal cord. "
          "Spasticity means that muscles feel stiff, heavy and difficult to move. "
          "Stretching every day, physical therapy and some medications can help. "
          "Speak with your care team before changing any treatment. "
          "Many people find that warmth, rest and regular exercise ease the stiffness.")
#: Seconds into the answer at which the process is stopped, and for how long.
STALL_AT = 5.0
STALL = 0.6


class _Listening(BargeIn):
    """Barge-in with no listener, noting how far each block's echo was cancelled."""

    def __init__(self) -> None:
        super().__init__(None)
        self.blocks: list[tuple[float, float]] = []  # (microphone time, dB taken off)

    def hear(self, mic: np.ndarray, clean: np.ndarray, at: float) -> str | None:
        if _db(mic) > 50:  # the echo is there (not a pause between sentences)
            self.blocks.append((at, _db(mic) - _db(clean)))
        return super().hear(mic, clean, at)


@pytest.fixture(scope="module")
def answer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wav = tmp_path_factory.mktemp("stall") / "answer.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "160", "-w", str(wav), ANSWER], check=True)
    return wav


def _read(barge: _Listening, answer: Path, stall: bool) -> float:
    """Play the answer while barge-in listens; returns when the stall ended
    (monotonic; 0 without one)."""
    import time

    talker = ClipTalker(read_wav(answer), ANSWER)
    ended = 0.0
    try:
        talker.player.start()
        if stall:
            subprocess.Popen(["sh", "-c", f"sleep {STALL_AT}; kill -STOP {os.getpid()}; "
                                          f"sleep {STALL}; kill -CONT {os.getpid()}"])
            ended = time.monotonic() + STALL_AT + STALL
        barge.watch(talker)
    finally:
        talker.player.close()
    return ended


def test_the_echo_is_cancelled_again_after_a_stall(
    virtual_mic: Any, answer: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Off by default (self-stops not yet understood: docs/barge-in.md).
    monkeypatch.setattr(barge_in, "REALIGN", True)
    barge = _Listening()
    try:
        _read(barge, answer, stall=False)  # the canceller learns the echo
        first = len(barge.blocks)
        ended = _read(barge, answer, stall=True)
    finally:
        barge.close()
    blocks = barge.blocks[first:]
    before = [db for at, db in blocks if at < ended - STALL - 0.5]
    # From a second after the stall ended (the time to measure the echo's delay again).
    after = [db for at, db in blocks if at > ended + 1.0]
    # The first 1.5 s after it: following the player's stamp alone (REALIGN
    # off), the canceller had to learn the echo again (its stamp is good to
    # 0.5-9 ms, and 13 samples off cancel nothing).
    soon = [db for at, db in blocks if ended + 0.5 < at < ended + 2.0]
    assert len(before) > 50 and len(after) > 200 and len(soon) > 20, (
        len(before), len(after), len(soon))
    b, a, s = statistics.median(before), statistics.median(after), statistics.median(soon)
    # Before the fix: 0 dB after the stall, for the rest of the answer.
    assert a >= 15, (b, a, s)
    assert a >= b - 10, (b, a, s)
    assert s >= 15, (b, a, s)
    assert REFERENCE.slips >= 1, "the player's stall was seen"
