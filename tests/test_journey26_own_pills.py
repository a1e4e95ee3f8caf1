"""Session 25 (branch journey26): "how do I take my own pills".

Typed, it was read Medication in full ("Muscle relaxants and anticonvulsants
..."), which says nothing of how to take anyone's pills. Spoken, worse:
espeak-ng's "how do i take my own pulse" (tests/data/health-tuning.tsv, an
uncovered question) was heard "how do i take my own pills" (rp with white
noise: read Medication in full), and "... my own pills" said was heard "...
my own bills" in 5 of 6 voices (declined, or "Did you mean: Medication?").
Now how or when to take one's own medicine is met with where to find out
(the label, the leaflet, the pharmacist), and Medication is offered, never
read unasked (voice/conversation/own_medicine.py ``asks_how_to_take``).
Hearings recorded from real decodes: tests/data/heard/own-pills.json."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import phrases
from voice.speech_in.whisper import WhisperRecognizer

from .conftest import voice_text_replies
from .recorded import recorded
from .test_asked_by_audio import BENCHMARK_VARIANTS, hear, reply


@pytest.mark.parametrize("id_", ["pulse-rp-white-avx2", "pulse-en-us+f4-pink-avx2"])
def test_pulse_heard_as_pills_is_not_read_medication(kb: KnowledgeBase, id_: str) -> None:
    got = reply(kb, recorded("own-pills", id_))  # heard "how do i take my own pills"
    assert got["outcome"] == "confirm", got  # offered, never read
    assert got["say"].startswith(phrases.HOW_TO_TAKE), got
    assert got["match"]["id"] == "medication", got


@pytest.mark.parametrize("id_", ["pills-en-us-avx2", "pills-en-avx2", "pills-en+f3-avx2",
                                 "pills-en-us+m3-slow-avx2", "pills-en-us+f4-pink-avx2"])
def test_pills_heard_as_bills_is_met_as_pills(kb: KnowledgeBase, id_: str) -> None:
    got = reply(kb, recorded("own-pills", id_))  # heard "how do i take my own bills"
    assert got["say"].startswith(phrases.HOW_TO_TAKE), got


def test_pulse_heard_by_whisper_is_never_read_an_entry(
        kb: KnowledgeBase, whisper_tiny: WhisperRecognizer) -> None:
    """Live: espeak-ng into Whisper tiny.en, the two voices that heard "pills"."""
    for voice in (BENCHMARK_VARIANTS[4], BENCHMARK_VARIANTS[5]):
        got = reply(kb, hear(whisper_tiny, "how do i take my own pulse", voice))
        assert got["outcome"] != "answer", got


def test_typed_in_voice_text(tmp_path: Path) -> None:
    replies = voice_text_replies(["how do i take my own pills", "yes"], tmp_path)
    assert replies[0]["outcome"] == "confirm" and replies[0]["say"].startswith(phrases.HOW_TO_TAKE)
    assert replies[1]["outcome"] == "answer" and replies[1]["match"]["title"] == "Medication"
