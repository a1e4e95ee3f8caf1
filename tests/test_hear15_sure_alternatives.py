"""A question Whisper heard surely that matches nothing: the beam's other
hearings of the same audio are searched then (never for one that matches),
and an entry two of them agree on is offered, never answered
(voice/conversation/heard.py ``SURE_ALTERNATIVES_AGREE``).

The rule is tested on hearings and beams recorded from real tiny.en decodes
of espeak-ng tuning clips (CTranslate2's own instruction-set path; which
clips tiny.en hears surely differs by CPU); the lazy search on a real decode.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from voice.app import Assistant
from voice.audio.clip import read_wav
from voice.content.model import KnowledgeBase
from voice.conversation import heard
from voice.conversation.conversation import Conversation
from voice.matching.matcher import Matcher
from voice.speech_in.base import Transcript

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from benchmark_audio import pad  # type: ignore[import-not-found, unused-ignore]
from make_spoken_questions import (  # type: ignore[import-not-found, unused-ignore]
    BENCHMARK_VARIANTS,
    speak,
)


class _Beam:
    """A recorded beam in place of the audio scorer; counts the searches."""

    def __init__(self, texts: list[str]) -> None:
        self.texts, self.searched = texts, 0

    def alternatives(self, said: str) -> tuple[str, ...]:
        self.searched += 1
        return tuple(t for t in self.texts if t != said)

    # The later checks by the audio: every other text far under what was
    # heard, so they offer nothing (only this rule is tested).
    def loglik(self, texts: list[str]) -> list[float]:
        return [0.0, *(-1000.0 for _ in texts[1:])]

    def fits(self, texts: list[str]) -> list[Any]:
        from voice.speech_in.whisper.rescoring import Fit

        return [Fit(-1.0, 1), *(Fit(-1000.0, 1) for _ in texts[1:])]


def _heard(text: str, words: tuple[tuple[str, float], ...], beam: list[str]) -> Any:
    from voice.speech_in.whisper.rescoring import WhisperTranscript

    return WhisperTranscript(text, "whisper", sum(p for _, p in words) / len(words),
                             words=words, scorer=_Beam(beam))  # type: ignore[arg-type]


#: (heard, its words, the beam's other hearings, the entry said for); dev.tsv
#: and tuning.tsv questions in espeak-ng voices.
CASES = [
    ("what's written it on",
     (("what's", 0.567), ("written", 0.244), ("it", 0.277), ("on", 0.963)),
     ["what brings it on", "what's bringing it on", "well bring it on"],
     "causes-and-risk-factors"),
    ("well i know if i'm guarded",
     (("well", 0.483), ("i", 0.660), ("know", 0.994), ("if", 0.907), ("i'm", 0.718),
      ("guarded", 0.270)),
     ["well i know if i got it", "how will i know if i got it", "well i know if i've got it",
      "well i know if i'm got it"],
     "what-are-the-early-signs-of-neuromuscular-disorders"),
    ("can a physician operate this to make me stronger",
     (("can", 0.785), ("a", 0.399), ("physician", 0.347), ("operate", 0.424), ("this", 0.952),
      ("to", 0.973), ("make", 0.995), ("me", 0.981), ("stronger", 0.990)),
     ["can the physician operate this to make me stronger",
      "can a physical therapist make me stronger", "can a physical therapy make me stronger"],
     "what-role-does-physical-therapy-play-in-managing-these-conditions"),
]
IDS = ["brings-it-on", "know-if-got-it", "physiotherapist"]


@pytest.fixture
def agree() -> Iterator[None]:
    was = heard.SURE_ALTERNATIVES_AGREE
    heard.SURE_ALTERNATIVES_AGREE = 2
    yield
    heard.SURE_ALTERNATIVES_AGREE = was


def _reply(kb: KnowledgeBase, said: Transcript) -> dict[str, Any]:
    return Assistant(Conversation(kb), None, out=io.StringIO(),
                     json_lines=True).handle_heard(said)


@pytest.mark.parametrize(("text", "words", "beam", "entry"), CASES, ids=IDS)
def test_agreeing_hearings_of_a_sure_unmatched_question_are_offered(
        kb: KnowledgeBase, agree: None, text: str, words: tuple[tuple[str, float], ...],
        beam: list[str], entry: str) -> None:
    said = _heard(text, words, beam)
    assert not heard.is_doubtful(said)
    reply = _reply(kb, said)
    assert (reply["outcome"], reply["match"]["id"]) == ("confirm", entry)


@pytest.mark.parametrize(("text", "words", "beam", "entry"), CASES, ids=IDS)
def test_without_the_rule_it_is_declined(kb: KnowledgeBase, text: str,
                                         words: tuple[tuple[str, float], ...],
                                         beam: list[str], entry: str) -> None:
    was = heard.SURE_ALTERNATIVES_AGREE
    heard.SURE_ALTERNATIVES_AGREE = None
    try:
        said = _heard(text, words, beam)
        assert _reply(kb, said)["outcome"] != "confirm"
        assert said.scorer.searched == 0
    finally:
        heard.SURE_ALTERNATIVES_AGREE = was


def test_one_agreeing_hearing_is_not_enough(kb: KnowledgeBase, agree: None) -> None:
    text, words, beam, _ = CASES[2]
    said = _heard(text, words, beam[:2])  # one offers physical therapy
    assert heard.unmatched_agreed(said, heard.query_of(said), Matcher(kb)) is None


def test_a_question_that_matches_is_not_searched(kb: KnowledgeBase, agree: None) -> None:
    said = _heard("what causes spasms", (("what", 0.99), ("causes", 0.98), ("spasms", 0.97)),
                  ["what is neuromodulation", "what is neuromodulation therapy"])
    assert _reply(kb, said)["match"]["id"] == "causes-and-risk-factors"
    assert said.scorer.searched == 0


def test_the_beam_is_searched_from_the_same_audio_once(whisper_tiny: Any) -> None:
    """On a real decode: the other hearings come from the kept encoding, what
    was heard left out, searched on the first call only."""
    said = whisper_tiny.transcribe(pad(read_wav(speak("what brings it on",
                                                      BENCHMARK_VARIANTS[0]))))
    scorer = said.scorer
    got = scorer.alternatives(said.text)
    assert got and all(isinstance(t, str) and t for t in got)
    words = " ".join(w for w, _ in said.words)
    assert words not in got
    searched = scorer._searched
    assert scorer.alternatives(said.text) == got and scorer._searched is searched
