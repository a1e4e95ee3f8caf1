"""The silence gate in front of PocketSphinx (pure numpy)."""

from __future__ import annotations

import numpy as np

from voice.speech_in.gate import FRAME, SpeechGate

RATE = 16000


def tone(seconds: float, amp: float = 3000.0) -> np.ndarray:
    t = np.arange(int(RATE * seconds)) / RATE
    return (amp * np.sin(2 * np.pi * 220 * t)).astype(np.int16)


def hiss(seconds: float, amp: float = 20.0, seed: int = 1) -> np.ndarray:
    return (np.random.default_rng(seed).standard_normal(int(RATE * seconds)) * amp).astype(
        np.int16
    )


def run(gate: SpeechGate, x: np.ndarray, block: int = 1600) -> np.ndarray:
    parts = [gate.push(x[i : i + block]) for i in range(0, len(x), block)]
    return np.concatenate([*parts, gate.flush()])


def test_long_silences_are_cut_to_the_margin() -> None:
    x = np.concatenate([hiss(2.0), tone(1.0), hiss(3.0)])
    out = run(SpeechGate(margin=0.2), x)
    # 1 s of speech + about 0.2 s either side (frame-rounded)
    assert abs(len(out) / RATE - 1.4) < 0.05
    assert np.array_equal(out[int(0.2 * RATE) : int(0.2 * RATE) + 3200],
                          x[int(2.0 * RATE) : int(2.0 * RATE) + 3200])


def test_pauses_inside_speech_are_shortened_not_removed() -> None:
    x = np.concatenate([hiss(0.5), tone(0.5), hiss(2.0, seed=2), tone(0.5), hiss(0.5, seed=3)])
    out = run(SpeechGate(margin=0.2), x)
    # 0.2 + 0.5 + (0.2 + 0.2) + 0.5 + 0.2
    assert abs(len(out) / RATE - 1.8) < 0.05


def test_silence_or_steady_noise_only_gives_nothing() -> None:
    for x in (np.zeros(RATE * 2, dtype=np.int16), hiss(2.0), hiss(2.0, amp=400.0)):
        g = SpeechGate()
        assert len(run(g, x)) == 0
        assert not g.heard_speech


def test_speech_over_noise_is_found() -> None:
    noise = hiss(3.0, amp=300.0)
    x = noise.copy()
    x[RATE : 2 * RATE] += tone(1.0)
    out = run(SpeechGate(margin=0.2), x)
    assert 1.2 <= len(out) / RATE <= 1.5


def test_audio_that_never_gets_quiet_is_kept() -> None:
    # Speech from the very first sample: the floor is never learnt, the
    # ceiling still lets it through.
    x = tone(1.0)
    out = run(SpeechGate(), x)
    assert len(out) >= len(x) - FRAME
