"""speexdsp's noise suppressor, as tried in front of Whisper (not adopted).

speexdsp's preprocessor (libspeexdsp, the Debian / Raspberry Pi OS package
voice/audio/echo.py already uses, reached the same way through ctypes):
spectral noise suppression with an adaptive noise estimate, 10 ms frames of
16 kHz int16. It measured better than WebRTC's suppressor (the
``webrtc-noise-gain`` wheel) on the tuning halves, but on the held-out set
it added wrong answers and cost the natural voices right entries, so the
engine does not use it: scripts/tune_denoise.py and docs/speech-in.md
"Noise suppression: tried, not adopted". Kept here, with the noise floor
measure the engine would have gated it by, for measuring it again.

Its noise estimate adapts as it listens, so the first frames of an utterance
would be cleaned with a guess. Each utterance therefore gets a fresh state,
warmed on its own opening (``WARM`` seconds, output thrown away), then run
over the whole utterance from its first sample.
"""

from __future__ import annotations

import ctypes
from functools import cache
from typing import Any

import numpy as np

#: speexdsp's frame here: 10 ms at 16 kHz.
FRAME = 160
RATE = 16000

#: Most attenuation of noise, in dB (speexdsp's own default, 15).
SUPPRESS_DB = 15

#: Seconds of the utterance's opening run through first to learn the noise.
WARM = 0.5

_SET_DENOISE = 0
_SET_NOISE_SUPPRESS = 18


#: 20 ms frames for the noise floor.
FLOOR_FRAME = 320

#: The floor is this percentile of the frames' RMS: the quietest moments of
#: the utterance (between words, around it), where what is heard is the room.
FLOOR_PERCENTILE = 5.0

#: Frames quieter than this (sample units) are digital silence (a stream
#: started, padding): they say nothing of the room, and are left out.
DIGITAL_SILENCE = 2.0


# The noise floor is the engine's own measure (the same percentile, frame
# and digital-silence rule as the constants above).
from voice.speech_in.whisper import noise_gate  # noqa: E402

noise_floor_dbfs = noise_gate.noise_floor_dbfs


class DenoiseUnavailable(RuntimeError):
    """The noise suppressor cannot run here (libspeexdsp is missing)."""


@cache
def _library() -> Any:
    # The echo canceller's loader declares the preprocessor's functions too.
    from voice.audio.echo import EchoUnavailable
    from voice.audio.echo import _library as speexdsp

    try:
        return speexdsp()
    except EchoUnavailable as e:
        raise DenoiseUnavailable(str(e)) from e


def suppress_noise(samples: np.ndarray, suppress_db: int = SUPPRESS_DB,
                   warm: float = WARM) -> np.ndarray:
    """16 kHz mono int16 ``samples`` with steady noise suppressed by up to
    ``suppress_db`` dB; a new array of the same length."""
    if suppress_db <= 0:
        raise ValueError(f"suppression must be a positive number of dB, not {suppress_db}")
    x = np.asarray(samples, dtype=np.int16).reshape(-1)
    n = len(x)
    frames = -(-n // FRAME)
    buf = np.zeros(frames * FRAME, dtype=np.int16)
    buf[:n] = x
    if n == 0:
        return buf
    lib = _library()
    state = lib.speex_preprocess_state_init(FRAME, RATE)
    try:
        on = ctypes.c_int(1)
        lib.speex_preprocess_ctl(state, _SET_DENOISE, ctypes.byref(on))
        level = ctypes.c_int(-int(suppress_db))
        lib.speex_preprocess_ctl(state, _SET_NOISE_SUPPRESS, ctypes.byref(level))
        scratch = np.empty(FRAME, dtype=np.int16)
        for i in range(min(frames, int(warm * RATE) // FRAME)):
            scratch[:] = buf[i * FRAME : (i + 1) * FRAME]
            lib.speex_preprocess_run(state, scratch.ctypes.data)
        for i in range(frames):  # in place, frame by frame
            lib.speex_preprocess_run(state, buf[i * FRAME :].ctypes.data)
    finally:
        lib.speex_preprocess_state_destroy(state)
    return buf[:n]
