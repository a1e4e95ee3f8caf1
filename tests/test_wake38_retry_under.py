"""The slow retry's reach: a weak spot whose prompted window wrote "Okay
Nabu." under its floor is checked again on its windows made faster too
(session 32, branch wake38, docs/wake-word.md; confirm.RETRY_UNDER).

Tuning draw 23's en-us+m3 at 88 words a minute under the benchmark's TV
talk 10 dB down: tiny.en writes "Okay Nabu." on the short windows under
their floor (and no "okay" before a hesitation, so the shipped retry leaves
it); 1.6 times faster the check passes. Real espeak-ng audio, the
benchmark's mixture, the real okay_nabu network and the real Whisper tiny.en
check (tests/wake_keeping.py). No timing.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from voice.speech_in.wake import confirm

from .wake_keeping import fed

NABU = confirm.CONFIRMATIONS["okay nabu"]
CLIP = "en-us+m3 90 (88 wpm) tv 10dB"


@pytest.fixture(scope="module")
def slow_under_tv(bench: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    cache: Path = tmp_path_factory.mktemp("wake")
    return next(np.asarray(pcm) for name, pcm in bench.positives("okay nabu", cache, "tune", 23)
                if name == CLIP)


_CPU = pytest.mark.xfail(strict=False, reason=(
    "CPU-dependent: chosen where tiny.en wrote 'Okay Nabu.' under the floors on this clip; on "
    "an AMD EPYC (family 25 model 17, AVX-512, CTranslate2's AVX2 path; 2026-12-06) no slow "
    "retry is made and the clip does not wake (on 65f7afc too)"))


def _run(pcm: np.ndarray, under: bool) -> tuple[bool, list[confirm.Decoded]]:
    confirmer: list[Any] = []

    def set_up(real: Any) -> None:
        real.slow_retry = True
        real.retry_under = under
        confirmer.append(real)

    woke, _keeping = fed(pcm, set_up)
    return woke, list(confirmer[0].decodes)


@_CPU
def test_with_the_wider_retry_it_wakes(slow_under_tv: np.ndarray) -> None:
    woke, decodes = _run(slow_under_tv, True)
    retried = [d for d in decodes if d.kind == "slow"]
    assert retried
    assert all(d.strength < confirm.FAIRLY_SURE for d in retried)
    assert any(d.kind.startswith("slow_") and confirm.says_phrase(d.text, NABU)
               for d in decodes)
    assert woke


def test_without_it_the_floors_refuse_it(slow_under_tv: np.ndarray) -> None:
    woke, decodes = _run(slow_under_tv, False)
    prompted = [d for d in decodes if d.kind in ("long", "short0", "short1")]
    assert any(confirm.says_phrase(d.text, NABU) for d in prompted)  # under the floors
    assert not any(confirm.slow_spelled(d.text, NABU) for d in prompted)
    assert not any(d.kind == "slow" for d in decodes)
    assert not woke


@pytest.fixture(scope="module")
def caregiver_okay(bench: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    """The okay-everyday tuning stream of reader 5 (en-029+m4) at 110 wpm, its
    first 8.1 s: "Okay, move." and the start of "Okay, move it." (the
    benchmark's cut around the spot at 3.09 s)."""
    cache: Path = tmp_path_factory.mktemp("okay")
    voice, _rate = bench.READERS[5]
    gap = np.zeros(int(bench.OKAY_GAP * 16000), dtype=np.int16)
    parts = [gap]
    for said in bench.okay_everyday("tune")[:2]:
        parts += [bench._espeak(said, voice, bench.SLOW_RATE, cache), gap]
    return np.concatenate(parts)[:int(8.09 * 16000)]


def _under(pcm: np.ndarray, words: bool) -> tuple[bool, list[confirm.Decoded]]:
    confirmer: list[Any] = []

    def set_up(real: Any) -> None:
        real.slow_retry = real.retry_under = True
        real.retry_under_words = words
        confirmer.append(real)

    woke, _keeping = fed(pcm, set_up)
    return woke, list(confirmer[0].decodes)


def test_a_bare_okay_at_the_peak_does_not_wake_a_retried_spot(caregiver_okay: np.ndarray) -> None:
    """Made faster, the caregiver's "Okay, move." says "Okay Nabu." over the
    floor; at the peak tiny.en hears "Okay" and nothing after it: without
    RETRY_UNDER_WORDS that passes the peak check and wakes it."""
    woke, decodes = _under(caregiver_okay, True)
    assert any(d.kind == "slow" for d in decodes)
    assert not woke
    woke, decodes = _under(caregiver_okay, False)
    assert woke


@_CPU
def test_on_as_shipped(slow_under_tv: np.ndarray) -> None:
    assert confirm.RETRY_UNDER is True and confirm.RETRY_UNDER_WORDS is True
    woke, keeping = fed(slow_under_tv, lambda real: None)  # the confirmer voice listen loads
    assert keeping.real.retry_under and keeping.real.retry_under_words
    assert woke


def test_tuning_draw_1s_slow_phrase_under_tv_talk_wakes_as_shipped() -> None:
    """tests/data/wake-spots' en-us+m3 at 93 wpm under TV talk (tuning draw 1,
    missed by the floors: test_wake_floor.py) is caught by the wider retry."""
    from voice.audio.clip import read_wav

    from .conftest import REPO

    pcm = read_wav(REPO / "tests" / "data" / "wake-spots" / "tv_okay_nabu_en-us+m3_93.wav")
    woke, keeping = fed(pcm.samples.reshape(-1), lambda real: None)
    assert any(d.kind == "slow" for d in keeping.real.decodes)
    assert woke
