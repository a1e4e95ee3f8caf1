"""A third copy of the audio, six times as loud, beside the two the spotter
hears (session 27, branch wake31, docs/wake-word.md; micro.BESIDE_THIRD_GAIN).

Tuning draw 25's en-us+f2 at 127 words a minute under the benchmark's TV
talk 10 dB down: the network's best mean while the phrase is said is 0.028
as it is and 0.039 three times as loud (under the spot cutoff 0.05: Whisper
never hears it), 0.230 six times as loud (scripts/wake_network_gain.py).
Real espeak-ng audio, the benchmark's mixture and the real okay_nabu
network; no Whisper (a second stage that records the spots and refuses
them). No timing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from voice.speech_in.wake import micro
from voice.speech_in.wake.micro import load_micro

CLIP = "en-us+f2 120 (127 wpm) tv 10dB"


class Refusing:
    """A second stage that keeps how many spots it was asked about."""

    def __init__(self) -> None:
        self.asked = 0

    def confirms(self, window: np.ndarray, aligned: Sequence[np.ndarray] = (),
                 strength: float = 0.0, sure: bool = False) -> bool:
        self.asked += 1
        return False


@pytest.fixture(scope="module")
def under_tv(bench: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    cache: Path = tmp_path_factory.mktemp("wake")
    return next(np.asarray(pcm) for name, pcm in bench.positives("okay nabu", cache, "tune", 25)
                if name == CLIP)


def _spots(pcm: np.ndarray, third: float) -> tuple[int, int]:
    """(spots handed to the second stage, of them made by the third copy first)."""
    stage = Refusing()
    detector = load_micro("okay nabu", confirmer=stage, beside_third=third,
                          low_cutoff=0.0)  # the provisional spots off (low_spot.py)
    detector.reset()
    for i in range(0, len(pcm), 480):
        detector.feed(pcm[i:i + 480])
    return stage.asked, detector.third_first


def test_two_copies_never_spot_it(under_tv: np.ndarray) -> None:
    assert _spots(under_tv, third=0.0) == (0, 0)


def test_the_third_copy_spots_it(under_tv: np.ndarray) -> None:
    asked, third_first = _spots(under_tv, third=6.0)
    assert asked >= 1
    assert third_first == asked  # the audio as it is and x3 never spot it


def test_the_third_copy_adds_three_networks() -> None:
    stage = Refusing()
    three = load_micro("okay nabu", confirmer=stage, beside_third=6.0)
    assert len(three.third) == len(micro.SPEEDS)
    assert not load_micro("okay nabu", confirmer=stage, beside_third=0.0).third
