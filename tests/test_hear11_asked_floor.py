"""The content's own questions are offered for a misheard request only when
Whisper heard it surely enough (voice/conversation/heard.py ``ASKED_FLOOR``,
the mean probability of the heard words), with the real tiny.en model that
scripts/install.sh installs and espeak-ng speech. The clips are tuning-half
requests (tests/data/foreign-tuning.tsv, tests/data/tuning.tsv)."""

from __future__ import annotations

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import heard
from voice.speech_in.whisper import WhisperRecognizer

from .test_asked_by_audio import BENCHMARK_VARIANTS, Variant, hear, reply


@pytest.mark.parametrize("request_", [
    # tests/data/foreign-tuning.tsv, espeak-ng en-us: heard "dry(0.23)
    # advice(0.09)" and offered an entry by the audio's choice.
    "Brighten lights",
])
def test_an_unsure_hearing_is_not_offered_the_contents_question(
        kb: KnowledgeBase, whisper_tiny: WhisperRecognizer, monkeypatch: pytest.MonkeyPatch,
        request_: str) -> None:
    said = hear(whisper_tiny, request_, BENCHMARK_VARIANTS[0])
    assert heard.ASKED_FLOOR is not None
    assert (said.confidence or 0.0) < heard.ASKED_FLOOR
    got = reply(kb, said)
    assert got["outcome"] == "no_match", got
    # What the floor changes: without it the same hearing is offered an entry.
    monkeypatch.setattr(heard, "ASKED_FLOOR", None)
    assert reply(kb, said)["outcome"] == "confirm"


@pytest.mark.parametrize("question, voice, entry", [
    # tests/data/tuning.tsv in espeak-ng en: heard "foodies play apart", surely
    # enough (mean word probability 0.65) for the step to offer the right entry.
    ("do genes play a part", BENCHMARK_VARIANTS[1], "are-neuromuscular-disorders-hereditary"),
])
def test_a_surer_hearing_is_still_offered_the_right_entry(
        kb: KnowledgeBase, whisper_tiny: WhisperRecognizer, question: str, voice: Variant,
        entry: str) -> None:
    said = hear(whisper_tiny, question, voice)
    assert heard.ASKED_FLOOR is not None
    assert (said.confidence or 0.0) >= heard.ASKED_FLOOR
    got = reply(kb, said)
    assert got["outcome"] == "confirm", got
    assert got["match"]["id"] == entry, got
