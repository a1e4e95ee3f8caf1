"""Whisper chooses what was heard by a beam of 2 (whisper/decoder.py
``BEAM_SIZE``), its words' probabilities forced through the decoder.

Two dev.tsv tuning questions (the colloquial tuning half) said by espeak-ng
in the benchmark's conditions, decoded by the real tiny.en on the tests'
AVX2 path (2026-12-04): greedily, "anything promising on the horizon" was
heard "anything promising under verizon" (declined) and "will my
grandchildren get it" in pink noise "will my grandchildren care to do",
answered outright with a wrong entry; the beam of 2 hears both word for word.
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
from voice.conversation import Conversation
from voice.speech_in.base import Transcript
from voice.speech_in.whisper import WhisperRecognizer, decoder

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from benchmark_audio import pad  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
from make_spoken_questions import (  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
    BENCHMARK_VARIANTS,
    speak,
)

VOICES = {v.name: v for v in BENCHMARK_VARIANTS}


def hear(rec: WhisperRecognizer, said: str, voice: str) -> Transcript:
    return rec.transcribe(pad(read_wav(speak(said, VOICES[voice]))))


def reply(kb: KnowledgeBase, said: Transcript) -> dict[str, Any]:
    return Assistant(Conversation(kb), None, out=io.StringIO(),
                     json_lines=True).handle_heard(said)


def test_the_decode_is_a_beam_of_two() -> None:
    assert decoder.BEAM_SIZE == 2


def test_on_the_horizon_is_heard_and_answered(
        kb: KnowledgeBase, whisper_tiny: WhisperRecognizer) -> None:
    said = hear(whisper_tiny, "anything promising on the horizon", "en+f3")
    assert said.text == "anything promising on the horizon"
    got = reply(kb, said)
    assert got["outcome"] != "no_match", got
    assert got["match"]["id"] == "what-recent-breakthroughs-offer-hope-for-treatment"


def test_grandchildren_in_pink_noise_is_not_answered_with_a_wrong_entry(
        kb: KnowledgeBase, whisper_tiny: WhisperRecognizer) -> None:
    said = hear(whisper_tiny, "will my grandchildren get it", "en-us+f4/pink20dB")
    assert said.text == "will my grandchildren get it"
    got = reply(kb, said)
    if got["outcome"] == "answer":
        assert got["match"]["id"] == "are-neuromuscular-disorders-hereditary", got


def test_the_beams_words_carry_probabilities(whisper_tiny: WhisperRecognizer) -> None:
    # One per word, each a probability; the clearly said content words read
    # sure. (The first word reads lower than greedy's softmax gave it: forced
    # through the decoder, the blank and other suppressed tokens keep their
    # share; "anything" 0.20 here.)
    said = hear(whisper_tiny, "anything promising on the horizon", "en-us")
    assert [w for w, _ in said.words] == said.text.split()
    assert all(0.0 < p <= 1.0 for _, p in said.words)
    assert dict(said.words)["horizon"] > 0.9, said.words


@pytest.mark.parametrize("width", [1, 2])
def test_greedy_and_beam_give_one_word_probability_per_word(
        whisper_tiny: WhisperRecognizer, width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # Control: both paths of WindowDecoder.generate stay usable.
    monkeypatch.setattr(decoder, "BEAM_SIZE", width)
    said = hear(whisper_tiny, "what causes spasms", "en-us")
    assert said.text.startswith("what causes")
    assert len(said.words) == len(said.text.split())


def test_only_the_content_prompts_decode_is_a_beam(
        whisper_tiny: WhisperRecognizer, monkeypatch: pytest.MonkeyPatch) -> None:
    # A short reply is decoded after the content prompt and the short-reply,
    # command and request prompts (whisper/short_replies.py); with all of them
    # a beam of 2, real people's digits were heard right 75 -> 72 of 82
    # (tests/data/real, tuning half), so only the first is a beam.
    dec = whisper_tiny._decoder
    widths: list[int] = []
    inner = dec._generate

    def spy(*a: Any, **kw: Any) -> Any:
        if "num_hypotheses" not in kw:  # not the beam of alternatives
            widths.append(kw["beam_size"])
        return inner(*a, **kw)

    monkeypatch.setattr(dec, "_generate", spy)
    hear(whisper_tiny, "three", "en-us")
    assert widths[0] == 2
    assert len(widths) >= 4 and set(widths[1:]) == {1}, widths
