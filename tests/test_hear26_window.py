"""Whisper's encoder can be given a shorter window than 30 s
(whisper/decoder.py ``WindowDecoder.encode(audio, seconds)``, session 25,
branch hear26), used only when a measurement asks for it
(``QUESTION_WINDOW_S``, scripts/tune_denoise.py ``win-S``,
scripts/benchmark_whisper.py ``--window``).

A 15 s window halved the CPU time of a question but lost right entries on
the held-out half, so the engine keeps 30 s (docs/speech-in.md, "Session 25
(branch hear26, issue 13)").
"""

from __future__ import annotations

import numpy as np

from voice.speech_in.whisper import WhisperRecognizer, decoder


def _positions(rec: WhisperRecognizer, seconds_of_audio: float, window: float) -> int:
    rng = np.random.default_rng(26)
    audio = (0.01 * rng.standard_normal(int(16000 * seconds_of_audio))).astype(np.float32)
    return int(rec._decoder.encode(audio, window).shape[1])


def test_audio_that_fits_with_a_second_to_spare_is_encoded_in_the_shorter_window(
        rec: WhisperRecognizer) -> None:
    assert _positions(rec, 3.0, 15.0) == 750  # the encoder halves 1500 mel frames
    assert _positions(rec, 3.0, 30.0) == 1500


def test_audio_without_that_second_gets_the_full_30_second_window(
        rec: WhisperRecognizer) -> None:
    assert _positions(rec, 14.5, 15.0) == 1500


def test_the_engine_still_encodes_questions_in_30_seconds() -> None:
    assert decoder.QUESTION_WINDOW_S == 30.0
