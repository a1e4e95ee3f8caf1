"""The quick look's record of its looks stays bounded over a long session.

QuickStop.looks took one entry per stretch of voice barge-in heard over an
answer (a peek at each pause and the stretch's end) for as long as a
`voice listen` session ran; only its last entry is read there
(``last_text``), the benchmark reads them all (``keep_looks``). Real
Whisper tiny.en, fed espeak-ng speech as barge-in's stretches.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from voice.audio.barge_in import BargeIn, Stretch
from voice.audio.clip import RECOGNIZER_RATE, read_wav
from voice.audio.echo import EchoReference
from voice.models.manifest import WHISPER_MODEL
from voice.speech_in.wake import quick_stop
from voice.speech_in.wake.quick_stop import QuickStop

REPO = Path(__file__).resolve().parent.parent
#: Small, so that a few real looks pass it: the rule is the same at 500.
KEPT = 3
LOOKS = 5 * KEPT


@pytest.fixture(scope="module")
def spoken(tmp_path_factory: pytest.TempPathFactory) -> list[np.ndarray]:
    """espeak-ng's words as 16 kHz int16, as the segmenter hands them on."""
    folder = tmp_path_factory.mktemp("looks")
    out = []
    for k, text in enumerate(("stop", "the history of", "medication")):
        wav = folder / f"{k}.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(wav), text], check=True)
        out.append(read_wav(wav).resampled(RECOGNIZER_RATE).samples.reshape(-1))
    return out


@pytest.fixture(scope="module")
def quick() -> QuickStop:
    return QuickStop(REPO / "models" / WHISPER_MODEL)


def _judge(quick: QuickStop, spoken: list[np.ndarray], n: int) -> BargeIn:
    barge = BargeIn(None, reference=EchoReference(), quick=quick)
    for k in range(n):
        audio = spoken[k % len(spoken)]
        barge.judge(Stretch(audio, float(k), k + len(audio) / RECOGNIZER_RATE,
                            final=False, voiced=0.3))
    return barge


def test_the_looks_stay_bounded_over_a_long_session(
    quick: QuickStop, spoken: list[np.ndarray], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(quick_stop, "LOOKS_KEPT", KEPT)
    quick.looks.clear()
    quick.keep_looks = False
    barge = _judge(quick, spoken, LOOKS)
    assert barge.quick_stops >= 1, "espeak-ng's 'stop' is heard as 'stop'"
    assert 0 < len(quick.looks) <= 2 * KEPT
    # The newest are the ones kept: the last look was "medication".
    assert "stop" not in quick.last_text.lower(), quick.last_text


def test_the_benchmark_keeps_every_look(
    quick: QuickStop, spoken: list[np.ndarray], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(quick_stop, "LOOKS_KEPT", KEPT)
    quick.looks.clear()
    quick.keep_looks = True
    _judge(quick, spoken, LOOKS)
    assert len(quick.looks) == LOOKS
