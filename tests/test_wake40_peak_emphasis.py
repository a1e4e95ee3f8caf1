"""The peak check's second hearing with the speech band raised (session 34,
branch wake40, docs/wake-word.md; confirm.PEAK_EMPHASIS, emphasis.py).

Tuning draw 53's en-029+f4 at 149 words a minute under the benchmark's TV
talk 10 dB down: the prompted windows say "Okay Nabu." over their floors, but
tiny.en's unprompted decodes at the peak write the TV's words ("I'm going to
hit that button.", "Okay, now, I'm gonna hit that man, keep..." 2.27 nats a
token from the phrase's best spelling), which the peak check refuses; with
1-4 kHz raised the second writes "Okay, now, okay." (0.74) and the spot
wakes. Real espeak-ng audio, the benchmark's mixture, the real okay_nabu
network and the real Whisper tiny.en check (tests/wake_keeping.py). No timing.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from voice.speech_in.wake import confirm
from voice.speech_in.wake.emphasis import emphasised

from .wake_keeping import fed

NABU = confirm.CONFIRMATIONS["okay nabu"]
CLIP = "en-029+f4 150 (149 wpm) tv 10dB"
DRAW = 53


def _level(pcm: np.ndarray, hz: float) -> float:
    spectrum = np.abs(np.fft.rfft(pcm.astype(np.float64)))
    freqs = np.fft.rfftfreq(len(pcm), 1 / 16000)
    return float(spectrum[np.argmin(np.abs(freqs - hz))])


def test_the_speech_band_is_raised_four_times_against_the_rest() -> None:
    t = np.arange(16000) / 16000
    pcm = (8000 * (np.sin(2 * np.pi * 250 * t) + np.sin(2 * np.pi * 2000 * t))).astype(np.int16)
    out = emphasised(pcm)
    assert out.dtype == np.int16 and len(out) == len(pcm)
    before = _level(pcm, 2000) / _level(pcm, 250)
    after = _level(out, 2000) / _level(out, 250)
    assert after / before == pytest.approx(4.0, rel=0.02)
    assert int(np.abs(out).max()) <= 32767 * 0.9 + 1  # head room, no clipping
    assert not emphasised(np.zeros(0, dtype=np.int16)).size


@pytest.fixture(scope="module")
def under_tv(bench: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    cache: Path = tmp_path_factory.mktemp("wake")
    return next(np.asarray(pcm) for name, pcm in bench.positives("okay nabu", cache, "tune", DRAW)
                if name == CLIP)


def _run(pcm: np.ndarray, emphasis: bool) -> tuple[bool, list[confirm.Decoded]]:
    confirmer: list[Any] = []

    def set_up(real: Any) -> None:
        real.peak_emphasis = emphasis
        # The scrap guard of any length, as when this was measured: since
        # session 36 (confirm.SCRAP_MAX_WORDS) the clip's plain peak "I'm going
        # to hit that button." is no scrap and wakes it without the emphasis.
        real.scrap_max_words = None
        confirmer.append(real)

    woke, _keeping = fed(pcm, set_up)
    return woke, list(confirmer[0].decodes)


def test_with_the_emphasis_it_wakes(under_tv: np.ndarray) -> None:
    woke, decodes = _run(under_tv, True)
    heard = [d for d in decodes if d.kind.startswith("epeak")]
    assert any(confirm.has_first_word(d.text, NABU) and confirm.peak_says(d.text, NABU)
               for d in heard)
    assert woke


def test_without_it_the_peak_check_refuses_it(under_tv: np.ndarray) -> None:
    woke, decodes = _run(under_tv, False)
    assert any(d.kind.startswith("peak") for d in decodes)  # the floors passed
    assert not any(d.kind.startswith("epeak") for d in decodes)
    assert not woke


def test_okay_ha_counts_at_the_peak_only_with_the_laugh_lever() -> None:
    laughs = confirm.PEAK_LAUGHS
    assert confirm.peak_says("Okay, ha.", NABU, laughs=laughs)
    assert confirm.peak_says("Okay, hah!", NABU, laughs=laughs)
    assert not confirm.peak_says("Okay, ha.", NABU)
    assert not confirm.peak_says("Okay, hi there.", NABU, laughs=laughs)
    assert not confirm.slow_spelled("Okay, ha, blue.", NABU)  # the retry's trigger untouched


@pytest.fixture(scope="module")
def laugh_over_pink(bench: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    """Tuning draw 57's en-029+f4 at 139 wpm over pink noise 10 dB down:
    prompted "Okay Nabu." over the floors, unprompted "Okay, ha." at the peak
    on both short windows (draw 41's at 132 wpm, the same, wakes under the
    tests' backend through "Okay, um." on the other window)."""
    cache: Path = tmp_path_factory.mktemp("laugh")
    return next(np.asarray(pcm) for name, pcm in bench.positives("okay nabu", cache, "tune", 57)
                if name == "en-029+f4 150 (139 wpm) pink 10dB")


def _laugh(pcm: np.ndarray, laugh: bool) -> tuple[bool, list[confirm.Decoded]]:
    confirmer: list[Any] = []

    def set_up(real: Any) -> None:
        real.peak_emphasis = False
        real.peak_laugh = laugh
        real.shift_retry = False  # which catches it without "ha" (session 37)
        confirmer.append(real)

    woke, _keeping = fed(pcm, set_up)
    return woke, list(confirmer[0].decodes)


def test_a_laugh_after_okay_at_the_peak_wakes_with_the_lever(laugh_over_pink: np.ndarray) -> None:
    woke, decodes = _laugh(laugh_over_pink, True)
    assert woke
    woke, decodes = _laugh(laugh_over_pink, False)
    assert any(d.kind.startswith("peak") and "ha" in confirm._WORD.findall(d.text.lower())
               for d in decodes)
    assert not woke


def test_laugh_on_as_shipped(laugh_over_pink: np.ndarray) -> None:
    # The emphasis is on too since session 35 (tests/test_wake42_emphasis_on.py).
    assert confirm.PEAK_LAUGH is True and confirm.PEAK_EMPHASIS is True
    woke, keeping = fed(laugh_over_pink, lambda real: None)  # the confirmer voice listen loads
    assert keeping.real.peak_laugh and keeping.real.peak_emphasis
    assert woke


def test_the_same_words_emphasised_do_not_pass() -> None:
    """Seed 255's real "okay" (tests/test_wake27_scrap_guard.py's clip, its
    margin held to 1.6 there): plain "Okay, any comments?" at 1.67, refused;
    emphasised the same words at 1.33, which would pass: a re-roll of the
    likelihood check, not other words heard."""
    from .test_wake27_scrap_guard import MARGIN, STRENGTH, _windows

    long, aligned = _windows()
    found = confirm.load_confirmer("okay nabu")
    assert found is not None
    found.align_margin = MARGIN
    found.peak_emphasis = True
    assert not found.confirms(long, aligned, strength=STRENGTH)
