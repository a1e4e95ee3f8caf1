"""The transcript says when Whisper's emergency-prompt decode was taken
(``Transcript.instead_of``, branch wake19), and what its own decode heard.

Branch wake19's tuning draws: every false alarm of the unaddressed cry check
came from that decode ("content folder repeated to emergency central
folders or files", its own decode "... to manage central ..."), and it also
catches a third of the tuning cries ("i'm joe king" -> "i'm choking").
scripts/benchmark_unaddressed.py prints which decode gave each alarm.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from voice.audio.clip import RECOGNIZER_RATE, AudioClip
from voice.matching.emergency import is_emergency
from voice.speech_in.base import Transcript
from voice.speech_in.whisper.decoder import Segment, Word
from voice.speech_in.whisper.emergencies import with_emergency
from voice.speech_in.whisper.guard import Heard

from .test_alarm15_unaddressed import _espeak


def _seg(text: str, logprob: float) -> Segment:
    return Segment(text, 0.05, logprob, 1.0, tuple(Word(" " + w, 0.9) for w in text.split()))


def _heard(text: str) -> Heard:
    return Heard(tuple((w, 0.9) for w in text.split()))


def test_the_emergency_decode_taken_keeps_what_the_engine_heard() -> None:
    taken = with_emergency(_heard("i can't read"), [_seg("I can't breathe.", -0.05)])
    assert taken.text == "i can't breathe"
    assert getattr(taken, "instead_of", None) == "i can't read"
    # Not taken (unsure): the engine's own words, nothing instead.
    kept = with_emergency(_heard("are they hereditary"), [_seg("Heart attack.", -1.0)])
    assert kept.text == "are they hereditary"
    assert getattr(kept, "instead_of", None) is None


def test_a_transcript_says_nothing_instead_by_default() -> None:
    said = Transcript("call an ambulance", "pocketsphinx", 0.5)
    assert said.instead_of is None
    # Not part of what was heard: equal with or without it.
    assert said == Transcript("call an ambulance", "pocketsphinx", 0.5, instead_of="x")


#: Cries whose hearing after the content prompt is a near miss ("i'm joe
#: king", "help i can't dream", "just pain": the tuning cries, en-us voices).
CRIES = [("help, I can't breathe", "en-us", 150), ("I'm choking", "en-us", 90),
         ("I can't breathe", "en-us", 150), ("chest pain", "en-us", 90),
         ("help, I can't breathe", "en-us+m3", 130)]


def test_whisper_says_which_decode_heard_a_cry(whisper_tiny: Any, tmp_path: Path) -> None:
    instead = 0
    for i, (text, voice, rate) in enumerate(CRIES):
        pcm = _espeak(text, voice, rate, tmp_path / f"{i}.wav")
        said = whisper_tiny.transcribe(AudioClip(pcm, RECOGNIZER_RATE, 1))
        if said.instead_of is not None:
            instead += 1
            # Taken only when the engine's own choice missed the emergency.
            assert is_emergency(said.text) and not is_emergency(said.instead_of), said
    assert instead >= 1
