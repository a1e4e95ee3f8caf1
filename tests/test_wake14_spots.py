"""MicroWakeDetector.spots counts wakes once each (the benchmarks read it).

With Whisper checking the network's sure wakes (micro.CHECK_SURE), a sure
wake was counted when the network went above its cutoff and again when
Whisper confirmed it, and a sure spot Whisper refused was counted though
nothing woke. Real microWakeWord model and real Whisper tiny.en, on clips
played into the virtual microphone and recorded from it. No timing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from voice.audio.clip import RECOGNIZER_RATE, read_wav
from voice.audio.virtual_mic import VirtualMic
from voice.speech_in.wake.micro import SPEEDS, Decision

from .test_wake13_sure_check import REAL, _espeak, _through

BLOCK = 320  # 20 ms


def _fed(detector: Any, pcm: np.ndarray) -> tuple[int, bool]:
    """Wakes feed() said, and whether the network itself went above its cutoff."""
    detector.reset()
    detector.spots = 0
    woke = sum(detector.feed(pcm[i:i + BLOCK]) for i in range(0, len(pcm), BLOCK))
    network = Decision(detector.cutoff, detector.window, len(SPEEDS))
    return woke, network.count(list(detector.events)) > 0


def test_each_wake_is_counted_once_also_when_the_network_was_sure(
    virtual_mic: VirtualMic, okay_nabu_detector: Any
) -> None:
    clips = sorted(REAL.glob("okay_nabu_*.wav"))
    assert len(clips) == 4
    counted = {}
    sure = 0
    for wav in clips:
        pcm = read_wav(wav).resampled(RECOGNIZER_RATE).samples.reshape(-1)
        woke, network_sure = _fed(okay_nabu_detector, _through(virtual_mic, pcm))
        sure += network_sure
        counted[wav.name] = (woke, okay_nabu_detector.spots)
    assert sure >= 2, counted  # real people's clean phrases: the network is sure of most
    assert sum(woke >= 1 for woke, _ in counted.values()) >= 2, counted
    assert all(spots == woke for woke, spots in counted.values()), counted


def test_a_sure_spot_whisper_refuses_is_not_counted(
    virtual_mic: VirtualMic, okay_nabu_detector: Any, tmp_path: Path
) -> None:
    # The network alone woke on this question said after quiet (fresh seed
    # 63, branch wake12); Whisper hears no "okay" in it and refuses it.
    sure = 0
    for rate in (120, 160):
        pcm = _through(virtual_mic, _espeak(tmp_path, "what is a nerve conduction study",
                                            "en", rate))
        woke, network_sure = _fed(okay_nabu_detector, pcm)
        sure += network_sure
        assert (woke, okay_nabu_detector.spots) == (0, 0), f"en {rate} wpm"
    assert sure >= 1
