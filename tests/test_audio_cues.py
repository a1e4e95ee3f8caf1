"""Audible cues: well-formed tones, and really played into the virtual sink."""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import pytest

from voice.audio import cues
from voice.audio.cues import CUES, cue, play_cue


def dominant_hz(samples: np.ndarray, rate: int) -> float:
    spec = np.abs(np.fft.rfft(samples.astype(np.float64) * np.hanning(len(samples))))
    return float(np.fft.rfftfreq(len(samples), 1.0 / rate)[int(np.argmax(spec))])


@pytest.mark.parametrize("name", sorted(CUES))
def test_cue_is_audible_short_and_click_free(name: str) -> None:
    clip = cue(name)
    assert clip.channels == 1 and clip.samples.dtype == np.int16
    assert 0.1 <= clip.duration <= 0.6  # short: the user is not kept waiting
    assert clip.rms() > 0.1  # clearly audible
    assert np.abs(clip.samples).max() <= int(0.3 * 32767) + 1  # but not startling
    # Faded in and out: the first and last samples are near zero, no click.
    edge = int(0.002 * clip.rate)
    assert np.abs(clip.samples[:edge]).max() < 1500
    assert np.abs(clip.samples[-edge:]).max() < 1500


def test_listening_rises_stopped_falls_error_is_low() -> None:
    def halves(name: str) -> tuple[float, float]:
        c = cue(name)
        n = len(c.samples) // 2
        return dominant_hz(c.samples[:n], c.rate), dominant_hz(c.samples[n:], c.rate)

    first, second = halves("listening")
    assert first < second
    first, second = halves("stopped")
    assert first > second
    c = cue("error")
    assert dominant_hz(c.samples, c.rate) < 400
    assert dominant_hz(c.samples, c.rate) < min(halves("listening"))


def test_unknown_cue_is_refused() -> None:
    with pytest.raises(ValueError, match="known cues"):
        cue("bogus")


def test_cue_is_heard_on_the_virtual_microphone(virtual_mic: Any) -> None:
    import sounddevice as sd

    got: list[np.ndarray] = []

    def rec(indata: np.ndarray, *_: object) -> None:
        got.append(indata[:, 0].copy())

    with sd.InputStream(samplerate=16000, channels=1, dtype="int16", callback=rec):
        time.sleep(0.3)
        assert play_cue("listening", blocking=True) is True
        time.sleep(0.4)
    audio = np.concatenate(got).astype(np.float64) / 32768.0
    assert float(np.sqrt(np.mean(audio**2))) > 0.01
    assert 600 < dominant_hz(np.concatenate(got), 16000) < 950


def test_non_blocking_cue_returns_at_once(virtual_mic: Any) -> None:
    t = time.monotonic()
    assert play_cue("stopped", blocking=False) is True
    assert time.monotonic() - t < 0.25
    time.sleep(0.5)


def test_missing_speaker_is_noted_once_and_not_raised(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, virtual_mic: Any
) -> None:
    monkeypatch.setattr(cues, "_note_printed", False)
    assert play_cue("error", device="no-such-speaker") is False
    assert play_cue("error", device="no-such-speaker") is False
    err = capsys.readouterr().err
    assert err.count("cannot play sound cues") == 1
    assert "no-such-speaker" in err


def test_a_blocking_cue_on_a_sink_that_takes_no_audio_returns(virtual_mic: Any) -> None:
    # A suspended sink (or a hung sound server) never finishes the cue. Before,
    # the blocking cue ("error", or "listening" in `voice adapt`) waited for
    # ever, and the assistant with it.
    import subprocess
    import threading

    from voice.audio.virtual_mic import SINK

    def suspend(on: bool) -> None:
        subprocess.run(["pactl", "suspend-sink", SINK, "1" if on else "0"],
                       env=virtual_mic.env, check=True, capture_output=True, timeout=10)

    done = threading.Event()
    suspend(True)
    try:
        t = time.monotonic()
        threading.Thread(target=lambda: (play_cue("error", blocking=True), done.set()),
                         daemon=True).start()
        assert done.wait(cue("error").duration + cues.CUE_STALL + 10), "the cue hung"
        assert time.monotonic() - t >= cues.CUE_STALL  # it did wait for the speaker
    finally:
        suspend(False)
    # The sink back: cues play and finish again.
    t = time.monotonic()
    assert play_cue("stopped", blocking=True) is True
    assert time.monotonic() - t < cue("stopped").duration + cues.CUE_STALL
