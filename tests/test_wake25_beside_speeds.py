"""The louder copy heard at other speeds than the audio as it is
(micro.BESIDE_SPEEDS; session 24, branch wake25).

The network was trained on phrases said at an everyday pace; it hears the
audio as it is and with feature frames dropped (1.33 and 1.67 times faster,
micro.SPEEDS), and since session 23 a copy three times as loud at the same
speeds. A slow espeak-ng en-029+f4 (tuning draw 23, 92 words a minute)
under the benchmark's TV talk 10 dB down stays under the spot cutoff on all
six, so Whisper never hears it; the louder copy heard twice as fast spots
it (0.15). Real
espeak-ng audio, the benchmark's mixture and the real okay_nabu network; a
recording confirmer stands in for Whisper.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from voice.speech_in.wake.micro import SPEEDS, load_micro

CLIP = "en-029+f4 90 (92 wpm) tv 10dB"


@dataclass
class Recording:
    """Refuses every spot; counts the spots it was asked to decode."""

    calls: list[float] = field(default_factory=list)

    def confirms(self, window: np.ndarray, aligned: Sequence[np.ndarray] = (),
                 strength: float = 0.0, sure: bool = False) -> bool:
        self.calls.append(strength)
        return False


def _spots(pcm: np.ndarray, **overrides: Any) -> int:
    confirmer = Recording()
    detector = load_micro("okay nabu", confirmer=confirmer, **overrides)
    detector.reset()
    for i in range(0, len(pcm), 480):
        detector.feed(pcm[i:i + 480])
    return len(confirmer.calls)


@pytest.fixture(scope="module")
def slow_under_tv(bench: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    cache: Path = tmp_path_factory.mktemp("wake")
    for name, pcm in bench.positives("okay nabu", cache, "tune", 23):
        if name == CLIP:
            return np.asarray(pcm)
    raise AssertionError(f"no clip {CLIP!r} in tuning draw 23")


def test_slow_under_tv_talk_is_never_spotted_at_the_same_speeds(
        slow_under_tv: np.ndarray) -> None:
    assert _spots(slow_under_tv, beside_gain=3.0, beside_speeds=SPEEDS) == 0


def test_the_louder_copy_twice_as_fast_spots_it(slow_under_tv: np.ndarray) -> None:
    # Dropped when content/README.md's edit redrew the TV talk under this
    # phrase (the spot went); back since session 25 pinned the benchmark's
    # sentences (tests/data/wake-sentences/) to the list this draw was made
    # from. The lever stays off (micro.BESIDE_SPEEDS).
    assert _spots(slow_under_tv, beside_gain=3.0, beside_speeds=(*SPEEDS, 2.0)) >= 1


def test_the_copy_has_a_network_per_speed() -> None:
    detector = load_micro("okay nabu", confirmer=Recording(), beside_gain=3.0,
                          beside_speeds=(1.0, 1.33, 1.67, 2.0))
    assert len(detector.gated) == 4
    assert [p.speed for p in detector._gated_paths] == [1.0, 1.33, 1.67, 2.0]
