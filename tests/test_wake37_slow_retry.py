"""A weak spot heard as a slow phrase ("Okay, uh, ...") is checked again on
its windows made faster (session 31, branch wake37, docs/wake-word.md;
confirm.SLOW_RETRY, tempo.py).

Tuning draw 27's en-us at 81 words a minute under the benchmark's TV talk
10 dB down: as it is tiny.en writes "Okay, uh, blue." / "Okay, uh, we'll
end the off." on the 3.5 s window and the floors refuse both spots; its
windows 1.6 times faster say "Okay Nabu." over the floors. Real espeak-ng
audio, the benchmark's mixture, the real okay_nabu network and the real
Whisper tiny.en check (tests/wake_keeping.py). No timing.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from voice.speech_in.wake import confirm
from voice.speech_in.wake.tempo import faster

from .wake_keeping import fed

NABU = confirm.CONFIRMATIONS["okay nabu"]
CLIP = "en-us 90 (81 wpm) tv 10dB"


def test_a_slow_hearing_is_the_first_word_before_a_hesitation() -> None:
    assert confirm.slow_spelled("Okay, uh, blue.", NABU)
    assert confirm.slow_spelled("Okay, uh, we'll end the off.", NABU)
    assert confirm.slow_spelled("OK, um, move.", NABU)
    assert not confirm.slow_spelled("Okay Nabu.", NABU)
    assert not confirm.slow_spelled("Okay, move.", NABU)
    assert not confirm.slow_spelled("Uh, okay.", NABU)
    assert not confirm.slow_spelled("Okay", NABU)


def test_faster_keeps_the_pitch_and_shortens_it() -> None:
    rate = 16000
    t = np.arange(2 * rate) / rate
    tone = (8000 * np.sin(2 * np.pi * 220 * t)).astype(np.int16)
    out = faster(tone, 1.6)
    assert abs(len(out) - len(tone) / 1.6) < 0.02 * rate
    spectrum = np.abs(np.fft.rfft(out[2000:-2000].astype(np.float64)))
    peak_hz = np.argmax(spectrum) * rate / len(out[2000:-2000])
    assert abs(peak_hz - 220) < 5  # resampling would have put it at 352 Hz
    assert np.abs(out[2000:-2000]).max() > 6000  # no cancelling between frames


@pytest.fixture(scope="module")
def slow_under_tv(bench: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    cache: Path = tmp_path_factory.mktemp("wake")
    return next(np.asarray(pcm) for name, pcm in bench.positives("okay nabu", cache, "tune", 27)
                if name == CLIP)


def _run(pcm: np.ndarray, on: bool) -> tuple[bool, list[confirm.Decoded]]:
    confirmer: list[Any] = []

    def set_up(real: Any) -> None:
        real.slow_retry = on
        confirmer.append(real)

    woke, _keeping = fed(pcm, set_up)
    return woke, list(confirmer[0].decodes)


def test_on_as_shipped(slow_under_tv: np.ndarray) -> None:
    assert confirm.SLOW_RETRY is True
    woke, keeping = fed(slow_under_tv, lambda real: None)  # the confirmer voice listen loads
    assert keeping.slow_retry
    assert woke


def test_with_the_retry_the_slow_phrase_wakes(slow_under_tv: np.ndarray) -> None:
    woke, decodes = _run(slow_under_tv, True)
    assert any(d.kind == "slow" for d in decodes)
    assert any(d.kind.startswith("slow_") and confirm.says_phrase(d.text, NABU)
               for d in decodes)
    assert woke


def test_without_it_the_floors_refuse_it(slow_under_tv: np.ndarray) -> None:
    woke, decodes = _run(slow_under_tv, False)
    assert any(confirm.slow_spelled(d.text, NABU) for d in decodes)
    assert not any(d.kind == "slow" for d in decodes)
    assert not woke
