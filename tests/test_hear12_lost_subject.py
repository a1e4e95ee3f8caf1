"""A hearing whose words to match break off mid-sentence only because barely
heard words were left out ("what causes my [othelosis]") is neither answered
nor offered (voice/conversation/heard.py ``LOST_SUBJECT``).

Which clips tiny.en hears cut off that way differs by CPU (tests/conftest.py):
the rule is tested on hearings recorded from real decodes
(tests/data/heard/lost-subject.json, scripts/record_hearings.py), on two CPU
paths; the spoken test asks, over a set of clips, only what held on both
paths. The clips are tuning-half requests the content does not answer
(tests/data/health-tuning.tsv, the even questions of tests/data/dev.tsv),
spoken by espeak-ng and heard by the real tiny.en model that
scripts/install.sh installs."""

from __future__ import annotations

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import heard, how_long, unfinished
from voice.speech_in.base import Transcript
from voice.speech_in.whisper import WhisperRecognizer

from .recorded import recorded as recorded_in
from .test_asked_by_audio import BENCHMARK_VARIANTS, hear, reply


def recorded(id_: str) -> Transcript:
    """A hearing of tests/data/heard/lost-subject.json, without its audio (so
    the checks by the audio, tested in test_asked_by_audio and
    test_heard_again, stay out of it)."""
    return recorded_in("lost-subject", id_)


@pytest.mark.parametrize("id_, before", [
    # "what cure is my focus(0.07)": "what cure is my" was offered the cure FAQ.
    ("ulcers-en+f3-avx2", "confirm"),
    # "how long do my body(0.12) learn(0.11)": "how long do my" was offered
    # long-term management.
    ("egg-rp-white-avx2", "confirm"),
    # Heard on oneDNN's AVX-512 path: "what causes my othelosis(0.16)",
    # "what causes my" was answered outright with the causes section.
    ("ulcers-en-us-avx512", "answer"),
    # "how long do my more(0.09) young(0.08) men(0.16)"; "... body(0.11)
    # look(0.10) like(0.33)": both offered long-term management.
    ("egg-en+f3-avx512", "confirm"),
    ("egg-rp-white-avx512", "confirm"),
])
def test_a_hearing_cut_off_by_its_unsure_words_is_declined(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, id_: str, before: str) -> None:
    said = recorded(id_)
    assert heard.query_of(said) != said.text  # unsure words were left out
    got = reply(kb, said)
    assert got["outcome"] == "no_match", got
    assert "catch" in got["say"], got  # not heard clearly: asked again
    # What the rule changes: without it the fragment is answered or offered
    # (unfinished.CUT_SHORT_OFFERED, which offers "what causes my" rather
    # than answer it, is turned off too: this measures LOST_SUBJECT alone).
    monkeypatch.setattr(heard, "LOST_SUBJECT", False)
    monkeypatch.setattr(unfinished, "CUT_SHORT_OFFERED", False)
    # And how_long.REMATCH (session 25), which declines "how long do my" too:
    # without "long" it matches nothing.
    monkeypatch.setattr(how_long, "REMATCH", False)
    assert reply(kb, said)["outcome"] == before


def test_a_hearing_that_kept_its_subject_is_left_to_the_matcher(kb: KnowledgeBase) -> None:
    # The same clip as "ulcers-en-us-avx512" on the tests' AVX2 path:
    # "othelcers" at 0.21 is kept (heard.SURE_WORD 0.2), so nothing breaks
    # off and the rule does not apply; the matcher offers, never answers, it.
    said = recorded("ulcers-en-us-avx2")
    assert heard.query_of(said) == said.text
    assert reply(kb, said)["outcome"] == "confirm"


def test_no_spoken_request_of_the_set_is_answered_and_most_are_declined(
        kb: KnowledgeBase, whisper_tiny: WhisperRecognizer) -> None:
    # 2 requests x the 6 benchmark voices, on this AMD EPYC Zen 4
    # (2026-12-03, printed by hear()): declined 11 of 12 both on the tests'
    # AVX2 path, on oneDNN's AVX-512 path and with CTranslate2's AVX-512
    # kernels too (CT2_FORCE_CPU_ISA=AVX512 ONEDNN_MAX_CPU_ISA=ALL: "what
    # causes my lifestyle(0.04)"), which clips differing, the other offered;
    # without LOST_SUBJECT 9 of 12 on both paths, and on the AVX-512
    # path "what causes mouth ulcers" (en-us) answered outright. 10 leaves
    # one clip of margin for another CPU.
    outcomes = []
    for request_ in ("what causes mouth ulcers", "how long do i boil an egg"):
        for voice in BENCHMARK_VARIANTS:
            outcomes.append(reply(kb, hear(whisper_tiny, request_, voice))["outcome"])
    print(outcomes)
    assert "answer" not in outcomes  # an out-of-scope request read an answer
    assert outcomes.count("no_match") >= 10, outcomes
