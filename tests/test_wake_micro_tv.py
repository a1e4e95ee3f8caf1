"""'okay nabu' under TV talk: the network barely stirs, Whisper still checks it.

Real models throughout (the pinned okay_nabu network, Whisper tiny.en from
models/) and espeak-ng speech; nothing depends on timing. The mixtures are
made as scripts/benchmark_wake.py makes its "tv 10dB" clips: the phrase with
TV talk (another voice reading) 10 dB below it.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.audio.clip import RECOGNIZER_RATE, read_wav
from voice.speech_in.wake.confirm import load_confirmer
from voice.speech_in.wake.micro import SPOT_CUTOFF, load_micro

SILENCE = np.zeros(RECOGNIZER_RATE, np.int16)
#: What the TV says (written for this test, so it does not change with content/).
NEWS = ("Tonight on the news, heavy rain is expected across the north of the country. "
        "Drivers are asked to take care on the roads. In sport, the home team won two to one "
        "after a late goal. And now the weather for the weekend, which looks dry and bright.")
ADVERT = ("Try our new breakfast cereal, with whole grains and real fruit. Available in every "
          "good shop from Monday. Terms and conditions apply. Call now and get a second box "
          "free, while stocks last.")


def _said(tmp_path: Path, text: str, voice: str, rate: int) -> np.ndarray:
    out = tmp_path / f"{voice}-{rate}-{len(text)}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(out), text],
                   check=True, timeout=60)
    return read_wav(out).resampled(RECOGNIZER_RATE).samples.reshape(-1)


def _rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(x.astype(np.float64) ** 2))) + 1e-9


def _under(base: np.ndarray, other: np.ndarray, snr_db: float) -> np.ndarray:
    """``base`` with ``other`` (looped to its length) ``snr_db`` below it."""
    o = np.tile(other.astype(np.float64), 1 + len(base) // len(other))[: len(base)]
    o *= _rms(base) / _rms(o) / 10 ** (snr_db / 20)
    return np.clip(base + o, -32768, 32767).astype(np.int16)


def _wakes(detector: Any, pcm: np.ndarray) -> int:
    detector.reset()
    return sum(detector.feed(pcm[i:i + 480]) for i in range(0, len(pcm), 480))


@pytest.fixture(scope="module")
def confirmer() -> Any:
    found = load_confirmer("okay nabu")
    assert found is not None  # scripts/install.sh installs the Whisper model
    return found


@pytest.mark.parametrize("offset", [20_000, 40_000])
def test_okay_nabu_under_tv_talk_is_caught(tmp_path: Path, confirmer: Any,
                                          offset: int) -> None:
    # The voice the network hears worst (en-029+f4, the three tuning misses
    # of benchmark_wake.py), the news 10 dB down from ``offset`` samples on.
    # The network's mean stays near 0.02-0.03 on the phrase: at the old spot
    # cutoff (0.05) only the TV talk before it was checked.
    phrase = np.concatenate([SILENCE, _said(tmp_path, "okay nabu", "en-029+f4", 120), SILENCE])
    tv = _said(tmp_path, NEWS, "en-us+m3", 160)
    mixed = _under(phrase, tv[offset:], 10.0)
    detector = load_micro("okay nabu", confirmer=confirmer, keep=True)
    assert _wakes(detector, mixed) == 1
    assert any("nabu" in h.lower() for h in confirmer.heard)
    peak = max(p for _path, p, _at in detector.events)
    assert peak < detector.cutoff  # woken by the check, not the network alone
    # The same mixture at the old cutoff: not woken.
    assert _wakes(load_micro("okay nabu", confirmer=confirmer, spot_cutoff=0.05), mixed) == 0


def test_tv_talk_alone_is_checked_but_does_not_wake(tmp_path: Path, confirmer: Any) -> None:
    # Two voices over each other over a low rumble, as the benchmark's TV
    # mixtures (half a minute of it).
    news = _said(tmp_path, NEWS + " " + ADVERT, "en-us", 160)
    advert = _said(tmp_path, ADVERT + " " + NEWS, "en-gb-x-rp+f2", 165)
    both = _under(news, advert, 3.0)
    rng = np.random.default_rng(16)
    noise = np.cumsum(rng.standard_normal(len(both)))  # brown-ish: low rumble
    noise -= np.convolve(noise, np.ones(400) / 400, mode="same")
    tv = _under(both, noise, 20.0)
    assert len(tv) > 20 * RECOGNIZER_RATE
    detector = load_micro("okay nabu", confirmer=confirmer)
    assert detector.spot_cutoff == SPOT_CUTOFF
    assert _wakes(detector, tv) == 0


def test_words_like_it_under_tv_talk_are_checked_and_turned_down(tmp_path: Path,
                                                                   confirmer: Any) -> None:
    # "a kabuki" has the phrase's ending sounds: under the news the network
    # spots it (above the spot cutoff), so Whisper decodes it, and hears
    # other words.
    said = np.concatenate([SILENCE, _said(tmp_path, "a kabuki", "en-us", 120), SILENCE])
    tv = _said(tmp_path, NEWS, "en-us+m3", 160)
    detector = load_micro("okay nabu", confirmer=confirmer)
    assert _wakes(detector, _under(said, tv[20_000:], 10.0)) == 0
    assert detector.confirmations >= 1

