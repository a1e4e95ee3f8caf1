"""A "stop" said over an answer that Whisper's full decode also read as an
emergency stops the answer with one short line, not the emergency advice;
a cry said over an answer still gets the advice (voice/audio/barge_in.py
STOP_OR_EMERGENCY, branch barge37).

Real libspeexdsp, Whisper tiny.en (the content prompt, the quick look),
the stop-word model, real people's "stop" (tests/data/real, tuning half)
and espeak-ng's answers and cries, fed block by block as the microphone
feeds them (scripts/barge_stop_or_emergency.py's bench; no sound server).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from voice.audio import barge_in as bi
from voice.audio.clip import read_wav
from voice.models.manifest import WHISPER_MODEL

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

from barge_stop_or_emergency import (  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
    ANSWERS,
    bench,
    read_clip,
    speech,
)

STOPS = REPO / "tests" / "data" / "real" / "stop_words"
#: Real people's "stop" over the bench's answer, with a canceller that has
#: heard nothing yet, at the moment it was said in the tuning run
#: (scripts/barge_stop_or_emergency.py --stops tuning --fresh, seed 31): the
#: stretch after the word (the assistant's residual "...such as braces")
#: came out "she's not breathing" after the emergency prompt, and the
#: emergency advice was read. In both the quick look heard "stop" nearby.
READ_AS_EMERGENCY = [("sc2_stop_0cb74144_nohash_0", 1.9246768515009207),
                     ("sc2_stop_63f7a489_nohash_0", 1.5905001710776543)]


@pytest.fixture(scope="module")
def parts() -> dict[str, Any]:
    from voice.content.loader import load_knowledge
    from voice.speech_in.wake.quick_stop import load_quick_stop
    from voice.speech_in.wake.stop_word import load_stop_spotter
    from voice.speech_in.whisper import WhisperRecognizer

    kb = load_knowledge([REPO / "content"])
    spotter, problem = load_stop_spotter(check="hiss")
    assert spotter is not None, problem
    return {"whisper": WhisperRecognizer(REPO / "models" / WHISPER_MODEL, kb),
            "quick": load_quick_stop(REPO / "models" / WHISPER_MODEL), "spotter": spotter}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("barge37")


@pytest.mark.parametrize("name,at", READ_AS_EMERGENCY)
def test_a_stop_read_as_an_emergency_stops_with_the_short_line(
        parts: dict[str, Any], folder: Path, monkeypatch: pytest.MonkeyPatch,
        name: str, at: float) -> None:
    clip = read_wav(STOPS / f"{name}.wav").to_mono()
    other = read_clip(clip.samples.reshape(-1), clip.rate)
    own = speech(folder, ANSWERS[0], "en-us")
    # As before: the full decode's emergency reading is taken (the case arises).
    monkeypatch.setattr(bi, "STOP_OR_EMERGENCY", False)
    heard, by, _ = bench(own, ANSWERS[0], other, at, parts["whisper"], parts["quick"], None,
                         fresh=True)
    if heard != bi.EMERGENCY:
        pytest.skip(f"the 'stop' was not read as an emergency here ({heard}, {by})")
    monkeypatch.setattr(bi, "STOP_OR_EMERGENCY", True)
    heard, by, barge = bench(own, ANSWERS[0], other, at, parts["whisper"], parts["quick"],
                             None, fresh=True)
    assert heard == "stop", barge.heard
    assert by == "full decode"
    assert "breath" in barge.maybe_emergency, barge.maybe_emergency


@pytest.mark.parametrize("cry", ["help, I can't breathe", "I have chest pain"])
def test_a_cry_over_the_answer_still_gets_the_advice(parts: dict[str, Any], folder: Path,
                                                      cry: str) -> None:
    """Session 23's cries, the stop-word model, the quick look and the full
    decode all listening, the doubt on: an emergency, never a "stop" with
    the short line (a pin: the doubt must not take a cry's advice away)."""
    own = speech(folder, ANSWERS[0], "en-us")
    said = speech(folder, cry, "en-us+m3").astype(float)
    for at in (2.0, 3.0):
        heard, by, barge = bench(own, ANSWERS[0], said, at, parts["whisper"], parts["quick"],
                                 parts["spotter"])
        assert heard == bi.EMERGENCY, (at, heard, by, barge.heard)
        assert not barge.maybe_emergency


class _Barge:
    """What barge-in returned for the answer (the bench above makes the real one)."""

    def __init__(self, heard: str, taken_by: str, maybe_emergency: str) -> None:
        self.heard, self.taken_by = heard, taken_by
        self.maybe_emergency, self.order_text = maybe_emergency, heard

    def watch(self, talker: Any) -> str:
        return self.heard


def test_voice_listen_says_the_short_line_and_emergency_then_gets_the_advice(
        capsys: pytest.CaptureFixture[str]) -> None:
    """`voice listen`'s loop (the real conversation): after such a "stop" it
    says how to get the advice, in one line; "emergency" then gets it, and a
    plain "stop" says nothing more."""
    from voice.app import build_assistant
    from voice.cli.commands.listen import _Session
    from voice.cli.main import build_parser
    from voice.cli.options import config_from_args
    from voice.conversation import phrases
    from voice.speech_in.base import Transcript

    args = build_parser().parse_args(["listen", "--json", "--no-speak", "--no-cues"])
    cfg = config_from_args(args, forgiving=True)
    assistant = build_assistant(cfg, args, json_lines=True, persist=False, forgiving=True)
    session = _Session(cfg, args, assistant, recognizer=None)  # type: ignore[arg-type]
    session.barge = _Barge("stop", "full decode", "she's not breathing")
    assert session.after_reply() == "stop"
    err = capsys.readouterr().err
    assert phrases.STOPPED_MAYBE_EMERGENCY in err, err
    assert phrases.EMERGENCY not in err
    assert "'emergency'" in phrases.STOPPED_MAYBE_EMERGENCY
    reply = assistant.handle_heard(Transcript("Emergency.", "whisper"))
    assert reply["outcome"] == "emergency" and reply["say"] == phrases.EMERGENCY, reply
    session.barge = _Barge("stop", "stop-word model", "")
    assert session.after_reply() == "stop"
    assert phrases.STOPPED_MAYBE_EMERGENCY not in capsys.readouterr().err
