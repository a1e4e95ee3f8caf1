"""The wake check is told how sure the network was of each spot, and a floor
for short windows that follows it (tried: off by default, as it woke on
other speech; docs/wake-word.md).

Real models throughout (the pinned okay_nabu network, Whisper tiny.en from
models/) on espeak-ng speech under TV talk (tests/data/wake-spots/) and a
real recording; no timing asserts.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

from voice.audio.clip import RECOGNIZER_RATE, read_wav
from voice.speech_in.wake.confirm import (
    ALIGNED_LOGPROB,
    RETRY_UNDER,
    STRONG_ALIGNED_LOGPROB,
    STRONG_FLOOR,
    STRONG_SPOT,
    load_confirmer,
)
from voice.speech_in.wake.micro import load_micro

from .conftest import REPO

SPOTS = REPO / "tests" / "data" / "wake-spots"


def _wakes(detector: Any, pcm: np.ndarray) -> int:
    detector.reset()
    return sum(detector.feed(pcm[i:i + 480]) for i in range(0, len(pcm), 480))


def _heard(decoded: Any) -> str:
    return f"{decoded.kind} {decoded.text!r} ({decoded.avg_logprob:.2f}, {decoded.strength:.2f})"


@pytest.fixture(scope="module")
def confirmer() -> Any:
    found = load_confirmer("okay nabu")
    assert found is not None  # scripts/install.sh installs the Whisper model
    return found


@pytest.fixture(scope="module")
def tv_phrase() -> np.ndarray:
    # Tuning draw 1 of benchmark_wake.py: "okay nabu" by espeak-ng en-us+m3
    # at 93 wpm under TV talk 10 dB down, missed before this floor.
    return read_wav(SPOTS / "tv_okay_nabu_en-us+m3_93.wav").samples.reshape(-1)


@pytest.fixture
def strong_floor(confirmer: Any) -> Iterator[Any]:
    """The confirmer with the strong spots' floor on, for one test."""
    confirmer.strong_floor = True
    yield confirmer
    confirmer.strong_floor = STRONG_FLOOR


def test_the_strong_floor_is_off_by_default(confirmer: Any, tv_phrase: np.ndarray) -> None:
    # It woke on other speech (fresh draws, seeds 28 and 30): a phrase under
    # TV talk that only it catches is left missed.
    assert not STRONG_FLOOR and not confirmer.strong_floor
    detector = load_micro("okay nabu", confirmer=confirmer)
    first = len(confirmer.decodes)
    # Since session 32 (branch wake38) confirm.RETRY_UNDER catches this slow
    # phrase (its windows made faster); the floor is measured without it.
    confirmer.retry_under = False
    try:
        assert _wakes(detector, tv_phrase) == 0
    finally:
        confirmer.retry_under = RETRY_UNDER
    said = [d for d in confirmer.decodes[first:] if "okay nabu" in d.text.lower()]
    assert said and all(d.avg_logprob < ALIGNED_LOGPROB for d in said), \
        [_heard(d) for d in confirmer.decodes[first:]]


def test_with_the_strong_floor_a_strong_spot_under_tv_talk_wakes_it(
    strong_floor: Any, tv_phrase: np.ndarray
) -> None:
    confirmer = strong_floor
    assert _wakes(load_micro("okay nabu"), tv_phrase) == 0  # the network alone
    detector = load_micro("okay nabu", confirmer=confirmer)
    first = len(confirmer.decodes)
    assert _wakes(detector, tv_phrase) == 1
    decoded = confirmer.decodes[first:]
    said = [d for d in decoded if "okay nabu" in d.text.lower()]
    shown = [_heard(d) for d in decoded]
    assert said, shown
    # The network was sure of the spot, and the short window that woke it
    # was heard less surely than a weak spot's short window must be.
    assert said[-1].kind.startswith("short"), shown
    assert said[-1].strength >= STRONG_SPOT, shown
    assert STRONG_ALIGNED_LOGPROB <= said[-1].avg_logprob < ALIGNED_LOGPROB, shown


class _Weaker:
    """The real check, told the network was less sure than it was."""

    def __init__(self, confirmer: Any) -> None:
        self.confirmer = confirmer

    def confirms(self, window: np.ndarray, aligned: Any = (), strength: float = 0.0) -> bool:
        return bool(self.confirmer.confirms(window, aligned, strength=min(strength, 0.1)))


def test_the_same_window_after_a_weak_spot_does_not_wake_it(
    strong_floor: Any, tv_phrase: np.ndarray
) -> None:
    confirmer = strong_floor
    # The same audio and the same Whisper decodes, but a spot the network was
    # unsure of (0.1, under STRONG_SPOT): its short windows need -0.3, as
    # before, since other speech came out "Okay Nabu." at -0.40 to -0.47 on
    # short windows (docs/wake-word.md).
    detector = load_micro("okay nabu", confirmer=_Weaker(confirmer))
    first = len(confirmer.decodes)
    assert _wakes(detector, tv_phrase) == 0
    assert any("okay nabu" in d.text.lower() for d in confirmer.decodes[first:])


def test_the_spot_strength_is_the_networks_highest_mean(confirmer: Any) -> None:
    # A real person's "okay nabu": the network is sure of it (its mean goes
    # above 0.8). With its own wake cutoff out of reach every wake goes
    # through the check, which is told how sure the network was.
    pcm = read_wav(REPO / "tests" / "data" / "real" / "wake" / "okay_nabu_pymicro_1.wav")
    said = pcm.resampled(RECOGNIZER_RATE).samples.reshape(-1)
    silence = np.zeros(RECOGNIZER_RATE, np.int16)
    said = np.concatenate([silence, said, silence])
    seen: list[float] = []

    class Recording(_Weaker):
        def confirms(self, window: np.ndarray, aligned: Any = (),
                     strength: float = 0.0) -> bool:
            seen.append(strength)
            return bool(self.confirmer.confirms(window, aligned, strength=strength))

    detector = load_micro("okay nabu", confirmer=Recording(confirmer), cutoff=1.0)
    assert _wakes(detector, said) == 1  # cutoff 1.0: never the network alone
    assert len(seen) == 1 and 0.8 < seen[0] <= 1.0, seen
