"""The wake check's windows disagreeing about "okay" (session 38, branch
wake48, docs/wake-word.md; voice/speech_in/wake/disagree.py).

Fresh seed 409's two false wakes, cut from its en-029+m4 reading
(tests/data/wake-spots/README.md): a fairly sure spot whose short window
wrote "Okay Nabu." inside a 3.5 s window surely heard as other words
(disagree.LONG_AGREE), and a louder-copy spot whose 3.5 s window alone wrote
"Okay Nabu." while neither short window heard any of the phrase's words,
prompted or not
(disagree.SHORT_AGREE). Real espeak-ng audio, the real okay_nabu network and
the real Whisper tiny.en check (tests/wake_keeping.py). No timing.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from voice.audio.clip import read_wav
from voice.speech_in.wake import confirm, disagree

from .wake_keeping import woke_with

NABU = confirm.CONFIRMATIONS["okay nabu"]
SPOTS = Path(__file__).resolve().parent / "data" / "wake-spots"
LONG_OTHERWISE = "seed409_long_otherwise_en-029+m4.wav"
OKAY_LONG_ONLY = "seed409_okay_long_only_en-029+m4.wav"


def _clip(name: str) -> np.ndarray:
    return read_wav(SPOTS / name).samples.reshape(-1)


def test_shipped_on() -> None:
    assert disagree.LONG_AGREE is True
    assert disagree.SHORT_AGREE is True


def test_the_rules_read_the_phrases_words() -> None:
    words = disagree.phrase_words(NABU, confirm.SPELLINGS)
    said = "I'd like to hear the last order and spoken again."
    assert disagree.long_says_otherwise(said, -0.21, words, confirm.SURE_LOGPROB)
    assert not disagree.long_says_otherwise(said, -0.9, words, confirm.SURE_LOGPROB)
    assert not disagree.long_says_otherwise("Okay, and spoken again.", -0.21, words,
                                            confirm.SURE_LOGPROB)
    assert disagree.phrase_on_long_only(["3 to 4.", "three top world half"], words)
    assert not disagree.phrase_on_long_only(["3 to 4.", "Okay, now."], words)
    # A sure phrase's short windows kept a piece of "nabu" without "okay"
    # (tuning draw 87's en-us+m3 at 120 wpm): the phrase, not other words.
    assert not disagree.phrase_on_long_only(["you", "Uh, boo."], words)
    assert not disagree.phrase_on_long_only(["What is multiple?", "Nabu, what is multiple?"],
                                            words)


@pytest.mark.parametrize("name", [LONG_OTHERWISE, OKAY_LONG_ONLY])
def test_seed409s_false_wakes_are_refused(name: str) -> None:
    woke, decodes = woke_with(_clip(name))  # the confirmer voice listen loads
    assert not woke, [(d.kind, d.text, d.avg_logprob) for d in decodes]


#: Whether the clip wakes without the rules is the decode's, and differs by
#: CPU: on an Intel Xeon (family 6 model 167, CTranslate2's AVX2 path;
#: 2026-12-07, session 43) the okay-long-only clip does not wake even
#: without them (on 76cfeda too); with them it is refused everywhere
#: (test_seed409s_false_wakes_are_refused).
_CPU = pytest.mark.xfail(strict=False, reason=(
    "CPU-dependent: chosen on an AMD EPYC where the clip woke without the rules; on an Intel "
    "Xeon (family 6 model 167, AVX2 path; 2026-12-07) it does not wake either way"))


@pytest.mark.parametrize("name", [LONG_OTHERWISE, pytest.param(OKAY_LONG_ONLY, marks=_CPU)])
def test_without_the_rules_they_wake(name: str) -> None:
    woke, _decodes = woke_with(_clip(name), long_agree=False, short_agree=False)
    assert woke


def test_each_rule_refuses_its_own() -> None:
    woke, decodes = woke_with(_clip(LONG_OTHERWISE), short_agree=False)
    # The surest 3.5 s window: with the provisional spots (low_spot.py,
    # tvwake48) the clip makes another spot too, whose window came first
    # ("Child have been a man, I'm white coffee." -0.99 in the CI).
    long = max((d for d in decodes if d.kind == "long"), key=lambda d: d.avg_logprob)
    assert not confirm.has_first_word(long.text, NABU) and long.avg_logprob >= -0.7
    assert not woke
    woke, decodes = woke_with(_clip(OKAY_LONG_ONLY), long_agree=False)
    # The short windows were decoded after the prompt to ask them (live, the
    # 3.5 s window passing, they would not have been).
    assert {"short0", "short1"} <= {d.kind for d in decodes}
    assert not woke
