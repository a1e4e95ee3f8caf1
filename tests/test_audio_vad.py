"""End-of-speech detection on spoken WAV files (no audio device)."""

from __future__ import annotations

import numpy as np
import pytest

from voice.audio.clip import read_wav
from voice.audio.vad import (
    EndpointDetector,
    VadSettings,
    VadState,
    frame_level_db,
    speech_frames,
)

# tests/ may or may not be a package (another helper's choice); both work.
try:
    from tests.test_audio_wavs import long_talk, noise, question, question_in_noise, slow_with_pause
except ImportError:
    from test_audio_wavs import long_talk, noise, question, question_in_noise, slow_with_pause  # type: ignore[no-redef]



def pcm16k(path: object) -> np.ndarray:
    return read_wav(str(path)).resampled(16000).samples


def test_question_start_and_end_found() -> None:
    # 1.0 s of silence, about 2.4 s of speech, 3 s of silence.
    audio = pcm16k(question(1.0, 3.0))
    det = EndpointDetector(silence_timeout=2.0)
    state = det.feed(audio)
    assert state is VadState.ENDED
    assert det.speech_start is not None and det.speech_end is not None
    assert 0.95 <= det.speech_start <= 1.35
    speech_len = read_wav(str(question(0.0, 0.0))).duration
    # espeak-ng leaves ~0.1-0.2 s of quiet tail; the end must be near the words' end.
    assert det.speech_end == pytest.approx(1.0 + speech_len, abs=0.35)
    # It ended exactly silence_timeout after the speech, not later.
    assert det.position == pytest.approx(det.speech_end + 2.0, abs=0.07)


def test_slow_speaker_pause_does_not_end_the_question() -> None:
    audio = pcm16k(slow_with_pause(1.2))
    det = EndpointDetector(silence_timeout=2.0)
    det.feed(audio)
    # The end is after "disorders", i.e. in the last second of the file.
    total = len(audio) / 16000
    assert det.speech_end is not None
    assert det.speech_end > total - 1.2


def test_pause_longer_than_timeout_does_end_it() -> None:
    # Same recording, shorter timeout: proves the test above can fail.
    audio = pcm16k(slow_with_pause(1.2))
    det = EndpointDetector(silence_timeout=1.0)
    assert det.feed(audio) is VadState.ENDED
    assert det.speech_end is not None
    assert det.speech_end < 1.0 + 2.5  # only "is there a cure for"


@pytest.mark.parametrize("kind,level", [("whitenoise", 0.1), ("pinknoise", 0.3),
                                        ("brownnoise", 0.5)])
def test_steady_noise_is_not_speech(kind: str, level: float) -> None:
    audio = pcm16k(noise(8.0, kind, level))
    flags = speech_frames(audio)
    # Brown noise wanders in level, so a few isolated frames may pass; they
    # must stay too few and too scattered to start a question.
    assert sum(flags) <= 0.03 * len(flags), f"{sum(flags)} of {len(flags)} frames called speech"
    det = EndpointDetector(silence_timeout=2.0)
    assert det.feed(audio) is VadState.WAITING


def test_speech_in_noise_is_found() -> None:
    audio = pcm16k(question_in_noise())
    det = EndpointDetector(silence_timeout=1.0)
    det.feed(audio)
    assert det.speech_start is not None
    assert 0.9 <= det.speech_start <= 1.4
    assert det.speech_end is not None and det.speech_end > 3.0


def test_digital_silence_and_a_click_do_not_start_speech() -> None:
    audio = np.zeros(16000 * 3, dtype=np.int16)
    audio[16000:16000 + 80] = 20000  # a 5 ms knock
    det = EndpointDetector(silence_timeout=1.0)
    assert det.feed(audio) is VadState.WAITING
    assert frame_level_db(np.zeros(480, dtype=np.int16)) == -120.0


def test_chunk_size_does_not_change_the_result() -> None:
    audio = pcm16k(question(1.0, 2.5))
    whole = EndpointDetector(silence_timeout=1.5)
    whole.feed(audio)
    pieces = EndpointDetector(silence_timeout=1.5)
    rng = np.random.default_rng(1)
    i = 0
    while i < len(audio):
        n = int(rng.integers(1, 1500))
        pieces.feed(audio[i:i + n])
        i += n
    assert (pieces.state, pieces.speech_start, pieces.speech_end) == (
        whole.state, whole.speech_start, whole.speech_end)


def test_continuous_talk_stays_speech() -> None:
    # Someone talking for a minute is not "ended" by the detector; the
    # capture's max_utterance is what cuts them.
    audio = pcm16k(long_talk(60.0))[: 16000 * 20]
    det = EndpointDetector(silence_timeout=2.0)
    assert det.feed(audio) is VadState.SPEECH
    assert det.speech_seconds > 10


@pytest.mark.parametrize("bad", [{"frame_ms": 25}, {"aggressiveness": 4},
                                 {"start_frames": 11}, {"resume_frames": 0}])
def test_bad_settings_are_refused(bad: dict[str, int]) -> None:
    with pytest.raises(ValueError):
        VadSettings(**bad)


def test_wrong_frame_length_is_refused() -> None:
    from voice.audio.vad import FrameClassifier

    with pytest.raises(ValueError):
        FrameClassifier().is_speech(np.zeros(400, dtype=np.int16))
