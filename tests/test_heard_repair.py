"""Repairs of what Whisper heard before matching (voice/conversation/heard.py
``understood``): a heard non-word read as the rare content word it sounds
like (sound_alike.repaired_non_words), and a doubted English word put back
when it makes the question name a subject (heard.KEEP_DOUBTED_SUBJECT).
Both are only ever offered ("Did you mean ...?"), never answered outright.

The transcripts are what Whisper tiny.en (the default engine, prompted with
the content) wrote for flite clips of the even (tuning) questions of
tests/data/dev.tsv, with its word probabilities (scripts/
tune_natural_voices.py --rotate 2 --show, 2026-12-02)."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from voice.app import Assistant
from voice.content.loader import load_knowledge
from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, heard
from voice.matching import sound_alike
from voice.speech_in.base import Transcript

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge([REPO / "content"])


def whisper(*words: tuple[str, float]) -> Transcript:
    return Transcript(" ".join(w for w, _ in words), "whisper", 0.8, words=tuple(words))


def reply(kb: KnowledgeBase, said: Transcript) -> dict[str, Any]:
    return Assistant(Conversation(kb), None, out=io.StringIO(),
                     json_lines=True).handle_heard(said)


def _neurologist(drug: tuple[str, float]) -> Transcript:
    return whisper(("my", 0.85), ("neurologist", 0.95), ("wants", 0.99), ("to", 1.00),
                   ("put", 1.00), ("me", 0.99), ("on", 0.99), drug)


# "my neurologist wants to put me on baclofen", flite slt and rms.
BACKLIFFIN = _neurologist(("backliffin", 0.35))
BECKLIFIN = _neurologist(("becklifin", 0.31))
# "what gear is there to help me move about", flite awb: heard exactly, but
# "gear" at 0.16, below Whisper's sure-word threshold (0.2).
GEAR = whisper(("what", 0.99), ("gear", 0.16), ("is", 0.99), ("there", 1.00), ("to", 1.00),
               ("help", 1.00), ("me", 0.99), ("move", 1.00), ("about", 0.98))


@pytest.mark.parametrize("said", [BACKLIFFIN, BECKLIFIN])
def test_a_drug_name_misheard_as_a_non_word_is_offered_the_medication_entry(
        kb: KnowledgeBase, said: Transcript) -> None:
    got = reply(kb, said)
    # Offered, never answered outright: the repair is a guess.
    assert got["outcome"] == "confirm", got
    assert got["match"]["id"] == "medication", got


def test_without_the_repair_the_generic_rest_is_offered_another_entry(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    # What the lever changes: the rest ("my neurologist wants to put me on")
    # names the diagnosis entry.
    monkeypatch.setattr(sound_alike, "REPAIR_NON_WORDS", False)
    assert reply(kb, BACKLIFFIN)["match"]["id"] == "diagnosis-and-medical-evaluations"


def test_a_doubted_word_that_names_the_subject_is_kept_for_an_offer(kb: KnowledgeBase) -> None:
    got = reply(kb, GEAR)
    assert got["outcome"] == "confirm", got
    assert got["match"]["id"] in ("assistive-devices",
                                  "how-do-assistive-devices-improve-mobility"), got


def test_without_keeping_it_the_question_is_declined(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heard, "KEEP_DOUBTED_SUBJECT", False)
    assert reply(kb, GEAR)["outcome"] == "no_match"


@pytest.mark.parametrize("said", [
    # A doubted everyday word that names no subject is still left out:
    # "where is the train station" is not about the content.
    whisper(("where", 0.99), ("is", 0.99), ("the", 0.99), ("train", 0.16), ("station", 0.95)),
    # Barely heard (below UNHEARD_WORD, 0.15): not put back.
    whisper(("what", 0.99), ("gear", 0.05), ("is", 0.99), ("there", 1.00), ("to", 1.00),
            ("help", 1.00), ("me", 0.99), ("move", 1.00), ("about", 0.98)),
    # A non-word that sounds like no content word is no drug.
    whisper(("can", 0.99), ("you", 0.99), ("play", 0.98), ("zorbulax", 0.30)),
])
def test_what_names_no_subject_stays_declined(kb: KnowledgeBase, said: Transcript) -> None:
    assert reply(kb, said)["outcome"] == "no_match"


def test_a_non_word_heard_surely_is_not_replaced(kb: KnowledgeBase) -> None:
    # At 0.6 or more (sound_alike.UNSURE) a word is what was said.
    surely = _neurologist(("backliffin", 0.9))
    assert sound_alike.repaired_non_words(surely.words, surely.text,
                                          Conversation(kb).matcher) is None


@pytest.mark.skipif(shutil.which("flite") is None,
                    reason="flite is not installed (scripts/install.sh --dev installs it)")
def test_whisper_hearing_baclofen_in_a_flite_voice_is_offered_the_medication_entry(
        kb: KnowledgeBase, default_engine: Any, tmp_path: Path) -> None:
    """One real decode: flite's slt voice, as the benchmark says the question."""
    sys.path.insert(0, str(REPO / "scripts"))
    from benchmark_audio import pad  # type: ignore[import-not-found, unused-ignore]
    from make_spoken_questions import (  # type: ignore[import-not-found, unused-ignore]
        NATURAL_VARIANTS,
        speak,
    )

    from voice.audio.clip import read_wav

    said = default_engine.transcribe(pad(read_wav(speak(
        "my neurologist wants to put me on baclofen", NATURAL_VARIANTS[0], tmp_path))))
    got = reply(kb, said)
    assert got["outcome"] == "confirm", (said, got)
    assert got["match"]["id"] == "medication", (said, got)
