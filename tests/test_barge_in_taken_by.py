"""What stopped the answer is named right (`voice listen` says it on stderr).

No sound device: blocks fed as the microphone would feed them, a stop-word
model that fires and a quick look that takes a while, both stand-ins (what
is tested is barge-in's bookkeeping between its two threads, not a model).
"""

from __future__ import annotations

import threading
from collections import deque

import numpy as np

from voice.audio.barge_in import BargeIn
from voice.audio.echo import EchoReference

BLOCK = 320


class _SlowQuickLook:
    """Hears "stop" in any stretch, after a decode's time."""

    def __init__(self) -> None:
        self.started = threading.Event()

    def heard_stop(self, speech: np.ndarray) -> str | None:
        self.started.set()
        threading.Event().wait(0.3)
        return "stop"


class _Spotter:
    """Fires when told to."""

    def __init__(self) -> None:
        self.recent: deque[float] = deque()
        self.fire = False

    def feed(self, pcm: np.ndarray) -> bool:
        return self.fire

    def reset(self) -> None:
        pass


def test_a_decode_ending_after_the_model_stopped_the_answer_does_not_claim_it() -> None:
    reference = EchoReference()
    quick, spotter = _SlowQuickLook(), _Spotter()
    barge = BargeIn(None, reference=reference, quick=quick, spotter=spotter)
    worker = barge._start_judging()
    rng = np.random.default_rng(0)
    voice = (rng.normal(0, 3000, BLOCK)).astype(np.int16)
    quiet = np.zeros(BLOCK, np.int16)
    at = 0.0
    try:
        # A voice for 0.3 s, then a pause: the quick look starts on it...
        for block in [voice] * 15 + [quiet] * 6:
            assert barge.hear(block, block, at) is None
            at += BLOCK / 16000
        assert quick.started.wait(5)
        # ...and while it decodes, the stop-word model fires.
        spotter.fire = True
        assert barge.hear(quiet, quiet, at) == "stop"
        assert barge.taken_by == "stop-word model"
    finally:
        barge._stop_judging(worker)  # lets the decode under way finish
        barge.close()
    assert barge.taken_by == "stop-word model"
