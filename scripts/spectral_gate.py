"""Spectral gating in numpy: a stationary noise gate in the manner of the
``noisereduce`` package (Sainburg et al.), measured in front of Whisper by
branch hear24 (scripts/tune_denoise.py ``--variants raw,gate``; docs/speech-in.md,
"Session 23 (branch hear24)") and shipped at 60% by hear24b.

The gate lives in voice/speech_in/whisper/noise_gate.py (the code hear24
measured here, moved unchanged); this keeps tune_denoise.py's import and
the full gate's default (``prop`` 1.0) for measuring again.
"""

from __future__ import annotations

import numpy as np

from voice.speech_in.whisper import noise_gate


def gate(samples: np.ndarray, n_std: float = noise_gate.N_STD, prop: float = 1.0,
         quiet: float = 0.2, freq_hz: float = 500.0, time_ms: float = 50.0) -> np.ndarray:
    """int16 ``samples`` (16 kHz mono) with stationary noise gated out (``prop``
    of a gated bin turned down); unchanged when too short or silent."""
    return noise_gate.gate(samples, n_std, prop, quiet, freq_hz, time_ms)
