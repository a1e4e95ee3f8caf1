"""Barge-in: hear "stop" (or the wake phrase) while the assistant talks.

While an answer plays, the microphone is open; the assistant's own voice is
taken out of it by the echo canceller (voice/audio/echo.py, with the played
samples as reference) and what is left is searched for "stop" and the wake
phrase. On either, the answer is silenced at once.

The assistant must never stop itself, so a spot counts only when

* the canceller had converged just before it (the echo was cancelled by
  CONVERGED_DB or more): at the start of each answer it needs about a second;
* something the canceller could not explain was there (a voice in the room
  is not cancelled: the cleaned signal comes within GATE_DB of the raw one);
* the same spotter did not fire on what was being played (its own "stop").
"""

from __future__ import annotations

import contextlib
import queue
import time
from collections import deque
from collections.abc import Callable
from typing import Any, Protocol

import numpy as np

from voice.audio import devices
from voice.audio.clip import RECOGNIZER_RATE
from voice.audio.echo import LEAD, REFERENCE, EchoUnavailable, SpeexEchoCanceller
from voice.speech_in.wake.spotter import KeywordSpotter

#: The word that stops an answer.
STOP_WORD = "stop"
#: kws threshold and phone-loop penalty for "stop" (benchmark_barge_in.py).
STOP_THRESHOLD = 1e-20
STOP_LOOP_PENALTY = 1e-5
#: A "stop" is the assistant's own when the same spotter, run on what it was
#: playing, fired this many seconds before (or with) the microphone's spot.
OWN_WORD_SECONDS = 0.8
#: Something not cancelled must have been heard in the last GATE_SECONDS:
#: the cleaned signal within GATE_DB of the raw microphone.
GATE_DB = -8.0
GATE_SECONDS = 0.6
#: The canceller counts as converged when the echo was cancelled by at least
#: this much (median) over CONVERGED_SECONDS before the gate window.
CONVERGED_DB = 15.0
CONVERGED_SECONDS = 1.0
#: Raw level (dB of int16 power) above which a block counts as sound.
_SOUND = 50.0


class Talker(Protocol):
    """What barge-in needs of the assistant."""

    @property
    def speaking(self) -> bool: ...

    def stop_speaking(self) -> None: ...

    def wait(self) -> None: ...


class WakeFeed(Protocol):
    def reset(self) -> None: ...

    def feed(self, pcm: np.ndarray) -> bool: ...


class BargeIn:
    """Watches the microphone while the assistant talks.

    Creating it makes the player keep what it plays (voice/audio/echo.py);
    :meth:`close` ends that.
    """

    def __init__(self, device: str = "", wake: WakeFeed | None = None,
                 stop_threshold: float = STOP_THRESHOLD) -> None:
        self.device = device
        self.wake = wake
        self.spotter = KeywordSpotter({STOP_WORD: stop_threshold}, STOP_LOOP_PENALTY)
        # The same spotter on the reference: what it finds there is our own voice.
        self.own = KeywordSpotter({STOP_WORD: stop_threshold}, STOP_LOOP_PENALTY)
        REFERENCE.enabled = True
        #: Kept from answer to answer: the echo path hardly changes, and a
        #: canceller that starts from nothing needs seconds to converge.
        self._canceller: SpeexEchoCanceller | None = None
        #: (cleaned - raw) dB of each recent block; NaN for quiet ones.
        self._diffs: deque[float] = deque()
        self._block = 0.02
        self._own_at = -1e9
        self._fed = 0.0
        self.stopped_at: float | None = None
        """time.monotonic() when the last answer was stopped (benchmark)."""
        self.refused = {"converging": 0, "echo only": 0, "own word": 0}
        """Spots refused, by reason (benchmark)."""
        self.cancelled_db: list[float] = []
        """How far the echo was cancelled, per block with sound (benchmark)."""

    def watch(self, talker: Talker, block_seconds: float = 0.02) -> str | None:
        """Until ``talker`` stops speaking: None, or what interrupted it
        ("stop" or "wake"), after stopping it."""
        self.stopped_at = None
        if not talker.speaking:
            return None
        try:
            if self._canceller is None:
                self._canceller = SpeexEchoCanceller()
        except EchoUnavailable:
            talker.wait()
            return None
        canceller = self._canceller
        blocks: queue.Queue[tuple[float, np.ndarray]] = queue.Queue()
        try:
            dev = devices.find_input_device(self.device)
            stream = _open(dev, block_seconds, blocks)
        except Exception:  # no microphone: the answer plays to its end
            talker.wait()
            return None
        self.spotter.reset()
        self.own.reset()
        self._own_at, self._fed = -1e9, 0.0
        self._diffs.clear()
        self._block = block_seconds
        if self.wake is not None:
            self.wake.reset()
        resampler = _resampler(dev.default_rate)
        at: float | None = None
        try:
            stream.start()
            while talker.speaking:
                try:
                    t, block = blocks.get(timeout=0.05)
                except queue.Empty:
                    continue
                pcm = resampler(block) if resampler else block
                if at is None:
                    at = t
                # The reference must have been handed to the player up to here.
                ready = at + LEAD + len(pcm) / RECOGNIZER_RATE
                while time.monotonic() < ready and talker.speaking:
                    time.sleep(0.005)
                ref = REFERENCE.between(at + LEAD, len(pcm))
                at += len(pcm) / RECOGNIZER_RATE
                clean = canceller.process(pcm, ref)
                heard = self._hear(pcm, ref, clean)
                if heard is not None:
                    talker.stop_speaking()
                    self.stopped_at = time.monotonic()
                    return heard
            return None
        finally:
            with contextlib.suppress(Exception):
                stream.close()

    def _hear(self, mic: np.ndarray, ref: np.ndarray, clean: np.ndarray) -> str | None:
        n = min(len(mic), len(clean))
        raw_db = _db(mic[:n])
        diff = _db(clean[:n]) - raw_db if n and raw_db > _SOUND else float("nan")
        if not np.isnan(diff):
            self.cancelled_db.append(-diff)
        self._diffs.append(diff)
        keep = round((GATE_SECONDS + CONVERGED_SECONDS) / self._block)
        while len(self._diffs) > keep:
            self._diffs.popleft()
        if self.own.feed(ref):
            self._own_at = self._fed
        self._fed += len(clean) / RECOGNIZER_RATE
        heard = None
        if self.spotter.feed(clean):
            heard = "stop"
        elif self.wake is not None and self.wake.feed(clean):
            heard = "wake"
        if heard is None:
            return None
        diffs = list(self._diffs)
        gate = round(GATE_SECONDS / self._block)
        before = [d for d in diffs[:-gate] if not np.isnan(d)]
        recent = [d for d in diffs[-gate:] if not np.isnan(d)]
        # Too little of the answer heard yet to know: the canceller has not
        # been seen to converge (the first answers' self-stops came at 0.6-1.1 s).
        enough = len(before) >= CONVERGED_SECONDS / self._block / 2
        if not enough or -float(np.median(before)) < CONVERGED_DB:
            self.refused["converging"] += 1
        elif recent and max(recent) < GATE_DB:
            self.refused["echo only"] += 1
        elif heard == "stop" and self._fed - self._own_at <= OWN_WORD_SECONDS:
            self.refused["own word"] += 1
        else:
            return heard
        return None

    def close(self) -> None:
        REFERENCE.enabled = False
        REFERENCE.clear()
        if self._canceller is not None:
            self._canceller.close()
            self._canceller = None


def _db(x: np.ndarray) -> float:
    if not len(x):
        return 0.0
    return 10 * float(np.log10(float(np.mean(x.astype(np.float64) ** 2)) + 1.0))


def _open(dev: devices.AudioDevice, block_seconds: float,
          blocks: queue.Queue[tuple[float, np.ndarray]]) -> Any:
    import sounddevice as sd

    def callback(indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        # When the block's first sample entered the microphone, on the clock
        # the player stamps its blocks with.
        at = time.monotonic() - (time_info.currentTime - time_info.inputBufferAdcTime)
        blocks.put((at, indata[:, 0].copy()))

    return sd.InputStream(device=dev.index, samplerate=dev.default_rate, channels=1,
                          dtype="int16", blocksize=max(1, int(dev.default_rate * block_seconds)),
                          callback=callback)


def _resampler(rate: int) -> Callable[[np.ndarray], np.ndarray] | None:
    if rate == RECOGNIZER_RATE:
        return None
    import soxr

    stream = soxr.ResampleStream(rate, RECOGNIZER_RATE, 1, dtype="int16")
    return lambda block: np.asarray(stream.resample_chunk(block), dtype=np.int16).reshape(-1)
