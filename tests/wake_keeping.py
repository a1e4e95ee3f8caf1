"""The real network and confirmer fed a stream, keeping what the detector
asked the confirmer (tests/test_wake28_tv_misses.py, test_wake29_okay_sentences.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from voice.speech_in.wake.confirm import load_confirmer
from voice.speech_in.wake.micro import load_micro


@dataclass
class Keeping:
    """The real confirmer, keeping every spot it was asked about."""

    real: Any
    asked: list[tuple[np.ndarray, list[np.ndarray], float]] = field(default_factory=list)
    shifted: list[tuple[list[list[np.ndarray]], float]] = field(default_factory=list)

    @property
    def strengths(self) -> list[float]:
        return [s for _w, _a, s in self.asked]

    @property
    def slow_retry(self) -> bool:
        """The real confirmer's confirm.SLOW_RETRY: the detector then hands it
        the longer short windows too."""
        return bool(getattr(self.real, "slow_retry", False))

    @property
    def shift_wanted(self) -> bool:
        """The real confirmer asks for its check on shifted short windows
        (confirm.SHIFT_RETRY): the detector then waits and hands them over."""
        return bool(getattr(self.real, "shift_wanted", False))

    def confirms_shifted(self, shifted: Sequence[Sequence[np.ndarray]],
                         strength: float = 0.0) -> bool:
        self.shifted.append(([list(s) for s in shifted], strength))
        return bool(self.real.confirms_shifted(shifted, strength=strength))

    def confirms(self, window: np.ndarray, aligned: Sequence[np.ndarray] = (),
                 strength: float = 0.0, sure: bool = False,
                 slow: Sequence[np.ndarray] = ()) -> bool:
        self.asked.append((window, list(aligned), strength))
        if len(slow):
            return bool(self.real.confirms(window, aligned, strength=strength, sure=sure,
                                           slow=slow))
        return bool(self.real.confirms(window, aligned, strength=strength, sure=sure))


def fed(pcm: np.ndarray, set_up: Callable[[Any], None]) -> tuple[bool, Keeping]:
    """Whether "okay nabu"'s detector woke on ``pcm`` (16 kHz, fed in 30 ms
    blocks), with the real confirmer as ``set_up`` leaves its switches."""
    real = load_confirmer("okay nabu")
    assert real is not None  # scripts/install.sh installs the Whisper model
    set_up(real)
    keeping = Keeping(real)
    detector = load_micro("okay nabu", confirmer=keeping)
    detector.reset()
    woke = False
    for i in range(0, len(pcm), 480):
        woke = bool(detector.feed(pcm[i:i + 480])) or woke
    return woke, keeping


def woke_with(pcm: np.ndarray, **switches: Any) -> tuple[bool, list[Any]]:
    """Whether the detector woke with the real confirmer (its switches as
    given, the rest as shipped), and what the confirmer decoded
    (``confirm.Decoded``)."""
    confirmer: list[Any] = []

    def set_up(real: Any) -> None:
        for name, value in switches.items():
            setattr(real, name, value)
        confirmer.append(real)

    woke, _keeping = fed(pcm, set_up)
    return woke, list(confirmer[0].decodes)
