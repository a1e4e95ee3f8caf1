"""With wake19's checks on (``unaddressed.TALK_CHECKS``, off by default:
held out, they removed 1 false alarm of 3 and cost 4 of 336 cries), talk about
an emergency said without the wake phrase is no cry
(voice/speech_in/wake/unaddressed.py; the talk-about words and the
confidence floor were branch wake18's).

The microphone ends an utterance only after 2 s of silence, so a sentence
and a question read after it with a shorter pause are one utterance: "my
uncle had one last year, what does a heart attack feel like" does not open
with a question word, and the check before wake19 spoke "call your local
emergency number" into the room for it. Also talk about an emergency ("any
suggestions on how to relieve the chest pain when coughing") and a decode
Whisper is unsure of. The rule first (text, and recorded transcripts: the
hearing is a boundary there), then espeak-ng through the real Whisper. As
they are off, `voice listen` is not tested with them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from voice.audio.capture import Utterance
from voice.audio.clip import RECOGNIZER_RATE, AudioClip
from voice.matching.emergency import is_emergency
from voice.speech_in.base import Transcript
from voice.speech_in.wake.unaddressed import UnaddressedAlarm, is_cry

from .test_alarm15_unaddressed import _espeak, _utt

#: Said about an emergency, not crying out: two sentences heard as one
#: utterance, the second a question (written for this test, none from the
#: benchmark's sets; each is heard so by Whisper, below), and branch wake18's.
TALK = [
    "My uncle had one last year. What does a heart attack feel like?",
    "I read about it in the paper. What does chest pain from the heart feel like?",
    "We just moved here. Where is the nearest emergency room?",
    "She takes a lot of tablets. Which pills can cause an overdose?",
    "Any suggestions on how to relieve the chest pain when coughing?",
    "He fainted after the injection, is that normal?",
]


@pytest.mark.parametrize("said", TALK)
def test_talk_about_an_emergency_is_no_cry(said: str) -> None:
    assert is_emergency(said)  # it names one
    assert is_cry(said)  # the default (TALK_CHECKS off): a cry, as before wake19
    assert not is_cry(said, talk_checks=True)


@pytest.mark.parametrize("said", [
    # Cries, also saying a little more than the emergency: still cries.
    "Help, I can't breathe!", "Call an ambulance!", "He's choking, what do I do?",
    "My husband collapsed, what should I do?", "He's choking on a piece of meat!",
    "I fell in the bathroom and I can't get up.", "My chest hurts, call an ambulance.",
    "Help me, I've fallen and I can't get up.", "Somebody help me!",
    # As Whisper heard tuning cries under TV talk (benchmark_unaddressed.py
    # --half tune): branch wake18's word limit lost such cries.
    "i can't breathe i'm not going to be fine", "in the sanding field i can't breathe",
])
def test_a_cry_is_still_one(said: str) -> None:
    assert is_cry(said, talk_checks=True)


class _Recorded:
    """A recognizer that hears the words given with the confidence given
    (what Whisper wrote, recorded: the rule is tested, not the hearing)."""

    decodes_alongside = True

    def __init__(self, text: str, confidence: float | None, engine: str = "whisper") -> None:
        self.name = engine
        self.said = Transcript(text, engine, confidence)

    def transcribe(self, clip: AudioClip) -> Transcript:
        return self.said


@pytest.mark.parametrize("text", ["emergency fatigue can add", "call an ambulance"])
def test_an_unsure_decode_is_no_cry(text: str) -> None:
    # 0.18: branch wake18's tuning false alarm; the tuning cries caught were
    # all heard at 0.23 or more (unaddressed.MIN_CONFIDENCE 0.2).
    rec = _Recorded(text, 0.18)
    assert UnaddressedAlarm(rec, talk_checks=True).heard(_utt(1.0)) is None  # type: ignore[arg-type]


def test_a_sure_decode_of_a_cry_is_one() -> None:
    for confidence in (0.9, None):  # None: an engine that gives no confidence
        rec = _Recorded("call an ambulance", confidence)
        assert UnaddressedAlarm(rec, talk_checks=True).heard(_utt(1.5)) is not None  # type: ignore[arg-type]
    # PocketSphinx's confidence is on a scale of its own: not held to Whisper's.
    rec = _Recorded("call an ambulance", 0.1, engine="pocketsphinx")
    assert UnaddressedAlarm(rec, talk_checks=True).heard(_utt(1.5)) is not None  # type: ignore[arg-type]


#: Whisper (as `voice listen` loads it, AVX2 path) heard each of these
#: whole in three espeak-ng voices, 4.1-5.8 s of speech, at mean word
#: probabilities 0.81-0.97: the check before wake19 took all nine for cries.
SPOKEN = [(TALK[0], "en-us", 150), (TALK[0], "en+f3", 140),
          (TALK[2], "en-us+m3", 130), (TALK[3], "en-us", 150)]


def test_spoken_talk_about_an_emergency_is_no_cry(whisper_tiny: Any, tmp_path: Path) -> None:
    alarm = UnaddressedAlarm(whisper_tiny, talk_checks=True)
    named = 0
    for i, (text, voice, rate) in enumerate(SPOKEN):
        pcm = _espeak(text, voice, rate, tmp_path / f"{i}.wav")
        speech = len(pcm) / RECOGNIZER_RATE
        utt = Utterance(AudioClip(pcm, RECOGNIZER_RATE, 1), "silence", True, 0.0, speech, speech)
        assert alarm.heard(utt) is None, alarm.last
        assert alarm.last is not None
        named += is_emergency(alarm.last.text)
    assert named >= 2  # heard as naming an emergency, and not taken for a cry
