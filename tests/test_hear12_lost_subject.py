"""A hearing whose words to match break off mid-sentence only because barely
heard words were left out ("what causes my [othelosis]") is neither answered
nor offered (voice/conversation/heard.py ``LOST_SUBJECT``), with the real
tiny.en model that scripts/install.sh installs and espeak-ng speech. The
clips are tuning-half requests the content does not answer
(tests/data/health-tuning.tsv, the even questions of tests/data/dev.tsv)."""

from __future__ import annotations

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import heard
from voice.speech_in.whisper import WhisperRecognizer

from .test_asked_by_audio import BENCHMARK_VARIANTS, Variant, hear, reply


@pytest.mark.parametrize("request_, voice, before", [
    # health-tuning.tsv, espeak-ng en-us: heard "what causes my othelosis",
    # the non-word at 0.16 left out: "what causes my" was answered outright
    # with the causes of spasms.
    ("what causes mouth ulcers", BENCHMARK_VARIANTS[0], "answer"),
    # dev.tsv (even), espeak-ng en+f3: heard "how long do my more young men",
    # the last three words under 0.2: "how long do my" was offered long-term
    # management.
    ("how long do i boil an egg", BENCHMARK_VARIANTS[2], "confirm"),
])
def test_a_hearing_cut_off_by_its_unsure_words_is_declined(
        kb: KnowledgeBase, whisper_tiny: WhisperRecognizer, monkeypatch: pytest.MonkeyPatch,
        request_: str, voice: Variant, before: str) -> None:
    said = hear(whisper_tiny, request_, voice)
    assert heard.query_of(said) != said.text  # unsure words were left out
    got = reply(kb, said)
    assert got["outcome"] == "no_match", got
    assert "catch" in got["say"], got  # not heard clearly: asked again
    # What the rule changes: without it the fragment is answered or offered.
    monkeypatch.setattr(heard, "LOST_SUBJECT", False)
    assert reply(kb, said)["outcome"] == before
