"""How a spot the network is fairly sure of, or sure of, is confirmed (branch wake14).

* A spot of strength confirm.FAIRLY_SURE (0.4) or more, under the network's
  own cutoff, is confirmed by the floors alone (no second look without the
  prompt at the peak), and "Okay, uh, move." after the prompt counts as the
  phrase (confirm.says_spelled): under TV talk the peak check refused a
  real person's phrase the network was fairly sure of (0.70), and the
  floors refused tuning phrases Whisper wrote "Okay, uh, move." for.
* Tried, off: a sure spot (above 0.8, micro.CHECK_SURE) waking only when a
  window after the prompt says the phrase or that spelling (confirm.SURE_RULE
  "spelled"): "first word" woke on "Is it ok to take Aleve?" (fresh seed 83,
  "Okay, Ali."), but "spelled" lost a tuning phrase under TV talk.

The rule, not the hearing, is tested here: the real confirmer (Whisper
tiny.en loaded from models/) is fed the transcripts benchmark_wake.py
recorded for those spots (--decodes), through a stand-in for its decoder.
Real microWakeWord and Whisper on the virtual microphone are in
tests/test_wake13_sure_check.py and tests/test_wake14_spots.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest

from voice.speech_in.wake import confirm
from voice.speech_in.wake.confirm import CONFIRMATIONS, load_confirmer, says_spelled

NABU = CONFIRMATIONS["okay nabu"]


@dataclass
class _Heard:
    text: str
    avg_logprob: float


@dataclass
class _Fit:
    per_token: float


class _Recorded:
    """Stands in for the WindowDecoder: window ``n`` (every sample ``n``) was
    heard as ``prompted[n]`` after the prompt and ``unprompted[n]`` without it."""

    def __init__(self, prompted: dict[int, _Heard], unprompted: dict[int, _Heard]) -> None:
        self.prompted = prompted
        self.unprompted = unprompted

    def encode(self, audio: np.ndarray) -> int:
        return round(float(audio[0]) * 32768)

    def generate(self, encoded: int, samples: int, prompt: Any) -> _Heard:
        return (self.prompted if len(prompt) else self.unprompted)[encoded]


def _windows() -> tuple[np.ndarray, list[np.ndarray]]:
    """The 3.5 s window (0) and the two short ones at the peak (1, 2)."""
    return np.full(100, 0, np.int16), [np.full(100, 1, np.int16), np.full(100, 2, np.int16)]


@pytest.fixture(scope="module")
def real_confirmer() -> Any:
    found = load_confirmer("okay nabu")
    assert found is not None  # scripts/install.sh installs the Whisper model
    return found


@pytest.fixture
def confirmer(real_confirmer: Any) -> Iterator[Any]:
    decoder = real_confirmer._decoder
    yield real_confirmer
    real_confirmer._decoder = decoder
    real_confirmer.fairly_sure = confirm.FAIRLY_SURE if confirm.FAIRLY_SURE_RULE else None
    real_confirmer.sure_rule = confirm.SURE_RULE
    real_confirmer.sentence_guard = confirm.SENTENCE_GUARD
    real_confirmer.fits_all = type(real_confirmer).fits_all.__get__(real_confirmer)
    real_confirmer.peak_emphasis = confirm.PEAK_EMPHASIS


def _hears(confirmer: Any, prompted: list[tuple[str, float]],
           unprompted: list[tuple[str, float]] | None = None,
           margins: list[float] | None = None) -> None:
    confirmer._decoder = _Recorded(
        {n: _Heard(t, lp) for n, (t, lp) in enumerate(prompted)},
        {n + 1: _Heard(t, lp) for n, (t, lp) in enumerate(unprompted or [])})
    # How much better each short window fits its own decode than the
    # phrase's spellings (confirm.ALIGN_CHECK), as recorded.
    fits = margins or [9.0, 9.0]
    # Only the windows as they were are recorded, not their copies with the
    # speech band raised (confirm.PEAK_EMPHASIS, on since session 35).
    confirmer.peak_emphasis = False
    confirmer.fits_all = lambda slot, texts: [_Fit(0.0)] + [_Fit(-fits[slot])] * (len(texts) - 1)


def test_tiny_en_s_spelling_of_the_phrase() -> None:
    for said in ("Okay, move.", "Okay, uh, move.", "Okay, now move.", "OK, not move."):
        assert says_spelled(said, NABU), said
    for other in ("Okay, Ali.", "The one would be okay.", "Okay, we'll move on later.",
                  "Move it, okay?", "Okay Google."):
        assert not says_spelled(other, NABU), other


def test_a_real_phrase_under_tv_talk_the_network_was_fairly_sure_of_wakes_it(
    confirmer: Any
) -> None:
    # okay_nabu_pymicro_2 under TV talk (tuning draws 6-8): "Okay Nabu." on
    # every window after the prompt; without it, at the peak, "Okay, I
    # believe this." / "Okay, I'll do this.", which the peak check refused.
    long, aligned = _windows()
    _hears(confirmer, [("Okay Nabu.", -0.34), ("Okay Nabu.", -0.28), ("Okay Nabu.", -0.32)],
           [("Okay, I believe this.", -0.96), ("Okay, I'll do this.", -0.71)], [1.44, 1.93])
    assert confirmer.confirms(long, aligned, strength=0.70)
    confirmer.fairly_sure = None  # as before: the peak check's text clauses refuse it
    assert not confirmer.confirms(long, aligned, strength=0.70)


def test_tiny_en_s_spelling_after_the_prompt_counts_for_a_fairly_sure_spot(
    confirmer: Any
) -> None:
    # Tuning draw 8, en-us+m3 at 91 wpm under TV talk (spot 0.47).
    long, aligned = _windows()
    _hears(confirmer, [("Okay, uh, move.", -0.67), ("Say, uh, man.", -1.27),
                       ("Okay, uh, move.", -0.70)])
    assert confirmer.confirms(long, aligned, strength=0.47)
    confirmer.fairly_sure = None
    assert not confirmer.confirms(long, aligned, strength=0.47)
    # ...but only within the floors (the 3.5 s window's -0.7).
    _hears(confirmer, [("Okay, uh, move.", -0.80), ("Say, uh, man.", -1.27),
                       ("Okay, uh, move.", -0.70)])
    confirmer.fairly_sure = confirm.FAIRLY_SURE
    assert not confirmer.confirms(long, aligned, strength=0.47)


def test_a_weak_spot_on_a_real_okay_is_still_checked_at_the_peak(confirmer: Any) -> None:
    # "Ok any cough drops you recommend?" read by espeak-ng en-us (the okay
    # sentences, spot 0.26): "Okay Nabu." after the prompt, "Okay, any
    # coffee?" without it, fitting a spelling 2.45 nats a token worse.
    long, aligned = _windows()
    _hears(confirmer, [("In the morning's or evening. Okay, Andy cough drop.", -0.96),
                       ("Okay Nabu.", -0.30), ("Okay Nabu.", -0.36)],
           [("Okay, any coffee?", -0.49), ("Okay, Andy, come.", -1.35)], [2.45, 1.52])
    assert not confirmer.confirms(long, aligned, strength=0.26)
    # The same windows after a spot the network was fairly sure of would wake it.
    assert confirmer.confirms(long, aligned, strength=0.45)


def test_a_sure_spot_can_be_made_to_need_the_phrase_or_its_spelling(confirmer: Any) -> None:
    # confirm.SURE_RULE "spelled" (tried, off: it lost a tuning phrase under
    # TV talk). Fresh seed 83, en-us+m3 reading "Is it ok to take Aleve?" (0.89).
    long, aligned = _windows()
    _hears(confirmer, [("We're in faction and he won, we'll be okay.", -0.72),
                       ("Okay, Ali.", -0.58), ("The one would be okay.", -0.62)])
    assert confirm.SURE_RULE == "first word"
    # Since session 26 (confirm.SENTENCE_GUARD, tests/test_wake29_okay_sentences.py)
    # "first word" needs the phrase or the spelling alone too: refused.
    assert not confirmer.confirms(long, aligned, strength=0.89, sure=True)
    confirmer.sentence_guard = False
    assert confirmer.confirms(long, aligned, strength=0.89, sure=True)  # it woke on it
    confirmer.sure_rule = "spelled"
    assert not confirmer.confirms(long, aligned, strength=0.89, sure=True)
    # A sure phrase over pink noise, tuning draw 6: no "Nabu", but tiny.en's spelling.
    _hears(confirmer, [("Okay, uh, move.", -0.60), ("Made loop.", -0.94),
                       ("Okay, uh, move.", -0.49)])
    assert confirmer.confirms(long, aligned, strength=0.88, sure=True)
