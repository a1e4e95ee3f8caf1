""""wait" / "hold on" said over an answer pause it (voice/audio/barge_in.py PAUSE).

Real libspeexdsp, real Whisper tiny.en, real espeak-ng speech, fed block by
block as the microphone would feed it (test_barge_in.py's bench); `voice
listen` through the virtual microphone: test_barge_in_listen_pause.py.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from voice.audio.barge_in import BargeIn, verdict
from voice.audio.echo import EchoReference
from voice.models.manifest import WHISPER_MODEL
from voice.speech_in.whisper import WhisperRecognizer

try:
    from tests.test_barge_in import ANSWER, BLOCK, RATE, _run, _speech
except ImportError:
    from test_barge_in import ANSWER, BLOCK, RATE, _run, _speech  # type: ignore

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def whisper() -> WhisperRecognizer:
    return WhisperRecognizer(REPO / "models" / WHISPER_MODEL)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("barge-pause")


def test_hold_on_over_the_answer_pauses_it(whisper: WhisperRecognizer, folder: Path) -> None:
    own = _speech(folder, ANSWER, "en-us")
    # (en+f3's "hold on" came out "don't do it on" over this echo: heard less
    # often, measured by scripts/benchmark_barge_in.py --pauses.)
    hold_on = _speech(folder, "hold on", "en-us+m3")
    heard, when, barge = _run(whisper, own, ANSWER, hold_on, at=4.0)
    assert heard == "pause", barge.heard
    assert barge.order_text.lower().strip(" .!") == "hold on", barge.order_text
    assert barge.taken_by == "full decode"
    assert 4.0 < when < len(own) / RATE, barge.heard


def test_its_own_wait_is_not_taken_for_the_users(whisper: WhisperRecognizer,
                                                 folder: Path) -> None:
    # Uncancelled (no echo path known): the microphone hears the assistant say "Wait."
    said = "Wait."
    own = _speech(folder, said, "en-us")
    reference = EchoReference()
    reference.enabled = True
    barge = BargeIn(whisper, reference=reference)
    padded = np.concatenate([np.zeros(RATE // 2), own, np.zeros(RATE // 2)]).astype(np.int16)

    def feed() -> str | None:
        for i in range(0, len(padded) - BLOCK, BLOCK):
            block = padded[i : i + BLOCK]
            heard = barge.hear(block, block, 10.0 + i / RATE)
            if heard is not None:
                return heard
        return None

    assert feed() == "pause"  # nothing said by the assistant then: the user's
    reference.said(said, 10.4, len(own) / RATE)
    assert feed() is None and barge.refused["own word"] == 1
    barge.close()


def test_only_a_request_to_wait_said_alone_pauses() -> None:
    for said in ("Wait.", "Hold on.", "Hang on!", "One moment.", "Wait a minute.",
                 "Okay, hold on."):
        assert verdict(said, pause=True) == "pause", said
    assert verdict("Hold on.") is None  # barge-in deaf to it (BargeIn(pause=False))
    assert verdict("Stop, wait.", pause=True) == "stop"  # a stop stays a stop
    for said in ("How long should I wait?", "Can I hold on to my old wheelchair?",
                 "Wait for the results before you start.", "weight", "Go on."):
        assert verdict(said, pause=True) is None, said
