"""The session's first answer: a canceller that has heard nothing yet.

Real libspeexdsp, the real microWakeWord "stop" model, real espeak-ng speech,
fed block by block (no sound device). The microphone is the answer's echo as
the virtual microphone has it (the same level, 62.5 ms later) plus another
voice saying "stop" 1.3-3 s in, while speexdsp's filter is still learning
the echo: the held first second is learned from first (WARM_UP_PASSES).
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.audio.barge_in import BargeIn
from voice.audio.clip import read_wav
from voice.audio.echo import LEAD, EchoReference

from .conftest import REPO

RATE = 16000
BLOCK = 320  # 20 ms, as the microphone delivers it
ANSWER = ("Neuromuscular disorders affect the nerves that control voluntary muscles. "
          "Assistive devices, such as braces, wheelchairs, or adaptive utensils, improve "
          "mobility and independence, making daily tasks easier and safer.")
#: espeak-ng's voices of scripts/benchmark_barge_in.py, and when each says "stop".
VOICES = (("en+f3", 150), ("en-us+m3", 120), ("en-gb-x-rp+f2", 170), ("en-us", 150))
SAID_AT = (1.3, 2.0, 2.8)


def _speech(folder: Path, text: str, voice: str, rate: int) -> np.ndarray:
    wav = folder / f"{voice}-{rate}-{len(text)}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(wav), text],
                   check=True, timeout=30)
    return read_wav(wav).resampled(RATE).samples.reshape(-1).astype(np.int16)


@pytest.fixture(scope="module")
def spotter() -> Any:
    from voice.speech_in.wake.stop_word import STOP_MODEL, load_stop_spotter

    found, problem = load_stop_spotter(REPO / "models" / STOP_MODEL, check="hiss")
    assert found is not None, problem
    return found


def _caught(own: np.ndarray, stop: np.ndarray, at: float, spotter: Any) -> bool:
    """Whether a fresh barge-in's stop-word model takes ``stop`` said ``at`` s
    into the first answer, by 0.3 s after the word."""
    reference = EchoReference()
    reference.enabled = True
    reference.begin(RATE)
    reference.played(own, at=0.0)
    delay = 1000
    mic = np.concatenate([np.zeros(delay), own[:-delay]])
    i0 = int(at * RATE)
    mic[i0 : i0 + len(stop)] += stop
    mic16 = np.clip(mic, -32768, 32767).astype(np.int16)
    barge = BargeIn(None, reference=reference, spotter=spotter)
    spotter.reset()
    canceller = barge.canceller()
    try:
        # What watch() does once the first second is in: measure, and learn.
        barge.start_answer(mic16[:RATE], -LEAD)
        for i in range(0, min(len(own), i0 + len(stop) + RATE) - BLOCK, BLOCK):
            clean = canceller.process(mic16[i : i + BLOCK], own[i : i + BLOCK])
            if barge.hear(mic16[i : i + BLOCK], clean, i / RATE) == "stop":
                return i0 <= i + BLOCK <= i0 + len(stop) + 0.3 * RATE
        return False
    finally:
        barge.close()


def test_a_stop_early_in_the_first_answer_is_heard(tmp_path: Path, spotter: Any) -> None:
    own = _speech(tmp_path, ANSWER, "en-us", 175)
    caught = []
    for voice, rate in VOICES:
        stop = _speech(tmp_path, "stop", voice, rate)
        caught += [_caught(own, stop, at, spotter) for at in SAID_AT]
    # From a canceller that learns only as it goes: 4 of these 12.
    assert sum(caught) >= 10, caught
