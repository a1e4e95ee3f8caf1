"""tv_gate.py: frames much quieter than the loudest of the last moment are turned down."""

from __future__ import annotations

import numpy as np

from voice.speech_in.wake.tv_gate import FRAME, LoudestGate, gated_copy


def _tone(seconds: float, amplitude: float) -> np.ndarray:
    t = np.arange(int(seconds * 16000)) / 16000
    return (amplitude * np.sin(2 * np.pi * 440 * t)).astype(np.int16)


def _db(x: np.ndarray) -> float:
    return float(10 * np.log10(np.mean(x.astype(np.float64) ** 2) + 1.0))


def test_the_loud_voice_passes_and_what_is_far_under_it_is_turned_down() -> None:
    loud, quiet = _tone(0.5, 10000), _tone(0.5, 1000)  # 20 dB apart
    out = gated_copy(np.concatenate([loud, quiet]))
    assert np.array_equal(out[:len(loud)], loud)
    assert _db(out[len(loud):]) < _db(quiet) - 19


def test_a_voice_near_the_loudest_is_left_alone() -> None:
    loud, near = _tone(0.5, 10000), _tone(0.5, 5000)  # 6 dB apart
    out = gated_copy(np.concatenate([loud, near]))
    assert np.array_equal(out, np.concatenate([loud, near]))


def test_the_loudest_is_forgotten_after_its_hold() -> None:
    # A quiet room after the loud voice has gone: after 1.5 s the quiet talk
    # is the loudest again and passes.
    loud, quiet = _tone(0.5, 10000), _tone(3.0, 1000)
    out = gated_copy(np.concatenate([loud, quiet]))
    tail = out[-16000:]
    assert np.array_equal(tail, quiet[-16000:])


def test_streaming_in_any_blocks_is_the_same_as_all_at_once() -> None:
    x = np.concatenate([_tone(0.4, 12000), _tone(0.7, 800), _tone(0.3, 6000)])
    gate = LoudestGate()
    parts = [gate.process(x[i:i + 480]) for i in range(0, len(x), 480)]
    streamed = np.concatenate(parts)
    assert len(streamed) == len(x) // FRAME * FRAME
    assert np.array_equal(streamed, gated_copy(x)[:len(streamed)])
    gate.reset()
    assert np.array_equal(gate.process(x)[:len(streamed)], streamed)
