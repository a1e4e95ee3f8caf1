"""Heard words read as the rare content word they sound like, checked by the
audio (voice/conversation/heard.py ``checked_by_audio``,
voice/matching/sound_alike.py ``heard_readings``,
voice/speech_in/whisper/rescoring.py), with the real tiny.en model that
scripts/install.sh installs, flite (installed by scripts/install.sh --dev)
and espeak-ng speech. The clips are tuning-half questions (tests/data/
tuning.tsv, tests/data/foreign-tuning.tsv)."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from voice.app import Assistant
from voice.audio.clip import read_wav
from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, heard
from voice.matching import sound_alike
from voice.matching.matcher import Matcher
from voice.speech_in.base import Transcript
from voice.speech_in.whisper import WhisperRecognizer
from voice.speech_in.whisper.rescoring import scorer_of

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from benchmark_audio import pad  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
from make_spoken_questions import (  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
    BENCHMARK_VARIANTS,
    Variant,
    speak,
)

from .recorded import recorded_with_audio  # noqa: E402

needs_flite = pytest.mark.skipif(shutil.which("flite") is None,
                                 reason="flite is not installed (apt-get install flite)")


def reply(kb: KnowledgeBase, said: Transcript) -> dict[str, Any]:
    return Assistant(Conversation(kb), None, out=io.StringIO(),
                     json_lines=True).handle_heard(said)


def test_a_surely_heard_everyday_spelling_of_a_rare_word_is_read_by_its_sound(
        kb: KnowledgeBase) -> None:
    # Whisper's words for flite rms's "what is acupuncture good for"
    # ("puncture" at 0.87: surely heard, so the unchecked readings never touch it).
    words = (("what", 0.99), ("is", 0.72), ("acute", 0.20), ("puncture", 0.87),
             ("good", 0.93), ("for", 0.99))
    readings = sound_alike.heard_readings(words, Matcher(kb))
    assert readings[0] == "what is acupuncture good for"
    assert sound_alike.heard_readings((("what", 0.9), ("is", 0.9)), Matcher(kb)) == []


# How tiny.en hears a clip differs by CPU (tests/conftest.py): the check by
# the audio is tested on hearings recorded from real decodes (tests/data/
# heard/heard-again.json) with the audio of the same clip; the spoken test
# asks over a set of clips only what held on this AMD EPYC Zen 4's paths.


@needs_flite
def test_acupuncture_heard_as_acute_puncture_is_offered_when_the_audio_carries_it(
        kb: KnowledgeBase, whisper_tiny: WhisperRecognizer,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # flite rms: "what is acute puncture good for" (0.79-0.80) on the tests'
    # AVX2 path, oneDNN's AVX-512 path and CTranslate2's AVX-512 kernels.
    said = recorded_with_audio("heard-again", "acupuncture-flite-rms-avx2", whisper_tiny)
    assert "acupuncture" not in said.text  # what tiny.en writes: "acute puncture"
    got = reply(kb, said)
    # Offered, never answered outright: the reading is a guess the audio supports.
    assert got["outcome"] == "confirm", got
    assert got["match"]["id"] == "alternative-therapies", got
    # What the lever changes: the same hearing without the check is declined.
    # The content's own question checked by the audio (ASKED_MARGIN) is
    # turned off too: on an AVX2-only AMD EPYC (2026-12-03) the audio's
    # scores let it offer the same entry by itself, so the control could not
    # tell whether this check did anything.
    monkeypatch.setattr(heard, "AUDIO_MARGIN", None)
    monkeypatch.setattr(heard, "ASKED_MARGIN", None)
    assert reply(kb, said)["outcome"] == "no_match"


@needs_flite
def test_spoken_acupuncture_is_never_given_a_wrong_entry(
        kb: KnowledgeBase, whisper_tiny: WhisperRecognizer) -> None:
    # "what is acupuncture good for" in 3 flite voices and the 6 benchmark
    # voices (the tests' AVX2 path, 2026-12-03): the right entry for 7 of 9
    # (answered for slt and awb, heard right; offered for rms through this
    # check, and for en-us, en, en-us+m3, en-gb-x-rp by other steps), the
    # other 2 declined; without AUDIO_MARGIN 6 of 9. 5 leaves two clips of
    # margin for another CPU. Session 23's noise gate gated clean espeak-ng
    # too, and en-us was heard "what an accurate cure for it" (a wrong entry
    # offered); since session 24 the gate acts only on a steady noise floor
    # (noise_gate.is_steady_noise) and no voice gets a wrong entry.
    right = 0
    for voice in (Variant("rms", synth="flite"), Variant("slt", synth="flite"),
                  Variant("awb", synth="flite"), *BENCHMARK_VARIANTS):
        said = whisper_tiny.transcribe(pad(read_wav(speak("what is acupuncture good for",
                                                          voice))))
        got = reply(kb, said)
        print(voice, said.text, got["outcome"], (got.get("match") or {}).get("id"))
        if got["outcome"] != "no_match":
            assert got["match"]["id"] == "alternative-therapies", got
            right += 1
    assert right >= 5


@pytest.mark.parametrize("id_", [
    # An uncovered health question (tests/data/health-tuning.tsv), espeak-ng
    # en-us and en, heard "how do i know if i have a near infection": "a near
    # infection" read as introduction. (On oneDNN's AVX-512 path en is heard
    # "... any of infection", with no reading to check; on an AVX-512 Xeon,
    # dev.tsv's "tell me a joke" in en-gb-x-rp under white noise was a
    # second case: "tell me you are seeking". No other out-of-scope clip of
    # 40 dev.tsv and 60 health-tuning.tsv lines in 2-3 conditions gave one.)
    "ear-en-us-avx2",
    "ear-en-avx2",
])
def test_a_reading_the_audio_does_not_carry_is_not_offered(
        kb: KnowledgeBase, whisper_tiny: WhisperRecognizer, monkeypatch: pytest.MonkeyPatch,
        id_: str) -> None:
    said = recorded_with_audio("heard-again", id_, whisper_tiny)
    assert reply(kb, said)["outcome"] == "no_match"
    # A reading was there to offer: only the audio's score keeps it out.
    monkeypatch.setattr(heard, "AUDIO_MARGIN", 100.0)
    assert reply(kb, said)["outcome"] == "confirm"


def test_the_audio_scores_what_was_heard_above_a_reading_it_does_not_carry(
        whisper_tiny: WhisperRecognizer) -> None:
    said = recorded_with_audio("heard-again", "ear-en-us-avx2", whisper_tiny)
    scorer = scorer_of(said)
    assert scorer is not None
    heard_, other = scorer.loglik([said.text, "how do i know if i have introduction"])
    assert heard_ > other + 5, (heard_, other)
    # Every text written as Whisper wrote what it heard ("How ... infection?").
    assert scorer.render("i'm told i have ms") == " I'm told I have ms?"


def test_without_the_audio_nothing_is_read_into_a_surely_heard_question(
        kb: KnowledgeBase) -> None:
    # A transcript with no audio kept (another engine, a typed test, a cached
    # benchmark transcript) is matched as before.
    words = (("what", 0.99), ("is", 0.72), ("acute", 0.20), ("puncture", 0.87),
             ("good", 0.93), ("for", 0.99))
    said = Transcript(" ".join(w for w, _ in words), "whisper", 0.8, words=words)
    assert reply(kb, said)["outcome"] == "no_match"
