"""Whisper's second hearing (whisper/engine.py ``SECOND_HEARING_BELOW``): a
beam's words for a question whose greedy decode scored low, understood only
when the first hearing matches nothing, and then offered ("Did you mean
...?"), never answered outright (voice/conversation/heard.py
``understood``). Branch hear18 put the beam's words in place of the greedy
ones, and tests/test_heard_again.py's spoken acupuncture was offered the cure
FAQ from the beam's "what an accurate cure for it" though the greedy hearing
had found the right entry.

The rule on hearings written here (no audio kept: the checks by the audio
stand aside); the engine on real tiny.en decodes of espeak-ng clips, the
threshold set to 0 so every greedy decode is heard again whatever this CPU
scores it (which clips score below -0.7 differs by CPU).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest

from voice.app import Assistant
from voice.audio.clip import read_wav
from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.speech_in.base import Transcript
from voice.speech_in.whisper import WhisperRecognizer, engine
from voice.speech_in.whisper.rescoring import WhisperTranscript

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from benchmark_audio import pad  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
from make_spoken_questions import (  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
    BENCHMARK_VARIANTS,
    speak,
)


def reply(kb: KnowledgeBase, said: Transcript) -> dict[str, Any]:
    return Assistant(Conversation(kb), None, out=io.StringIO(),
                     json_lines=True).handle_heard(said)


def hearing(text: str, p: float, second: str | None = None) -> WhisperTranscript:
    again = hearing(second, 0.95) if second else None
    return WhisperTranscript(text, "whisper", p, words=tuple((w, p) for w in text.split()),
                             second_hearing=again)


def test_a_second_hearing_is_offered_when_the_first_matches_nothing(
        kb: KnowledgeBase) -> None:
    # hear17's tuning clip "do herbal remedies help": greedy "our neck around
    # the tummy" (matches nothing). The beam's words, though heard surely
    # word for word, are offered, not answered.
    said = hearing("our neck around the tummy", 0.4, second="do herbal remedies help")
    got = reply(kb, said)
    assert got["outcome"] == "confirm", got
    assert got["match"]["id"] == "alternative-therapies", got
    # The control: the same first hearing alone is declined.
    assert reply(kb, hearing("our neck around the tummy", 0.4))["outcome"] == "no_match"


def test_a_first_hearing_that_matches_keeps_its_entry(kb: KnowledgeBase) -> None:
    # This session's espeak-ng en-us "what is acupuncture good for": greedy
    # "what in acupuncture do you want to do for it" (offered the right
    # entry), the beam "what an accurate cure for it" (the cure FAQ).
    said = hearing("what in acupuncture do you want to do for it", 0.4,
                   second="what an accurate cure for it")
    got = reply(kb, said)
    assert got["match"]["id"] == "alternative-therapies", got
    # What the beam's words alone would be given: the wrong entry.
    assert reply(kb, hearing("what an accurate cure for it", 0.4))["match"]["id"] != \
        "alternative-therapies"


def test_a_second_hearing_that_matches_nothing_either_is_declined(kb: KnowledgeBase) -> None:
    said = hearing("our neck around the tummy", 0.4, second="permit the genetic")
    assert reply(kb, said)["outcome"] == "no_match"


@pytest.mark.parametrize("below", [0.0, None])
def test_the_engine_hears_a_doubtful_question_again(
        kb: KnowledgeBase, whisper_tiny: WhisperRecognizer, monkeypatch: pytest.MonkeyPatch,
        below: float | None) -> None:
    # Three of the benchmark's voices saying "what is acupuncture good for":
    # on this AMD EPYC's AVX2 path the greedy decode scored -1.17 to -1.56
    # in each, and the beam heard other words in each.
    monkeypatch.setattr(engine, "SECOND_HEARING_BELOW", below)
    voices = [v for v in BENCHMARK_VARIANTS if v.name in ("en-us", "en-us+m3/tempo0.8",
                                                          "en-us+f4/pink20dB")]
    assert len(voices) == 3
    again = []
    for v in voices:
        said = whisper_tiny.transcribe(pad(read_wav(speak("what is acupuncture good for", v))))
        second = getattr(said, "second_hearing", None)
        if second is not None:
            assert second.text != said.text and second.words
            again.append(second.text)
    if below is None:
        assert again == []  # off: heard once, as main hears
    else:
        assert again, "no second hearing on any of the three voices"
