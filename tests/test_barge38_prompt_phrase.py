"""An emergency reading that is only one of the emergency prompt's own
phrases ("Heart attack.", "Overdose."), heard by the emergency prompt's
decode alone while the engine's own decode heard nothing like it, is
doubted for a "stop" (the short line, not the advice); a cry the engine's
own decode half heard ("I can't dream") keeps its advice
(voice/audio/barge_in.py DOUBT_PROMPT_PHRASE, branch barge38; docs/barge-in.md
session 32).

A fake decoder stands in for Whisper: what it returns is what the live
runs of session 31 logged ("Heart attack." after the emergency prompt, the
quick look "for more").
"""

from __future__ import annotations

import numpy as np
import pytest

from voice.audio import barge_in as bi
from voice.audio.echo import EchoReference
from voice.speech_in.whisper.emergencies import UrgentHeard


class _Decoder:
    def __init__(self, text: str, own: str) -> None:
        self.text, self.own = text, own

    def decode_heard(self, speech: np.ndarray) -> UrgentHeard:
        return UrgentHeard(tuple((w, 0.9) for w in self.text.split()), instead_of=self.own)


def _judge(text: str, own: str, lever: bool) -> tuple[str | None, str]:
    barge = bi.BargeIn(_Decoder(text, own), reference=EchoReference())
    barge.doubt_prompt_phrase = lever
    audio = np.zeros(16000, dtype=np.int16)
    heard = barge.judge(bi.Stretch(audio, 10.0, 11.0))
    return heard, barge._doubted


@pytest.mark.parametrize("text,own", [("Heart attack.", "for more"),
                                      ("Overdose.", "the"),
                                      ("Overdose.", "")])
def test_a_prompt_phrase_alone_stops_with_the_short_line(text: str, own: str) -> None:
    assert _judge(text, own, lever=False) == (bi.EMERGENCY, "")  # as before: the advice
    assert _judge(text, own, lever=True) == ("stop", text)


@pytest.mark.parametrize("text,own", [("I can't breathe.", "I can't dream problem"),
                                      ("Overdose.", "over those"),
                                      ("Heart attack.", "hard a tack"),
                                      ("She's not breathing.", "it's not crazy"),
                                      ("Help me, I can't breathe.", "help me like")])
def test_a_cry_the_engine_half_heard_or_in_its_own_words_keeps_its_advice(
        text: str, own: str) -> None:
    assert _judge(text, own, lever=True) == (bi.EMERGENCY, "")


def test_both_levers_are_off() -> None:
    """Measured on the tuning cries: each took one cry's advice away ("I took
    an overdose", its advice read from the echo stretch "heart attack" after
    it: docs/barge-in.md session 32), so neither is on."""
    assert not bi.DOUBT_PROMPT_PHRASE
    assert not bi.DOUBT_ECHO_ONLY


def test_the_echo_alone_is_doubted_a_voice_over_it_is_not() -> None:
    """DOUBT_ECHO_ONLY: a stretch whose microphone is the played sound alone
    (50 ms late, half level, as the bench) correlates at NEAR_NCC or more; a
    voice said over it pulls it under."""
    rng = np.random.default_rng(32)
    own = (rng.standard_normal(3 * 16000) * 3000).astype(np.int16)
    reference = EchoReference()
    reference.enabled = True
    reference.begin(16000)
    reference.played(own, at=0.0)
    echo = np.concatenate([np.zeros(800), own[:-800]]) * 0.5
    voice = rng.standard_normal(len(own)) * 3000
    for raw, doubted in ((echo, True), (echo + voice, False)):
        barge = bi.BargeIn(_Decoder("She's not breathing.", "it's not crazy"),
                           reference=reference)
        barge.doubt_echo_only = True
        mic = np.clip(raw, -32768, 32767).astype(np.int16)
        a, b = 16000, 32000
        heard = barge.judge(bi.Stretch(mic[a:b], 1.0, 2.0, raw=mic[a:b]))
        assert heard == ("stop" if doubted else bi.EMERGENCY), barge.emergency_levers
