"""A window with the speech band emphasised, for the peak check's second hearing.

Under TV talk 10 dB down, tiny.en's unprompted decode of a short window at the
network's peak often writes the TV's words after "okay" ("Okay, move." for
"Okay, ah, move.", "Okay, now, I'm gonna hit that man" for "Okay, now,
okay."): the confirm.PEAK_CHECK then refuses a phrase the prompted windows
heard. The same window with 1-4 kHz (the second and third formants, where a
near voice's consonants and vowel colour are) raised 12 dB against the rest
is decoded again (confirm.PEAK_EMPHASIS). numpy only: it runs on a Pi.
"""

from __future__ import annotations

import numpy as np

RATE = 16000
#: The band raised and by how much (amplitude): probed on the tuning phrases
#: lost at the peak check (session 34, docs/wake-word.md): 1-4 kHz x4 turned
#: 4 of 13 into a hesitation or "now" after "okay"; the louder copy (x3,
#: clipped) none, 300-3400 Hz alone one.
BAND = (1000.0, 4000.0)
GAIN = 4.0
#: Peak level of the result (int16 full scale): normalized, as Whisper's
#: log-mel is, but with head room so nothing clips.
LEVEL = 0.9


def emphasised(pcm: np.ndarray, band: tuple[float, float] = BAND, gain: float = GAIN,
               rate: int = RATE) -> np.ndarray:
    """16 kHz int16 ``pcm`` with ``band`` (Hz) ``gain`` times louder than the
    rest of the spectrum, scaled to :data:`LEVEL` of full scale, as int16."""
    x = np.asarray(pcm, dtype=np.int16).reshape(-1).astype(np.float64)
    if not len(x):
        return np.zeros(0, dtype=np.int16)
    spectrum = np.fft.rfft(x)
    freqs = np.fft.rfftfreq(len(x), 1.0 / rate)
    spectrum *= np.where((freqs >= band[0]) & (freqs <= band[1]), gain, 1.0)
    y = np.fft.irfft(spectrum, len(x))
    peak = float(np.abs(y).max())
    if peak > 0:
        y *= LEVEL * 32767.0 / peak
    return np.clip(np.rint(y), -32768, 32767).astype(np.int16)
