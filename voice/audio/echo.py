"""Echo cancellation: take the assistant's own voice out of the microphone.

While an answer plays, the microphone hears it. To hear the user say "stop"
over it without stopping on its own words, the played samples are kept as a
reference (:class:`EchoReference`, fed by the player's callback with the
time each block reaches the speaker) and speexdsp's adaptive echo canceller
(libspeexdsp, a Debian/Raspberry Pi OS package, used through ctypes)
subtracts their echo from what the microphone records at the same moment.

PulseAudio's module-echo-cancel was tried first: it refuses a microphone
that is the speaker's own monitor ("Can't cancel echo between a sink and its
monitor"), which is the virtual microphone every test here uses, and it
would have to be set up in the user's sound server.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
import time
from collections import deque
from dataclasses import dataclass
from typing import Any

import numpy as np

from voice.audio.clip import RECOGNIZER_RATE

#: speexdsp's frame: 10 ms at 16 kHz.
FRAME = 160
#: Echo tail the adaptive filter models: 300 ms covers a room and the sound
#: server's buffering left over after the timestamps' alignment.
TAIL = 4800
#: The reference is handed over this much earlier than the timestamps say
#: its echo arrives, so an echo a little early still falls inside the filter.
LEAD = 0.06
#: A played block stamped to sound within UNDERRUN_LEAD of being handed over
#: found the output buffer empty: the player had stalled (a loaded machine:
#: its callback not called for 0.3-0.67 s, longer than the 0.25 s it had
#: buffered), the sound server played silence meanwhile, and PortAudio
#: started the stream again. Every later sample sounds that much later than
#: the reference (the stream's first stamp plus the samples played since)
#: said: 0.28 s once, outside the canceller's 0.3 s filter, and the rest of
#: that answer (20 s) was not cancelled at all (0 dB;
#: scripts/barge_in_alignment.py). So when such a block's stamp is more than
#: SLIP off, the reference from it on starts anew at its stamp. Those stamps
#: were within 0.5-9 ms of the echo's true move (276 ms, 118 ms, 2159 ms
#: after a 2.5 s stall); the other blocks' stamps are not to be trusted
#: after a stall (the first blocks handed over after one said 2.5 s where
#: the echo moved 2.16 s, or 0.33 s where it did not move at all), nor
#: otherwise (they wander by up to 25-50 ms). barge-in measures the echo's
#: delay again after each (voice/audio/barge_in.py REALIGN; both off by
#: default, docs/barge-in.md). In 1% of blocks
#: the stamp was within 47-93 ms of being handed over, never nearer but at a
#: stream's start or after a stall.
UNDERRUN_LEAD = 0.01
SLIP = 0.02
#: Slips kept in ``EchoReference.slipped``.
FIGURES = 500

_SPEEX_ECHO_SET_SAMPLING_RATE = 24
_SPEEX_PREPROCESS_SET_DENOISE = 0
_SPEEX_PREPROCESS_SET_ECHO_STATE = 24


def _library() -> Any:
    name = ctypes.util.find_library("speexdsp") or "libspeexdsp.so.1"
    try:
        lib = ctypes.CDLL(name)
    except OSError as e:
        raise EchoUnavailable("libspeexdsp is missing: sudo apt-get install libspeexdsp1") from e
    lib.speex_echo_state_init.restype = ctypes.c_void_p
    lib.speex_echo_state_init.argtypes = [ctypes.c_int, ctypes.c_int]
    lib.speex_echo_ctl.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]
    lib.speex_echo_cancellation.argtypes = [ctypes.c_void_p] + [ctypes.c_void_p] * 3
    lib.speex_echo_state_destroy.argtypes = [ctypes.c_void_p]
    lib.speex_preprocess_state_init.restype = ctypes.c_void_p
    lib.speex_preprocess_state_init.argtypes = [ctypes.c_int, ctypes.c_int]
    lib.speex_preprocess_ctl.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p]
    lib.speex_preprocess_run.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    lib.speex_preprocess_state_destroy.argtypes = [ctypes.c_void_p]
    return lib


class EchoUnavailable(RuntimeError):
    """No echo canceller can run here."""


class SpeexEchoCanceller:
    """speexdsp's echo canceller plus its residual-echo suppressor, 16 kHz mono."""

    def __init__(self, suppress: bool = True) -> None:
        self._lib = lib = _library()
        self._echo = lib.speex_echo_state_init(FRAME, TAIL)
        rate = ctypes.c_int(RECOGNIZER_RATE)
        lib.speex_echo_ctl(self._echo, _SPEEX_ECHO_SET_SAMPLING_RATE, ctypes.byref(rate))
        self._pre: Any = None
        if suppress:
            self._pre = lib.speex_preprocess_state_init(FRAME, RECOGNIZER_RATE)
            lib.speex_preprocess_ctl(self._pre, _SPEEX_PREPROCESS_SET_ECHO_STATE,
                                     ctypes.c_void_p(self._echo))
            off = ctypes.c_int(0)
            lib.speex_preprocess_ctl(self._pre, _SPEEX_PREPROCESS_SET_DENOISE, ctypes.byref(off))
        self._mic = np.zeros(0, dtype=np.int16)
        self._ref = np.zeros(0, dtype=np.int16)

    def process(self, mic: np.ndarray, ref: np.ndarray) -> np.ndarray:
        """Cancel ``ref``'s echo from ``mic`` (same length, int16); whole frames out."""
        self._mic = np.concatenate([self._mic, np.asarray(mic, dtype=np.int16)])
        self._ref = np.concatenate([self._ref, np.asarray(ref, dtype=np.int16)])
        n = min(len(self._mic), len(self._ref)) // FRAME * FRAME
        out = np.empty(n, dtype=np.int16)
        for i in range(0, n, FRAME):
            m = np.ascontiguousarray(self._mic[i : i + FRAME])
            r = np.ascontiguousarray(self._ref[i : i + FRAME])
            o = out[i : i + FRAME]
            self._lib.speex_echo_cancellation(self._echo, m.ctypes.data, r.ctypes.data,
                                              o.ctypes.data)
            if self._pre is not None:
                self._lib.speex_preprocess_run(self._pre, o.ctypes.data)
        self._mic, self._ref = self._mic[n:], self._ref[n:]
        return out

    def close(self) -> None:
        if self._pre is not None:
            self._lib.speex_preprocess_state_destroy(self._pre)
            self._pre = None
        if self._echo is not None:
            self._lib.speex_echo_state_destroy(self._echo)
            self._echo = None


@dataclass
class _Played:
    start: float
    """time.monotonic() at which its first 16 kHz sample reaches the speaker."""
    samples: list[np.ndarray]
    length: int = 0

    def audio(self) -> np.ndarray:
        if len(self.samples) != 1:
            self.samples = [np.concatenate(self.samples) if self.samples
                            else np.zeros(0, np.int16)]
        return self.samples[0]

    def cut(self, n: int) -> np.ndarray:
        """Keep the first ``n`` samples; returns the rest."""
        audio = self.audio()
        self.samples, self.length = [audio[:n]], min(self.length, max(0, n))
        return audio[n:]


class EchoReference:
    """What the speaker played and when, for the echo canceller.

    The player calls :meth:`begin` for each output stream and :meth:`played`
    from its callback; nothing is kept unless :attr:`enabled` (someone is
    listening while the assistant talks).
    """

    def __init__(self, keep_seconds: float = 10.0) -> None:
        self.enabled = False
        self._lock = threading.Lock()
        self._streams: deque[_Played] = deque()
        self._keep = keep_seconds
        self._current: _Played | None = None
        self._resampler: Any = None
        #: (start, end, text) of each sentence played: a "stop" heard while
        #: the assistant itself said "stop" is its own (barge-in).
        self._said: deque[tuple[float, float, str]] = deque()
        #: Monotonic time up to which what the speaker plays has been handed over.
        self._until = 0.0
        #: The current stretch's stamp and the input samples played since it.
        self._anchor = 0.0
        self._frames = 0
        self._rate = RECOGNIZER_RATE
        self.slips = 0
        """Times the played stream slipped and the reference followed (SLIP)."""
        self.slipped: list[float] = []
        """Each slip's size, seconds (benchmark; the last few hundred)."""
        self.moved_at = 0.0
        """Monotonic time from which the last slip's new stretch sounds."""
        self.follow_stalls = False
        """Follow the player after a stall (UNDERRUN_LEAD); barge-in sets it
        (voice/audio/barge_in.py REALIGN)."""

    def handed_until(self) -> float:
        """The monotonic time up to which :meth:`between` has every sample that
        will be played: the player hands each block over when PortAudio asks
        for it, its output latency (~0.3 s with ECHO_LATENCY) before it sounds."""
        with self._lock:
            return self._until

    def begin(self, rate: int) -> None:
        """A new output stream at ``rate`` starts; its first block comes next."""
        with self._lock:
            self._current = None
            self._resampler = None
            self._rate = rate
            if rate != RECOGNIZER_RATE:
                import soxr

                self._resampler = soxr.ResampleStream(rate, RECOGNIZER_RATE, 1, dtype="int16")

    def played(self, block: np.ndarray, at: float) -> None:
        """``block`` (int16 mono) leaves the speaker at monotonic time ``at``."""
        if not self.enabled:
            return
        data = np.asarray(block, dtype=np.int16).reshape(-1)
        with self._lock:
            pcm = self._resampler.resample_chunk(data) if self._resampler else data.copy()
            pcm = np.asarray(pcm, dtype=np.int16).reshape(-1)
            if self._current is None:
                self._current = _Played(at, [])
                self._streams.append(self._current)
                self._anchor, self._frames = at, 0
            self._follow(at, len(data))
            self._current.samples.append(pcm)
            self._current.length += len(pcm)
            self._frames += len(data)
            end = self._current.start + self._current.length / RECOGNIZER_RATE
            self._until = max(self._until, end)
            while len(self._streams) > 1 and (
                    self._streams[0].start + self._streams[0].length / RECOGNIZER_RATE
                    < at - self._keep):
                self._streams.popleft()

    def _follow(self, at: float, frames: int) -> None:
        """The block of ``frames`` input samples stamped ``at`` comes next:
        when it found the output buffer empty (UNDERRUN_LEAD) and its stamp is
        more than SLIP off, the reference from it on starts anew there."""
        assert self._current is not None
        slip = at - (self._anchor + self._frames / self._rate)
        if (not self.follow_stalls or at - time.monotonic() > UNDERRUN_LEAD
                or abs(slip) <= SLIP):
            return
        old = self._current
        start = old.start + old.length / RECOGNIZER_RATE + slip
        # Where a stamp before it overshot, the old stretch ends where this begins.
        old.cut(max(0, round((start - old.start) * RECOGNIZER_RATE)))
        self._current = _Played(start, [])
        self._streams.append(self._current)
        self._anchor, self._frames = at, 0
        self._until = start
        self.moved_at = start
        self.slips += 1
        self.slipped.append(slip)
        del self.slipped[:-FIGURES]

    def said(self, text: str, start: float, seconds: float) -> None:
        """The sentence ``text`` is heard from monotonic time ``start`` for ``seconds``."""
        if not self.enabled or not text:
            return
        with self._lock:
            self._said.append((start, start + seconds, text))
            while self._said and self._said[0][1] < start - self._keep:
                self._said.popleft()

    def texts_between(self, start: float, end: float) -> list[str]:
        """The sentences heard (in part) between monotonic times ``start`` and ``end``."""
        with self._lock:
            return [t for a, b, t in self._said if a < end and b > start]

    def between(self, start: float, n: int) -> np.ndarray:
        """The ``n`` 16 kHz samples played from monotonic time ``start`` on (zeros
        where nothing played)."""
        out = np.zeros(n, dtype=np.int32)
        with self._lock:
            for s in self._streams:
                first = round((start - s.start) * RECOGNIZER_RATE)
                if first >= s.length or first + n <= 0:
                    continue
                audio = s.audio()
                a, b = max(0, first), min(s.length, first + n)
                out[a - first : b - first] += audio[a:b]
        return np.clip(out, -32768, 32767).astype(np.int16)

    def clear(self) -> None:
        with self._lock:
            self._streams.clear()
            self._current = None
            self._said.clear()
            self._until = 0.0


#: The one reference of this process: the player writes, barge-in reads.
REFERENCE = EchoReference()
