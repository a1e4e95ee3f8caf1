"""The cleaned re-check's own, stricter decision (session 40, branch
tvstrict50, docs/wake-word.md; cleaned.STRICT, cleaned.strict_passes,
micro.MicroWakeDetector.clean_strict).

With the re-check on, both false wakes of fresh seeds 420-422 came through it:
its whole check passed on the long window's or the peak check's fit while no
short window of the cleaned copy said the phrase. The stricter decision asks
for "Okay Nabu" on one of its prompted short windows. The decodes below are
those recorded live (benchmark_wake.py --decodes, the rows after the "clean"
marker); the tuning phrase is real espeak-ng audio through the real
okay_nabu network and Whisper tiny.en. No timing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from voice.speech_in.wake.cleaned import strict_passes
from voice.speech_in.wake.confirm import CONFIRMATIONS, Decoded, load_confirmer
from voice.speech_in.wake.micro import load_micro

OKAY_NABU = CONFIRMATIONS["okay nabu"]

#: Seed 420, en-gb-x-rp+f2 at 5.7 min ("Okay, so what is..."): woke through the re-check.
SEED_420 = [("long", "Okay Nabu.", -0.677), ("short0", "What is...", -1.3),
            ("short1", "Okay, so what is...", -1.299), ("peak0", "What is...", -1.347),
            ("align0", "What is...", 0.612), ("peak1", "Thank you.", -1.065),
            ("align1", "Thank you.", 0.286)]
#: Seed 422, en-029+m4 at 7.0 min ("For Monday, I'll be back."): woke through it.
SEED_422 = [("long", "Okay Nabu will attack ZB cup for Monday afternoon. Okay.", -0.699),
            ("short0", "Nabu.", -0.933), ("short1", "For Monday, I'll be back.", -1.2),
            ("peak0", "Thank you.", -1.03), ("align0", "Thank you.", -0.375),
            ("peak1", "for Monday afternoon.", -0.562), ("align1", "for Monday afternoon.", 1.248)]
#: Tuning draw 91's en-029+f4 at 143 wpm under TV talk, woken through it.
DRAW_91 = [("long", "Okay Nabu. What do you want to be paid?", -0.517),
           ("short0", "I do not need one.", -0.94), ("short1", "Okay Nabu.", -0.592),
           ("peak0", "I do want to be more.", -1.175), ("align0", "I do want to be more.", 3.15),
           ("peak1", "Thank you.", -0.935), ("align1", "Thank you.", 0.222)]
#: Tuning draw 69's en-029+f4 at 85 wpm under TV talk: "Okay Nabu." on the slowed windows.
DRAW_69 = [("long", "Right.", -1.191), ("short0", "Okay Nabu.", -0.511),
           ("short1", "Okay Nabu.", -0.785), ("slow", "", 1.6),
           ("slow_short0", "Okay Nabu.", -0.449), ("peak0", "Okay, now.", -1.085),
           ("align0", "Okay, now.", -0.511)]
GAIN = "en-029+f4 90 (85 wpm) tv 10dB"


def _rows(rows: Sequence[tuple[str, str, float]]) -> list[Decoded]:
    return [Decoded(kind, text, score, 0.0) for kind, text, score in rows]


def test_the_false_wake_spots_refused_the_tuning_gains_kept() -> None:
    assert not strict_passes(_rows(SEED_420), OKAY_NABU)
    assert not strict_passes(_rows(SEED_422), OKAY_NABU)
    assert strict_passes(_rows(DRAW_91), OKAY_NABU)
    assert strict_passes(_rows(DRAW_69), OKAY_NABU)


class _SecondPasses:
    """Refuses the first check (its long window "Okay."), passes the second
    (the cleaned copy's), its decodes ``second``."""

    def __init__(self, second: Sequence[tuple[str, str, float]]) -> None:
        self.second = second
        self.calls = 0
        self.decodes: list[Decoded] = []
        self.confirmation = OKAY_NABU
        self.shift_wanted = False

    def confirms(self, window: np.ndarray, aligned: Sequence[np.ndarray] = (),
                 strength: float = 0.0, sure: bool = False) -> bool:
        self.calls += 1
        if self.calls % 2:
            self.decodes.append(Decoded("long", "Okay.", -1.15, strength))
            return False
        self.decodes.extend(_rows(self.second))
        return True


@pytest.fixture(scope="module")
def gain(bench: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    """Tuning draw 69's en-029+f4 phrase at 85 wpm under TV talk."""
    cache: Path = tmp_path_factory.mktemp("draw69")
    return next(np.asarray(pcm) for name, pcm in bench.positives("okay nabu", cache, "tune", 69)
                if name == GAIN)


def _woke(pcm: np.ndarray, confirmer: object) -> tuple[bool, int]:
    detector = load_micro("okay nabu", confirmer=confirmer)
    detector.clean_retry = True
    detector.reset()
    woke = False
    for i in range(0, len(pcm), 480):
        woke = bool(detector.feed(pcm[i:i + 480])) or woke
    return woke, detector.cleaned_wakes


def test_a_cleaned_pass_without_the_phrase_on_a_short_window_is_refused(
        gain: np.ndarray) -> None:
    assert _woke(gain, _SecondPasses(SEED_422)) == (False, 0)
    assert _woke(gain, _SecondPasses(DRAW_69)) == (True, 1)


def test_a_tuning_gain_still_wakes_through_it(gain: np.ndarray) -> None:
    real = load_confirmer("okay nabu")
    assert real is not None  # scripts/install.sh installs the Whisper model
    assert _woke(gain, real) == (True, 1), [(d.kind, d.text) for d in real.decodes]
