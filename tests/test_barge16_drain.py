"""The end of an answer is heard, whatever the player's buffer.

While barge-in listens the player keeps ECHO_LATENCY buffered. The ALSA
pulse plugin takes a whole buffer at once and PortAudio counts it as played;
stopping the stream at the end then dropped what the sound server still
held: with 1 s, a short answer ("Okay.", 0.73 s) was not heard at all
(branch barge15). Now the player plays silence for its latency before it
stops (voice/speech_out/output.py DRAIN). Real espeak-ng clip, real
PortAudio, the virtual microphone (the sink's monitor) as the listener.
"""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.audio.clip import read_wav
from voice.audio.echo import REFERENCE
from voice.speech_out import output
from voice.speech_out.output import ClipPlayer

pytestmark = pytest.mark.audio

RATE = 16000
LOUD = 1000


def _loud_seconds(x: np.ndarray, rate: int) -> float:
    """Seconds of 10 ms frames with a loud sample in them."""
    step = rate // 100
    frames = x[: len(x) // step * step].reshape(-1, step)
    return float(np.sum(np.abs(frames.astype(np.int32)).max(axis=1) > LOUD)) / 100


@pytest.fixture(scope="module")
def okay(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wav = tmp_path_factory.mktemp("drain") / "okay.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "160", "-w", str(wav),
                    "Okay. Stretching helps."], check=True)
    return wav


def _heard(clip_path: Path) -> tuple[float, float]:
    """Loud seconds of the clip itself, and of what the microphone heard of it."""
    import sounddevice as sd

    clip = read_wav(clip_path)
    blocks: list[np.ndarray] = []

    def cb(indata: np.ndarray, frames: int, t: Any, status: Any) -> None:
        blocks.append(indata[:, 0].copy())

    with sd.InputStream(samplerate=RATE, channels=1, dtype="int16", blocksize=320, callback=cb):
        time.sleep(0.3)
        player = ClipPlayer(clip.rate)
        try:
            player.start()
            player.feed(clip, "Okay. Stretching helps.")
            player.finish()
            assert player.wait(15)
        finally:
            player.close()
        time.sleep(1.5)  # whatever still comes
    heard = np.concatenate(blocks)
    return _loud_seconds(clip.samples.reshape(-1), clip.rate), _loud_seconds(heard, RATE)


@pytest.mark.parametrize("latency", [0.25, 1.0])
def test_a_short_answer_is_heard_to_its_end(
    virtual_mic: Any, okay: Path, latency: float, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(output, "ECHO_LATENCY", latency)
    monkeypatch.setattr(REFERENCE, "enabled", True)  # as while barge-in listens
    try:
        said, heard = _heard(okay)
    finally:
        REFERENCE.clear()
    # Before: 1 s played 0.0 s of "Okay." (barge15); the whole clip now.
    assert heard >= 0.9 * said, (said, heard)


def test_stop_still_silences_at_once(
    virtual_mic: Any, okay: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The silence after the last clip must not keep a stopped answer going.
    monkeypatch.setattr(output, "ECHO_LATENCY", 1.0)
    monkeypatch.setattr(REFERENCE, "enabled", True)
    clip = read_wav(okay)
    player = ClipPlayer(clip.rate)
    try:
        player.start()
        player.feed(clip, "Okay.")
        player.finish()
        threading.Timer(0.2, player.stop).start()
        assert player.wait(5)
    finally:
        player.close()
        REFERENCE.clear()
