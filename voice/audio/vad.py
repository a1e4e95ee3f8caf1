"""End-of-speech detection: when did the user start, and when are they done?

Pure: it takes 16 kHz mono int16 samples and a clock made of sample counts, so
it is tested on WAV files with no audio device and no wall clock.

A frame is speech when all three hold:

* webrtcvad says so. It is robust to steady hum and music-like tones, but on
  its own it calls white noise (a fan, a hiss) speech 100% of the time;
* the frame is louder than an absolute floor (``min_level_db``), so digital
  silence and a very quiet room never count;
* the frame is ``margin_db`` above the background level, estimated as the
  quietest frame of the last few seconds. Speech always has quiet gaps
  (between syllables, stop consonants), so the minimum follows the room, not
  the voice; steady noise sits at its own minimum and so is never speech,
  which keeps a noisy room from being taken as endless speech.

Users here may speak slowly, softly and with long pauses (MS, ALS, myasthenia
gravis), so the defaults lean towards waiting: the end needs a full
``silence_timeout`` of non-speech, and a single stray speech frame (a click, a
breath) during that pause does not restart the wait.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Any

import numpy as np

#: The only rate handled here; capture resamples everything to it.
VAD_RATE = 16000


@dataclass(frozen=True)
class VadSettings:
    """How speech is told apart from silence and noise."""

    frame_ms: int = 30
    """Frame length: webrtcvad accepts only 10, 20 or 30 ms; 30 ms is its most
    reliable and needs the fewest calls on a Pi."""
    aggressiveness: int = 2
    """webrtcvad mode 0-3. 3 drops soft, breathy speech; 2 is the usual middle."""
    min_level_db: float = -70.0
    """Absolute floor in dBFS: quieter frames are never speech. Low on purpose:
    weak voices and a mic across the room can sit around -45 dBFS."""
    margin_db: float = 8.0
    """How far above the background level a frame must be to count as speech.
    Measured: 6 dB let wandering brown noise start questions, 9 dB lost soft
    speech at 14 dB SNR; 8 dB kept both right."""
    background_window: float = 3.0
    """Seconds over which the quietest frame gives the background level."""
    start_frames: int = 4
    """Speech begins when this many of the last ``start_window`` frames are
    speech (120 ms of 300 ms), so a cough or a knock does not start a question."""
    start_window: int = 10
    """Frames considered when deciding that speech began."""
    resume_frames: int = 2
    """Consecutive speech frames needed to cancel a pause; one stray frame
    (a click, a breath) does not restart the silence wait."""

    def __post_init__(self) -> None:
        if self.frame_ms not in (10, 20, 30):
            raise ValueError("frame_ms must be 10, 20 or 30 (webrtcvad accepts no other)")
        if not 0 <= self.aggressiveness <= 3:
            raise ValueError("aggressiveness must be 0 to 3")
        if not 1 <= self.start_frames <= self.start_window:
            raise ValueError("start_frames must be between 1 and start_window")
        if self.resume_frames < 1:
            raise ValueError("resume_frames must be at least 1")

    @property
    def frame_samples(self) -> int:
        return VAD_RATE * self.frame_ms // 1000


class VadState(Enum):
    """Where the detector is in one utterance."""

    WAITING = "waiting"
    """No speech yet."""
    SPEECH = "speech"
    """Speech began; it may be in a pause."""
    ENDED = "ended"
    """Speech began and then ``silence_timeout`` seconds of silence followed."""


_BAND = (150.0, 4000.0)  # Hz: where voices carry their energy


def frame_level_db(frame: np.ndarray) -> float:
    """Level of int16 samples in dBFS within 150-4000 Hz (-120 for silence).

    Only the voice band counts: fans, traffic and a knocked table put most of
    their energy below 150 Hz, where it would drift the level up and down and
    pass for syllables; above 4 kHz is mostly hiss. (A first-difference
    pre-emphasis does the first job but boosts hiss, which buried soft voices.)
    """
    n = len(frame)
    if n == 0:
        return -120.0
    x = frame.astype(np.float64) / 32768.0
    spec = np.fft.rfft(x * _window(n))
    freqs = np.fft.rfftfreq(n, 1.0 / VAD_RATE)
    band = (freqs >= _BAND[0]) & (freqs <= _BAND[1])
    # Parseval with the window's power: a full-band sine reads like its RMS.
    power = 2.0 * float(np.sum(np.abs(spec[band]) ** 2)) / (n * float(np.sum(_window(n) ** 2)))
    return 10.0 * float(np.log10(power)) if power > 1e-12 else -120.0


@lru_cache(maxsize=4)
def _window(n: int) -> np.ndarray:
    return np.hanning(n)


class FrameClassifier:
    """Says, frame by frame, whether a 16 kHz frame is speech (keeps background state)."""

    def __init__(self, settings: VadSettings | None = None) -> None:
        import webrtcvad

        self.settings = settings or VadSettings()
        self._vad: Any = webrtcvad.Vad(self.settings.aggressiveness)
        n = max(1, round(self.settings.background_window * 1000 / self.settings.frame_ms))
        self._levels: deque[float] = deque(maxlen=n)

    @property
    def background_db(self) -> float:
        """Current background estimate (the quietest recent frame)."""
        return min(self._levels) if self._levels else -120.0

    def is_speech(self, frame: np.ndarray) -> bool:
        s = self.settings
        if len(frame) != s.frame_samples:
            raise ValueError(f"a frame must be {s.frame_samples} samples, got {len(frame)}")
        level = frame_level_db(frame)
        self._levels.append(level)
        if level < s.min_level_db or level < self.background_db + s.margin_db:
            return False
        pcm = np.ascontiguousarray(frame, dtype="<i2").tobytes()
        return bool(self._vad.is_speech(pcm, VAD_RATE))


class EndpointDetector:
    """Finds the start and end of one utterance in a stream of 16 kHz samples.

    Feed samples of any length with :meth:`feed`; times are seconds from the
    first sample fed. Once :attr:`state` is ``ENDED`` further input is ignored.
    """

    def __init__(self, silence_timeout: float, settings: VadSettings | None = None) -> None:
        if silence_timeout <= 0:
            raise ValueError("silence_timeout must be positive")
        self.settings = settings or VadSettings()
        self.silence_timeout = silence_timeout
        self.classifier = FrameClassifier(self.settings)
        self.state = VadState.WAITING
        self.speech_start: float | None = None
        """Seconds from the first sample to the first speech frame."""
        self.speech_end: float | None = None
        """Seconds from the first sample to the end of the last speech frame."""
        self.speech_seconds = 0.0
        """Total length of speech frames after speech began."""
        self._pending = np.zeros(0, dtype=np.int16)
        self._frames_done = 0
        self._recent: deque[bool] = deque(maxlen=self.settings.start_window)
        self._run = 0  # consecutive speech frames
        self._silent_frames = 0

    @property
    def position(self) -> float:
        """Seconds of audio classified so far."""
        return self._frames_done * self.settings.frame_ms / 1000.0

    def feed(self, samples: np.ndarray) -> VadState:
        """Classify whole frames of ``samples`` (16 kHz mono int16); return the state."""
        if self.state is VadState.ENDED:
            return self.state
        data = np.asarray(samples, dtype=np.int16).reshape(-1)
        buf = np.concatenate([self._pending, data]) if len(self._pending) else data
        n = self.settings.frame_samples
        whole = len(buf) // n
        for i in range(whole):
            self._step(buf[i * n : (i + 1) * n])
            if self.state is VadState.ENDED:
                break
        self._pending = buf[whole * n :].copy() if self.state is not VadState.ENDED else buf[:0]
        return self.state

    def _step(self, frame: np.ndarray) -> None:
        s = self.settings
        frame_s = s.frame_ms / 1000.0
        speech = self.classifier.is_speech(frame)
        index = self._frames_done
        self._frames_done += 1
        self._recent.append(speech)
        self._run = self._run + 1 if speech else 0
        if self.state is VadState.WAITING:
            if speech and sum(self._recent) >= s.start_frames:
                # Date the start back to the first speech frame of the window.
                first = len(self._recent) - list(self._recent).index(True)
                self.speech_start = (index + 1 - first) * frame_s
                self.speech_end = (index + 1) * frame_s
                self.speech_seconds = sum(self._recent) * frame_s
                self.state = VadState.SPEECH
                self._silent_frames = 0
            return
        if speech:
            self.speech_seconds += frame_s
        if speech and (self._run >= s.resume_frames or self._silent_frames == 0):
            self.speech_end = (index + 1) * frame_s
            self._silent_frames = 0
            return
        self._silent_frames += 1
        if self._silent_frames * frame_s >= self.silence_timeout - 1e-9:
            self.state = VadState.ENDED


def speech_frames(samples: np.ndarray, settings: VadSettings | None = None) -> list[bool]:
    """Speech/non-speech for each whole frame of 16 kHz samples (for tests and tuning)."""
    clf = FrameClassifier(settings)
    n = clf.settings.frame_samples
    data = np.asarray(samples, dtype=np.int16).reshape(-1)
    return [clf.is_speech(data[i : i + n]) for i in range(0, len(data) - n + 1, n)]


def speech_seconds(samples: np.ndarray, settings: VadSettings | None = None) -> float:
    """Seconds of ``samples`` (16 kHz) the frame classifier takes for speech."""
    frames = speech_frames(samples, settings)
    n = (settings or VadSettings()).frame_samples
    return sum(frames) * n / 16000
