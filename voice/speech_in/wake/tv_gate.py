"""A gate that turns down what is much quieter than the loudest voice of the last moment.

The wake phrase is said to the assistant, so it is louder than a TV or a
conversation across the room. microWakeWord's front end takes a running
estimate of the background per frequency band and divides it out; under
TV talk that estimate is the TV's, so the phrase's own bands come out
weak, and the network hears "okay nabu" 10 dB over TV talk poorly (the
misses left, docs/wake-word.md). This gate turns down by :data:`ATTENUATION`
every 10 ms frame that is more than :data:`BELOW` under the loudest frame of
the last :data:`HOLD` seconds: between and around the phrase's syllables
the TV is then nearly silent, as it is around a phrase said in a quiet
room. The phrase itself, the loudest thing, passes unchanged. Causal, and
costs a few microseconds per frame.
"""

from __future__ import annotations

from collections import deque

import numpy as np

#: 10 ms at 16 kHz: the frame the gate decides on (the front end's step).
FRAME = 160
#: A frame this many dB under the loudest of the last HOLD seconds is turned down.
BELOW = 12.0
#: ...by this many dB.
ATTENUATION = 20.0
#: Seconds the loudest frame is remembered.
HOLD = 1.5


class LoudestGate:
    """Feed int16 audio; get it back, frames much quieter than the recent loudest turned down."""

    def __init__(self, below: float = BELOW, attenuation: float = ATTENUATION,
                 hold: float = HOLD) -> None:
        self.below = below
        self.gain = 10 ** (-attenuation / 20)
        self._levels: deque[float] = deque(maxlen=max(1, int(hold * 100)))
        self._rest = np.zeros(0, dtype=np.int16)

    def reset(self) -> None:
        self._levels.clear()
        self._rest = np.zeros(0, dtype=np.int16)

    def process(self, pcm: np.ndarray) -> np.ndarray:
        """The gated audio of every whole frame so far (a partial frame waits)."""
        data = np.concatenate([self._rest, np.asarray(pcm, dtype=np.int16).reshape(-1)])
        whole = len(data) // FRAME * FRAME
        self._rest = data[whole:]
        if not whole:
            return np.zeros(0, dtype=np.int16)
        frames = data[:whole].astype(np.float64).reshape(-1, FRAME)
        levels = 10 * np.log10(np.mean(frames ** 2, axis=1) + 1.0)
        out = frames.copy()
        for i, level in enumerate(levels):
            self._levels.append(float(level))
            if level < max(self._levels) - self.below:
                out[i] *= self.gain
        return np.clip(out.reshape(-1), -32768, 32767).astype(np.int16)


def gated_copy(pcm: np.ndarray) -> np.ndarray:
    """All of ``pcm`` gated by a fresh gate (the last partial frame as it is)."""
    data = np.asarray(pcm, dtype=np.int16).reshape(-1)
    gate = LoudestGate()
    out = gate.process(data)
    return np.concatenate([out, data[len(out):]])
