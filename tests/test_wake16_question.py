"""A question said in the same breath as the wake phrase keeps its start
(micro.QUESTION_LEAD).

"okay nabu what should I eat": the question was fed to the recognizer from
the network's probability peak, which comes 0.01-0.2 s after the phrase
ends, so with no pause the question lost its first sound and was heard
"so now eat" or "well should I eat". Real people's "okay nabu" (the four
recordings of tests/data/real/wake) and espeak-ng's question go through the
wake loop's own turn (listening.WakeTurn) with `voice listen`'s detector
(the microWakeWord network, its spots checked by Whisper) and the real
Whisper recognizer; only the microphone is left out, so that the same
samples are heard on every run.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any, cast

import numpy as np

from voice.audio.capture import Utterance
from voice.audio.clip import RECOGNIZER_RATE, AudioClip, read_wav

from .conftest import REPO

REAL = REPO / "tests" / "data" / "real" / "wake"
CLIPS = ("pymicro_1", "pymicro_2", "pymicro_3", "wyoming_1")


def _voiced_end(pcm: np.ndarray, loud: float = 600.0) -> tuple[int, int]:
    """(first, end) sample of the last stretch of voice: 10 ms frames above
    ``loud`` RMS, pauses under 0.4 s bridged (pymicro_3 says the phrase twice)."""
    frames = len(pcm) // 160
    rms = np.sqrt(np.mean(pcm[:frames * 160].astype(np.float64).reshape(frames, 160) ** 2,
                          axis=1))
    voiced = np.flatnonzero(rms > loud)
    end = first = int(voiced[-1])
    for i in voiced[::-1]:
        if first - int(i) > 40:
            break
        first = int(i)
    return first * 160, (end + 1) * 160


def _phrase(name: str) -> np.ndarray:
    """A real person's "okay nabu", from 0.1 s before the voice to its end."""
    pcm = read_wav(REAL / f"okay_nabu_{name}.wav").resampled(RECOGNIZER_RATE).samples
    pcm = pcm.reshape(-1)
    first, end = _voiced_end(pcm)
    return pcm[max(0, first - 1600):end]


def _question(tmp_path: Path, text: str) -> np.ndarray:
    wav = tmp_path / "question.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(wav), text], check=True)
    pcm = read_wav(wav).resampled(RECOGNIZER_RATE).samples.reshape(-1)
    loud = np.flatnonzero(np.abs(pcm.astype(np.int32)) > 1000)
    return pcm[int(loud[0]):]  # its first sound straight after the phrase


def _heard(rec: Any, detector: Any, pcm: np.ndarray) -> str | None:
    """What the wake loop's turn hears as the question (None: it never woke)."""
    from voice.speech_in.wake.listening import WakeTurn
    from voice.speech_in.wake.said_again import without_leading_phrase

    turn = WakeTurn(rec, detector)
    for i in range(0, len(pcm), 480):  # 30 ms blocks, as the microphone gives them
        turn.on_audio(AudioClip(pcm[i:i + 480], RECOGNIZER_RATE, 1))
    if not turn.woke:
        return None
    said = turn.transcript(cast(Utterance, None))
    return without_leading_phrase(said, detector.phrase).text


def test_a_question_said_in_the_same_breath_keeps_its_first_word(
        rec: Any, okay_nabu_detector: Any, tmp_path: Path) -> None:
    question = _question(tmp_path, "what should I eat")
    quiet = np.zeros(RECOGNIZER_RATE, dtype=np.int16)
    heard = {name: _heard(rec, okay_nabu_detector,
                          np.concatenate([quiet, _phrase(name), question, quiet]))
             for name in CLIPS}
    assert all(h is not None for h in heard.values()), heard  # every phrase wakes it
    right = [name for name, h in heard.items() if h == "what should i eat"]
    # Measured: 4 of 4 now; from the peak (QUESTION_LEAD 0) 1 of 4 ("so now
    # eat", "well should i eat"). One may go either way on another CPU.
    assert len(right) >= 3, heard

