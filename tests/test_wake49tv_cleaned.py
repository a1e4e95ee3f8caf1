"""A weak spot refused after a window heard "okay", checked once more on its
audio cleaned (session 39, branch tvcheck49, docs/wake-word.md;
voice/speech_in/wake/cleaned.py, micro.MicroWakeDetector.clean_retry).

Tuning draw 91's en-029+f4 at 143 wpm under TV talk is spotted (a
provisional spot, low_spot.py) and refused as shipped: the 3.5 s window says
"Okay Nabu. What do you want to be paid?", but the peak check's unprompted
short windows hear the TV ("I do.", "Okay, I'll see you later."). The same
check on the audio with 1-4 kHz raised (cleaned.CLEANING "band") wakes.
Real espeak-ng audio, the real okay_nabu network and the real Whisper
tiny.en check. No timing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from voice.speech_in.wake.cleaned import gated
from voice.speech_in.wake.confirm import CONFIRMATIONS, Decoded, load_confirmer
from voice.speech_in.wake.micro import load_micro

MISSED = "en-029+f4 150 (143 wpm) tv 10dB"


class _Refusing:
    """Refuses every spot, its one decode saying ``heard``; keeps the long windows."""

    def __init__(self, heard: str) -> None:
        self.heard = heard
        self.asked: list[np.ndarray] = []
        self.decodes: list[Decoded] = []
        self.confirmation = CONFIRMATIONS["okay nabu"]
        self.shift_wanted = False

    def confirms(self, window: np.ndarray, aligned: Sequence[np.ndarray] = (),
                 strength: float = 0.0, sure: bool = False) -> bool:
        self.asked.append(np.asarray(window).copy())
        self.decodes.append(Decoded("long", self.heard, -1.0, strength))
        return False


@pytest.fixture(scope="module")
def missed(bench: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    """Tuning draw 91's en-029+f4 phrase at 143 wpm under TV talk."""
    cache: Path = tmp_path_factory.mktemp("draw91")
    return next(np.asarray(pcm) for name, pcm in bench.positives("okay nabu", cache, "tune", 91)
                if name == MISSED)


def _woke(pcm: np.ndarray, confirmer: object, on: bool) -> tuple[bool, int]:
    detector = load_micro("okay nabu", confirmer=confirmer)
    detector.clean_retry = on
    detector.reset()
    woke = False
    for i in range(0, len(pcm), 480):
        woke = bool(detector.feed(pcm[i:i + 480])) or woke
    return woke, detector.cleaned_wakes


def test_refused_as_shipped_it_wakes_on_the_band_raised(missed: np.ndarray) -> None:
    real = load_confirmer("okay nabu")
    assert real is not None  # scripts/install.sh installs the Whisper model
    assert _woke(missed, real, False) == (False, 0)
    real.decodes.clear()
    assert _woke(missed, real, True) == (True, 1), [(d.kind, d.text) for d in real.decodes]


def test_checked_again_only_when_okay_was_heard(missed: np.ndarray) -> None:
    said, other = _Refusing("Okay, I'll see you later."), _Refusing("I do.")
    assert _woke(missed, said, True) == (False, 0)
    assert _woke(missed, other, True) == (False, 0)
    assert other.asked and len(said.asked) == 2 * len(other.asked)
    # The second check hears other audio, of the same length.
    assert len(said.asked[1]) == len(said.asked[0])
    assert not np.array_equal(said.asked[1], said.asked[0])


def test_the_gate_takes_off_a_steady_background() -> None:
    rng = np.random.default_rng(0)
    pcm = rng.normal(0, 1000, 16000 * 4)
    t = np.arange(16000) / 16000
    pcm[32000:48000] += 8000 * np.sin(2 * np.pi * 440 * t)
    pcm = pcm.astype(np.int16)
    out = gated(pcm, 24000)
    assert len(out) == len(pcm)
    assert np.std(out[:24000]) < 0.6 * np.std(pcm[:24000])  # the background alone, -4 dB or more
    assert np.std(out[32000:48000]) > 0.9 * np.std(pcm[32000:48000])  # the tone kept
