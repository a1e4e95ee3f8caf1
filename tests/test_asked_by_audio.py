"""A spoken question whose transcript matches nothing is offered the
content's own question the audio carries best (voice/conversation/heard.py
``asked_by_audio``, voice/speech_in/whisper/rescoring.py ``AudioScorer.fits``),
with the real tiny.en model that scripts/install.sh installs and espeak-ng
speech. The clips are tuning-half questions (tests/data/tuning.tsv,
tests/data/health-tuning.tsv, tests/data/dev.tsv)."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Any

import pytest

from voice.app import Assistant
from voice.audio.clip import read_wav
from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, heard, volume_by_audio
from voice.matching.matcher import Matcher
from voice.speech_in.base import Transcript
from voice.speech_in.whisper import WhisperRecognizer
from voice.speech_in.whisper.rescoring import scorer_of, without_audio

from .recorded import hearing, recorded_with_audio

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from benchmark_audio import pad  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
from make_spoken_questions import (  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
    BENCHMARK_VARIANTS,
    Variant,
    speak,
)


def reply(kb: KnowledgeBase, said: Transcript) -> dict[str, Any]:
    return Assistant(Conversation(kb), None, out=io.StringIO(),
                     json_lines=True).handle_heard(said)


def hear(whisper_tiny: WhisperRecognizer, text: str, voice: Variant) -> Transcript:
    said = whisper_tiny.transcribe(pad(read_wav(speak(text, voice))))
    print("heard:", said.words, said.confidence)
    return said


# Which clips tiny.en hears as nothing matching differs by CPU (tests/
# conftest.py): the step is tested on hearings recorded from real decodes
# (tests/data/heard/asked-by-audio.json) with the audio of the same clip, and
# the spoken tests ask over a set of clips only what held on three CPU paths
# of this AMD EPYC Zen 4 (2026-12-03): the tests' AVX2 path, oneDNN's AVX-512
# path, and CT2_FORCE_CPU_ISA=AVX512 ONEDNN_MAX_CPU_ISA=ALL.


@pytest.mark.parametrize("id_, entry", [
    # tests/data/tuning.tsv in espeak-ng en: heard "foodies play apart" (the
    # tests' AVX2 path); "do genes play a part" scored 0.57 nats per token
    # above it against the audio (ASKED_MARGIN 0.5 below).
    ("genes-en-avx2", "are-neuromuscular-disorders-hereditary"),
    # en-us+m3 slowed: "two genes play harder" (every path), +0.70.
    ("genes-en-us+m3-slow-avx2", "are-neuromuscular-disorders-hereditary"),
    # en: "what did the electrode repeat" (every path), +0.14.
    ("emg-en-avx2", "diagnosis-and-medical-evaluations"),
])
def test_a_question_heard_as_nothing_matching_is_offered_the_right_entry(
        kb: KnowledgeBase, whisper_tiny: WhisperRecognizer, monkeypatch: pytest.MonkeyPatch,
        id_: str, entry: str) -> None:
    said = recorded_with_audio("asked-by-audio", id_, whisper_tiny)
    assert hearing("asked-by-audio", id_)["said"] not in said.text  # misheard
    got = reply(kb, said)
    # Offered, never answered outright: the audio chose among the content's questions.
    assert got["outcome"] == "confirm", got
    assert got["match"]["id"] == entry, got
    # What the lever changes: the same hearing without it is declined. The
    # volume read from the audio is off too: on an Intel Xeon (session 43)
    # the en-us+m3 clip without this lever fitted "quieter" within
    # volume_by_audio's margin (its figures were taken on an AMD EPYC), a
    # step after this one and none of this test's concern.
    monkeypatch.setattr(heard, "ASKED_MARGIN", None)
    monkeypatch.setattr(volume_by_audio, "ON", False)
    assert reply(kb, said)["outcome"] == "no_match"
    # And without the audio (an older Home Assistant question, a cached transcript).
    monkeypatch.undo()
    assert reply(kb, without_audio(said))["outcome"] == "no_match"


@pytest.mark.parametrize("id_", [
    # An uncovered health question (tests/data/health-tuning.tsv), en-us:
    # "how do i know if i have a near infection"; the best question scored
    # 2.62 nats per token below it.
    "ear-en-us-avx2",
    # tests/data/dev.tsv (even), espeak-ng en-gb-x-rp under white noise: "tell
    # me on your own" on the AVX2 path (-3.89), "tell me you're joking" on
    # oneDNN's AVX-512 path (-2.48).
    "joke-rp-white-avx2",
    "joke-rp-white-avx512",
])
def test_out_of_scope_speech_is_still_declined(
        kb: KnowledgeBase, whisper_tiny: WhisperRecognizer, monkeypatch: pytest.MonkeyPatch,
        id_: str) -> None:
    said = recorded_with_audio("asked-by-audio", id_, whisper_tiny)
    assert reply(kb, said)["outcome"] == "no_match"
    # The step ran and had a question to offer: only the audio's score keeps it out.
    monkeypatch.setattr(heard, "ASKED_MARGIN", 100.0)
    assert reply(kb, said)["outcome"] == "confirm"


def test_spoken_questions_misheard_are_offered_the_right_entry_never_answered_wrong(
        kb: KnowledgeBase, whisper_tiny: WhisperRecognizer) -> None:
    # 2 tuning.tsv questions x the 6 benchmark voices: the right entry offered
    # for 6 of 12 on each of the three CPU paths (which clips differ: "do genes
    # play a part" in en is heard "foodies play apart" (0.65) on the AVX2 path,
    # "food is played apart" (0.38, under ASKED_FLOOR) on the AVX-512 ones),
    # 1 of 12 without ASKED_MARGIN; two clips of "what is electromyography"
    # are offered a wrong entry by other steps on every path. 4 leaves two
    # clips of margin for another CPU. On an AMD EPYC's AVX2 path (session
    # 37) en-us+f4 under pink noise is heard "two genes play a part" (0.60)
    # and answered with the right entry: a hearing that close may be
    # answered, but never with another entry.
    right = 0
    for question, entry in (("do genes play a part", "are-neuromuscular-disorders-hereditary"),
                            ("what is electromyography", "diagnosis-and-medical-evaluations")):
        for voice in BENCHMARK_VARIANTS:
            got = reply(kb, hear(whisper_tiny, question, voice))
            print(question, voice, got["outcome"], (got.get("match") or {}).get("id"))
            # A guess: never answered with another entry.
            assert got["outcome"] in ("confirm", "no_match") or (
                got["outcome"] == "answer" and got["match"]["id"] == entry), got
            right += got["outcome"] in ("confirm", "answer") and got["match"]["id"] == entry
    assert right >= 4


def test_spoken_out_of_scope_requests_are_declined(
        kb: KnowledgeBase, whisper_tiny: WhisperRecognizer) -> None:
    # health-tuning.tsv's ear infection and dev.tsv's joke x the 6 benchmark
    # voices: 12 of 12 declined on each of the three CPU paths. With
    # ASKED_MARGIN 100 (the best question always offered) the ear infection in
    # en-us is offered an entry: a margin too wide fails here.
    outcomes = [reply(kb, hear(whisper_tiny, request_, voice))["outcome"]
                for request_ in ("how do i know if i have an ear infection", "tell me a joke")
                for voice in BENCHMARK_VARIANTS]
    assert outcomes == ["no_match"] * 12, outcomes


def test_the_closest_questions_by_sound_come_from_the_content(kb: KnowledgeBase) -> None:
    matcher = Matcher(kb)
    questions = heard.question_texts(matcher)
    # FAQ questions and "Also asked" phrasings, written as heard text is.
    assert questions["can these disorders be cured"] == (
        "is-there-a-cure-for-neuromuscular-disorders")
    assert questions["is there a cure for neuromuscular disorders"] == (
        "is-there-a-cure-for-neuromuscular-disorders")  # the FAQ's own question
    assert all(q == q.lower() and "?" not in q for q in questions)
    # A mishearing that lost its word boundaries still finds its question first.
    assert heard.closest_questions("can these this orders be cured", matcher, 3)[0] == (
        "can these disorders be cured")


def test_texts_are_scored_against_the_speech_alone(whisper_tiny: WhisperRecognizer) -> None:
    said = hear(whisper_tiny, "can these disorders be cured", BENCHMARK_VARIANTS[0])
    scorer = scorer_of(said)
    assert scorer is not None
    right, other = scorer.fits([said.text, "what is the weather like today"])
    assert right.per_token > other.per_token + 1, (right, other)
    assert right.tokens == len(scorer._tokenizer.encode(scorer.render(said.text))) + 1
