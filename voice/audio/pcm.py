"""Raw PCM of any sample width and channel count, as 16 kHz mono for the recognizers.

Wyoming clients send audio in the format they have (a Home Assistant
satellite 16 kHz 16-bit mono, a file 22,050 Hz or 44.1 kHz stereo, some
microphones 24- or 32-bit). Everything is turned into what every recognizer
here is fed (``RECOGNIZER_RATE`` mono int16) as it arrives, so that only that
is kept and its length can be bounded in seconds.
"""

from __future__ import annotations

import numpy as np

from voice.audio.clip import RECOGNIZER_RATE

#: Sample widths (bytes) of signed little-endian PCM, and 8-bit unsigned.
WIDTHS = (1, 2, 3, 4)
#: Rates accepted (Hz): telephone audio to studio audio.
MIN_RATE, MAX_RATE = 8000, 192000
MAX_CHANNELS = 8


def format_problem(rate: object, width: object, channels: object) -> str | None:
    """Why audio in this format cannot be used, or None when it can."""
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (rate, width, channels)):
        return "rate, width and channels must be whole numbers"
    assert isinstance(rate, int) and isinstance(width, int) and isinstance(channels, int)
    if not MIN_RATE <= rate <= MAX_RATE:
        return f"rate {rate} Hz is outside {MIN_RATE}-{MAX_RATE} Hz"
    if width not in WIDTHS:
        return f"sample width {width} bytes is not one of {', '.join(map(str, WIDTHS))}"
    if not 1 <= channels <= MAX_CHANNELS:
        return f"{channels} channels is outside 1-{MAX_CHANNELS}"
    return None


def to_int16(pcm: bytes, width: int) -> np.ndarray:
    """Samples of ``width`` bytes (interleaved channels kept) as int16.

    The top 16 bits are kept: quieter detail than that does not change what
    a recognizer hears.
    """
    if width == 2:
        return np.frombuffer(pcm, dtype="<i2").astype(np.int16)
    if width == 1:
        # 8-bit WAV/PCM is unsigned, centred on 128.
        return ((np.frombuffer(pcm, dtype=np.uint8).astype(np.int16) - 128) << 8).astype(np.int16)
    if width == 4:
        return (np.frombuffer(pcm, dtype="<i4") >> 16).astype(np.int16)
    if width == 3:
        b = np.frombuffer(pcm, dtype=np.uint8).reshape(-1, 3)
        # The two high bytes of each little-endian 24-bit sample.
        return (b[:, 1].astype(np.uint16) | (b[:, 2].astype(np.uint16) << 8)).view(np.int16)
    raise ValueError(f"unsupported sample width {width}")


class PcmToRecognizer:
    """Streams PCM of one format into 16 kHz mono int16, chunk by chunk.

    A chunk may end in the middle of a frame (the protocol does not forbid
    it): the partial frame is kept for the next chunk.
    """

    def __init__(self, rate: int, width: int, channels: int) -> None:
        problem = format_problem(rate, width, channels)
        if problem:
            raise ValueError(problem)
        self.rate, self.width, self.channels = rate, width, channels
        self._frame = width * channels
        self._rest = b""
        self._resampler = None
        if rate != RECOGNIZER_RATE:
            import soxr

            # Streaming, so chunk edges leave no clicks (one soxr.resample per
            # chunk would restart the filter at every chunk).
            self._resampler = soxr.ResampleStream(rate, RECOGNIZER_RATE, 1, dtype="int16")

    def convert(self, pcm: bytes, last: bool = False) -> np.ndarray:
        """This chunk as 16 kHz mono int16 (``last``: flush the resampler)."""
        data = self._rest + pcm
        whole = len(data) - len(data) % self._frame
        self._rest = data[whole:]
        samples = to_int16(data[:whole], self.width)
        if self.channels > 1:
            samples = samples.reshape(-1, self.channels).astype(np.int32).mean(axis=1)
            samples = samples.astype(np.int16)
        if self._resampler is None:
            return samples
        return np.asarray(self._resampler.resample_chunk(samples, last=last), dtype=np.int16)
