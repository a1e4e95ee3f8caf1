"""Speech made faster without changing its pitch (WSOLA), for Whisper's check.

tiny.en hears a slow "okay nabu" (espeak-ng at 80-100 words a minute) as
"Okay, uh, blue." or "Okay, uh, move.": a pause it fills with a hesitation
and a last word it cannot place. The same audio 1.6 times faster it writes
"Okay Nabu." (confirm.SLOW_RETRY). Waveform-similarity overlap-add: each
output frame is taken from about ``factor`` times further into the input,
shifted by up to :data:`SEEK` so that it continues the previous frame's
waveform (no clicks, no pitch change). numpy only: it runs on a Pi.
"""

from __future__ import annotations

import numpy as np

FRAME = 320
"""20 ms at 16 kHz: long enough to hold a pitch period of a low voice twice."""
HOP = FRAME // 2
SEEK = 80
"""5 ms either way to look for the best-fitting continuation."""


def faster(pcm: np.ndarray, factor: float) -> np.ndarray:
    """16 kHz int16 ``pcm`` said ``factor`` times faster, as int16 (same pitch)."""
    x = pcm.astype(np.float64)
    if factor <= 0 or len(x) < FRAME + 2 * SEEK:
        return pcm.copy()
    window = np.hanning(FRAME)
    frames = int((len(x) - FRAME - SEEK) / (HOP * factor)) + 1
    out = np.zeros(frames * HOP + FRAME)
    weight = np.zeros_like(out)
    previous = 0  # where the last frame was taken from
    for k in range(frames):
        at = round(k * HOP * factor)
        if k:
            # The frame that would naturally follow the last one, and the
            # start near ``at`` whose waveform fits it best.
            natural = x[previous + HOP:previous + HOP + FRAME]
            lo, hi = max(0, at - SEEK), min(len(x) - FRAME, at + SEEK)
            if hi > lo and len(natural) == FRAME:
                region = x[lo:hi + FRAME]
                scores = np.correlate(region, natural, mode="valid")
                at = lo + int(np.argmax(scores))
        at = min(max(0, at), len(x) - FRAME)
        out[k * HOP:k * HOP + FRAME] += x[at:at + FRAME] * window
        weight[k * HOP:k * HOP + FRAME] += window
        previous = at
    out = out[:frames * HOP + HOP]
    weight = weight[:len(out)]
    out = np.where(weight > 1e-3, out / np.maximum(weight, 1e-3), 0.0)
    return np.clip(np.round(out), -32768, 32767).astype(np.int16)
