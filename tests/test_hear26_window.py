"""A spoken question is encoded in a 15 s window, a short reply in the 30 s
one (whisper/decoder.py ``QUESTION_WINDOW_S``, session 25, branch hear26).

Whisper's encoder cost grows with the window, not with the speech: a 2.7 s
question paid for 30 s. In 15 s the engine's CPU time per question halved
(RTF 0.30 -> 0.15) with the same right entries, wrong answers and wrong
offers on the tuning halves; one-word replies in 15 s came out doubled
("five five", "zero zero zero"), so they keep 30 s.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from voice.app import is_doubtful, query_of
from voice.audio.clip import read_wav
from voice.matching.matcher import Matcher
from voice.speech_in.whisper import WhisperRecognizer

REPO = Path(__file__).resolve().parent.parent
DIGIT = REPO / "tests" / "data" / "real" / "digits" / "fsdd_5_george_1.wav"


@pytest.fixture()
def windows(rec: WhisperRecognizer) -> Iterator[list[int]]:
    """The mel frames of every window the engine's model encodes meanwhile."""
    model: Any = rec._decoder._model
    seen: list[int] = []
    encode = model.encode

    def spy(features: Any) -> Any:
        seen.append(int(features.shape[-1]))
        return encode(features)

    model.encode = spy
    try:
        yield seen
    finally:
        del model.encode


def test_a_spoken_question_is_encoded_in_15_seconds_and_still_answered(
        rec: WhisperRecognizer, windows: list[int], tmp_path: Path, kb: object) -> None:
    import subprocess

    wav = tmp_path / "q.wav"
    subprocess.run(["espeak-ng", "-w", str(wav), "is there a cure for neuromuscular disorders"],
                   check=True, timeout=30)
    t = rec.transcribe(read_wav(wav))
    assert windows == [1500]
    r = Matcher(kb).match(query_of(t), doubtful=is_doubtful(t))  # type: ignore[arg-type]
    assert r.outcome == "answer" and r.entry is not None, t.text
    assert r.entry.id == "is-there-a-cure-for-neuromuscular-disorders"


def test_a_short_reply_keeps_the_30_second_window(
        rec: WhisperRecognizer, windows: list[int]) -> None:
    t = rec.transcribe(read_wav(DIGIT))
    assert windows == [3000]
    assert t.text == "five"
