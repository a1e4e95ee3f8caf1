"""A hearing whose words to match break off mid-sentence only because barely
heard words were left out ("what causes my [othelosis]") is neither answered
nor offered (voice/conversation/heard.py ``LOST_SUBJECT``).

The rule is tested on hearings recorded from the real tiny.en (so it holds on
any CPU), and spoken through the real model over several voices: which
voice's hearing breaks off differs by CPU (branch hear12 chose en-us and
en+f3 on oneDNN's AVX-512 path; on tests/conftest.py's AVX2 path of an
AVX-512 EPYC they were heard whole, and en+f3 and white noise broke off), so
the spoken test asks that every hearing the rule changes is declined, and
that at least one of the twelve is changed. The clips are tuning-half
requests the content does not answer (tests/data/health-tuning.tsv, the even
questions of tests/data/dev.tsv)."""

from __future__ import annotations

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import heard
from voice.speech_in.base import Transcript
from voice.speech_in.whisper import WhisperRecognizer

from .test_asked_by_audio import BENCHMARK_VARIANTS, hear, reply

REQUESTS = ("what causes mouth ulcers", "how long do i boil an egg")


def recorded(words: list[tuple[str, float]]) -> Transcript:
    return Transcript(" ".join(w for w, _ in words), "whisper",
                      sum(c for _, c in words) / len(words), words=tuple(words))


@pytest.mark.parametrize("words, before", [
    # health-tuning.tsv, espeak-ng en-us (AVX-512 path): "what causes my" was
    # answered outright with the causes of spasms.
    ([("what", 0.898), ("causes", 0.968), ("my", 0.658), ("othelosis", 0.161)], "answer"),
    # dev.tsv (even), espeak-ng: "how long do my" was offered long-term management.
    ([("how", 0.976), ("long", 0.997), ("do", 0.851), ("my", 0.891), ("more", 0.093),
      ("young", 0.080), ("men", 0.160)], "confirm"),
], ids=["what causes my", "how long do my"])
def test_a_recorded_hearing_cut_off_by_its_unsure_words_is_declined(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch,
        words: list[tuple[str, float]], before: str) -> None:
    said = recorded(words)
    assert heard.query_of(said) != said.text  # unsure words were left out
    got = reply(kb, said)
    assert got["outcome"] == "no_match", got
    assert "catch" in got["say"], got  # not heard clearly: asked again
    # What the rule changes: without it the fragment is answered or offered.
    monkeypatch.setattr(heard, "LOST_SUBJECT", False)
    assert reply(kb, said)["outcome"] == before


def test_spoken_hearings_cut_off_by_their_unsure_words_are_declined(
        kb: KnowledgeBase, whisper_tiny: WhisperRecognizer,
        monkeypatch: pytest.MonkeyPatch) -> None:
    changed = []
    for request_ in REQUESTS:
        for voice in BENCHMARK_VARIANTS:
            said = hear(whisper_tiny, request_, voice)
            with monkeypatch.context() as m:
                m.setattr(heard, "LOST_SUBJECT", False)
                without = reply(kb, said)["outcome"]
            got = reply(kb, said)
            if got["outcome"] != without:
                changed.append((request_, voice.name, said.text, without))
                assert got["outcome"] == "no_match" and "catch" in got["say"], got
    print("changed by the rule:", changed)
    assert changed, "no hearing broke off: the rule was not exercised"
