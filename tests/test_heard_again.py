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
    Variant,
    speak,
)

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


@needs_flite
def test_acupuncture_heard_as_acute_puncture_is_offered_when_the_audio_carries_it(
        kb: KnowledgeBase, whisper_tiny: WhisperRecognizer,
        monkeypatch: pytest.MonkeyPatch) -> None:
    said = whisper_tiny.transcribe(pad(read_wav(speak("what is acupuncture good for",
                                         Variant("rms", synth="flite")))))
    print("heard:", said.words)
    assert "acupuncture" not in said.text  # what tiny.en writes: "acute puncture"
    got = reply(kb, said)
    # Offered, never answered outright: the reading is a guess the audio supports.
    assert got["outcome"] == "confirm", got
    assert got["match"]["id"] == "alternative-therapies", got
    # What the lever changes: the same hearing without the check is declined.
    monkeypatch.setattr(heard, "AUDIO_MARGIN", None)
    assert reply(kb, said)["outcome"] == "no_match"


@pytest.mark.parametrize("request_, voice", [
    # An uncovered health question (tests/data/health-tuning.tsv): "a near
    # infection" read as introduction.
    ("how do i know if i have an ear infection", Variant("en-us")),
    # The same in espeak-ng en. (On an AVX-512 Xeon, dev.tsv's "tell me a joke"
    # in en-gb-x-rp under white noise was a second case: "tell me you are
    # seeking"; on the AVX2 path tests/conftest.py fixes it is heard "tell me
    # on your note", with no reading to check. No other out-of-scope clip of
    # 40 dev.tsv and 60 health-tuning.tsv lines in 2-3 conditions gave one.)
    ("how do i know if i have an ear infection", Variant("en")),
])
def test_a_reading_the_audio_does_not_carry_is_not_offered(
        kb: KnowledgeBase, whisper_tiny: WhisperRecognizer, monkeypatch: pytest.MonkeyPatch,
        request_: str, voice: Variant) -> None:
    said = whisper_tiny.transcribe(pad(read_wav(speak(request_, voice))))
    print("heard:", said.words)
    assert reply(kb, said)["outcome"] == "no_match"
    # A reading was there to offer: only the audio's score keeps it out.
    monkeypatch.setattr(heard, "AUDIO_MARGIN", 100.0)
    assert reply(kb, said)["outcome"] == "confirm"


def test_the_audio_scores_what_was_heard_above_a_reading_it_does_not_carry(
        whisper_tiny: WhisperRecognizer) -> None:
    said = whisper_tiny.transcribe(pad(read_wav(speak("how do i know if i have an ear infection",
                                         Variant("en-us")))))
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
