"""A louder copy heard beside the audio as it is (micro.BESIDE_GAIN; session 23, branch wake24).

Session 22 let the network hear the audio twice as loud *instead of* as it
is: under TV talk it spotted a real person's "okay nabu" (okay_nabu_pymicro_1)
0.12 s sooner, Whisper's 3.5 s window, ending 0.5 s after the spot, then held
more TV talk and refused it. Beside the audio as it is, a spot the louder
copy makes first waits for the audio as it is to spot too, and then every
window is the one it alone would have decoded; and the louder copy's means
do not count towards the spot's strength (3x louder that clip reaches 0.53,
as it is 0.11: it would have been "fairly sure", confirm.FAIRLY_SURE, and
skipped the peak check). Real espeak-ng TV talk (the benchmark's mixture)
and the real okay_nabu network; a recording confirmer stands in for Whisper.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from types import ModuleType

import numpy as np
import pytest

from voice.speech_in.wake.confirm import FAIRLY_SURE
from voice.speech_in.wake.micro import BESIDE_GAIN, load_micro


@dataclass
class Recording:
    """Refuses every spot; keeps what it was asked to decode."""

    calls: list[tuple[np.ndarray, list[np.ndarray], float]] = field(default_factory=list)

    def confirms(self, window: np.ndarray, aligned: Sequence[np.ndarray] = (),
                 strength: float = 0.0, sure: bool = False) -> bool:
        self.calls.append((np.array(window), [np.array(a) for a in aligned], strength))
        return False


def _first_spot(pcm: np.ndarray, **overrides: float) -> tuple[np.ndarray, list[np.ndarray], float]:
    confirmer = Recording()
    detector = load_micro("okay nabu", confirmer=confirmer, **overrides)  # type: ignore[arg-type]
    detector.reset()
    for i in range(0, len(pcm), 480):
        detector.feed(pcm[i:i + 480])
    assert confirmer.calls, "never spotted"
    return confirmer.calls[0]


@pytest.fixture(scope="module")
def tv_phrase(bench: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    clips = dict(bench.real_positives("okay nabu", tmp_path_factory.mktemp("wake")))
    return np.asarray(clips["okay_nabu_pymicro_1.wav tv 10dB"])


def test_the_louder_copy_alone_spots_sooner(tv_phrase: np.ndarray) -> None:
    # Why the copy's spot must not set the windows: heard 3x louder *instead*,
    # the window would end sooner than the one the audio as it is gives.
    as_is, _, _ = _first_spot(tv_phrase, beside_gain=0.0)
    instead, _, _ = _first_spot(tv_phrase, beside_gain=0.0, input_gain=3.0)
    assert not np.array_equal(as_is, instead)


def test_beside_the_windows_are_those_of_the_audio_as_it_is(tv_phrase: np.ndarray) -> None:
    window, aligned, strength = _first_spot(tv_phrase, beside_gain=0.0)
    b_window, b_aligned, b_strength = _first_spot(tv_phrase, beside_gain=3.0)
    assert np.array_equal(window, b_window)
    assert all(np.array_equal(a, b) for a, b in zip(aligned, b_aligned, strict=True))
    assert b_strength == pytest.approx(strength)


def test_the_louder_copy_does_not_make_a_spot_fairly_sure(tv_phrase: np.ndarray) -> None:
    # 3x louder the network is fairly sure of this phrase (0.53), as it is not (0.11):
    # beside it, the spot is checked like any spot (the peak check), not by the floors alone.
    assert _first_spot(tv_phrase, beside_gain=0.0, input_gain=3.0)[2] >= FAIRLY_SURE
    assert _first_spot(tv_phrase, beside_gain=3.0)[2] < FAIRLY_SURE


def test_on_by_default_with_a_second_stage_only() -> None:
    # voice listen's detector (engine.py: load_micro with the Whisper check) hears
    # the louder copy; the network alone (no second stage) does not.
    assert BESIDE_GAIN == 3.0
    with_check = load_micro("okay nabu", confirmer=Recording())
    assert with_check.beside_gain == 3.0 and len(with_check.gated) == 3
    assert not load_micro("okay nabu").gated
