"""Barge-in's milliseconds, counted in audio: blocks and recorded samples.

Through the real virtual microphone (the ``virtual_mic`` fixture's null sink,
whose monitor is the microphone), with the real player, PortAudio and
PulseAudio. Nothing here asserts a wall-clock duration: what is counted is
how many microphone blocks had already arrived when a block was heard, how
many samples each block held when it reached the listeners, and how many
samples of the answer the microphone recorded after it was told to stop.
The figures these guard are measured by
``scripts/benchmark_barge_in.py --trace`` (docs/wake-word.md).
"""

from __future__ import annotations

import statistics
import threading
import time
from collections import deque
from typing import Any

import numpy as np
import pytest

from voice.audio.barge_in import BargeIn, BlockTrace
from voice.audio.clip import RECOGNIZER_RATE, AudioClip
from voice.audio.echo import REFERENCE

from .clip_talker import ClipTalker, read_through

pytestmark = pytest.mark.audio

PLAYER_RATE = 22050
#: A sample louder than this is the tone (silence records as exactly 0).
LOUD = 1000


def _tone(seconds: float) -> AudioClip:
    t = np.arange(int(PLAYER_RATE * seconds)) / PLAYER_RATE
    # A warble, so the echo canceller has something to learn and align on.
    wave = np.sin(2 * np.pi * (400 + 200 * np.sin(2 * np.pi * 3 * t)) * t)
    return AudioClip((8000 * wave).astype(np.int16), PLAYER_RATE)


def test_each_block_is_heard_as_it_arrives(virtual_mic: Any) -> None:
    """Every microphone block reaches the listeners whole (320 samples, not
    held back in a resampler's bursts), and is heard before the next ones
    arrive: before, each was held until the clock passed its reference
    (LEAD, 60 ms, after its end), with 3 newer blocks waiting behind it."""
    barge = BargeIn(None)  # no listener at all: only the path to them is measured
    barge.trace = deque()
    read_through(barge, ClipTalker(_tone(4.0), "a tone"))
    blocks = list(barge.trace)
    assert len(blocks) > 100, len(blocks)
    # Each block as the microphone gave it: 20 ms at 16 kHz, from the sound server.
    assert {round(b.seconds * RECOGNIZER_RATE) for b in blocks} == {320}
    # The first second is held on purpose (the echo's delay is measured on it).
    first = blocks[0].at
    later = [b for b in blocks if b.at > first + 1.5 and b.processed is not None]
    assert len(later) > 50, len(later)
    behind = [_arrived_by(blocks, b) - blocks.index(b) - 1 for b in later]
    assert statistics.median(behind) < 1, behind


def _arrived_by(blocks: list[BlockTrace], block: BlockTrace) -> int:
    """How many blocks had arrived when ``block`` was heard."""
    assert block.processed is not None
    return sum(1 for b in blocks if b.arrived <= block.processed)


def test_stop_silences_the_buffered_answer_at_once(virtual_mic: Any) -> None:
    """While barge-in listens, the player keeps ~0.3 s queued in PortAudio and
    the sound server (so that the echo stays put for the canceller). stop()
    must drop that queue: counted in the microphone's own samples, after the
    block in which stop() was called, at most 2 blocks of the
    answer are still recorded (a stream drained instead of aborted plays the
    rest: 1018-1152 samples more here, against 240-303)."""
    import sounddevice as sd

    recorded: list[np.ndarray] = []
    loud_so_far = [0]
    asked_at: list[int] = []  # the recorded sample count when stop() was called
    ask = threading.Event()

    def callback(indata: np.ndarray, frames: int, _t: Any, _s: Any) -> None:
        block = indata[:, 0].copy()
        recorded.append(block)
        loud_so_far[0] += int(np.count_nonzero(np.abs(block.astype(np.int32)) > LOUD))
        # Half a second of the tone heard: stop, at once (no thread to wake).
        if not ask.is_set() and loud_so_far[0] > RECOGNIZER_RATE // 2:
            asked_at.append(sum(len(b) for b in recorded))
            ask.set()
            talker.stop_speaking()

    REFERENCE.enabled = True  # as while barge-in listens: the player's long buffer
    talker = ClipTalker(_tone(5.0), "a tone")
    stream = sd.InputStream(samplerate=RECOGNIZER_RATE, channels=1, dtype="int16",
                            blocksize=320, callback=callback)
    stream.start()
    try:
        talker.player.start()
        ask.wait(15)
        time.sleep(1.0)  # a second more of recording: the answer would still be playing
    finally:
        stream.close()
        talker.player.close()
        REFERENCE.enabled = False
        REFERENCE.clear()
    assert asked_at, "the tone was never heard"
    audio = np.concatenate(recorded)
    after = audio[asked_at[0]:]
    loud = np.nonzero(np.abs(after.astype(np.int32)) > LOUD)[0]
    played_on = int(loud[-1]) + 1 if len(loud) else 0
    # Within 5 blocks of 20 ms (the block asking, the thread, the abort).
    # Within 2 blocks of 20 ms: 240-303 samples here on a loaded machine; a
    # stream drained (stop() instead of abort()) recorded 1018-1152.
    assert played_on <= 2 * 320, f"{played_on} samples ({played_on / 16:.0f} ms) after the stop"
    # And it was playing until then: the stop, not the clip's end, silenced it.
    assert np.count_nonzero(np.abs(audio[: asked_at[0]].astype(np.int32)) > LOUD) > 8000


def test_only_the_sound_server_is_asked_for_16_khz(monkeypatch: pytest.MonkeyPatch) -> None:
    """ALSA's "default" without a sound server is ALSA's own rate converter
    (crude): then, as for a USB microphone opened directly, barge-in takes
    the device's own rate and resamples it itself."""
    from voice.audio import barge_in, devices

    def dev(name: str) -> devices.AudioDevice:
        return devices.AudioDevice(0, name, 1, 0, 44100)

    usb = dev("USB PnP Sound Device: Audio (hw:1,0)")
    monkeypatch.setattr(devices, "list_devices", lambda: [dev("default"), usb])
    assert not barge_in._from_sound_server(dev("default"))
    assert not barge_in._from_sound_server(usb)
    monkeypatch.setattr(devices, "list_devices", lambda: [dev("default"), dev("pulse"), usb])
    assert barge_in._from_sound_server(dev("default"))
    assert barge_in._from_sound_server(dev("pulse"))
    assert not barge_in._from_sound_server(usb)
