"""The peak check's second hearing with the speech band raised, on as
shipped (session 35, branch wake42, docs/wake-word.md; confirm.PEAK_EMPHASIS,
confirm.EMPHASIS_WORD_AFTER).

Live on the okay-everyday tuning reader 3 (en+f3 at 140 words a minute),
session 34's emphasis woke on "Okay, uh, move." (a slow retry): tiny.en
wrote "Okay, move." at the peak (refused), and "Okay" alone on the
emphasised copy, within the likelihood margin (-4.43). An emphasised decode
now needs a word after "okay" (here the same voice's "Okay, uh." as the
window: the detector's cut of that stream does not reproduce the spot).
Tuning draw 53's en-029+f4 at 149 wpm under TV talk wakes as shipped only
through the emphasis ("Okay, now, okay."). Real espeak-ng audio, the real okay_nabu
network and the real Whisper tiny.en check (tests/wake_keeping.py). No timing.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from voice.speech_in.wake import confirm

from .wake_keeping import woke_with

NABU = confirm.CONFIRMATIONS["okay nabu"]


def test_a_word_after_okay() -> None:
    assert confirm.word_after_first("Okay, now", NABU)
    assert confirm.word_after_first("Okay, um", NABU)
    assert confirm.word_after_first("Okay, ah, move.", NABU)
    assert not confirm.word_after_first("Okay", NABU)
    assert not confirm.word_after_first("Okay.", NABU)
    assert not confirm.word_after_first("I'm going, okay.", NABU)
    assert not confirm.word_after_first("Thank you.", NABU)


@pytest.fixture(scope="module")
def okay_uh(bench: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    """"Okay, uh." by reader 3 (en+f3 at 140 wpm) as a short window at the
    peak: emphasised, tiny.en writes "Okay" alone, which the phrase's
    spellings fit 4 nats a token better than it (the live case: -4.43)."""
    cache: Path = tmp_path_factory.mktemp("okay_uh")
    pcm = bench._espeak("Okay, uh.", "en+f3", 140, cache)
    return np.concatenate([np.zeros(4000, np.int16), pcm, np.zeros(3200, np.int16)])


def _emphasised(window: np.ndarray, word_after: bool) -> tuple[str, bool]:
    found = confirm.load_confirmer("okay nabu")
    assert found is not None  # scripts/install.sh installs the Whisper model
    found.emphasis_word_after = word_after
    # The plain window's decode was "Okay, move." (refused by the text rule).
    got = found._emphasised_passes(window, 0, 0.37, confirm.ALIGN_MARGIN, "Okay, move.")
    assert got is not None
    return got


def test_an_okay_alone_emphasised_does_not_pass(okay_uh: np.ndarray) -> None:
    assert confirm.PEAK_EMPHASIS is True and confirm.EMPHASIS_WORD_AFTER is True
    text, passed = _emphasised(okay_uh, True)
    assert confirm.has_first_word(text, NABU) and not confirm.word_after_first(text, NABU)
    assert not passed


def test_without_the_word_after_rule_it_passed(okay_uh: np.ndarray) -> None:
    text, passed = _emphasised(okay_uh, False)
    assert not confirm.word_after_first(text, NABU)
    assert passed




@pytest.fixture(scope="module")
def under_tv(bench: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    """Tuning draw 53's en-029+f4 at 149 wpm under TV talk (session 34's
    clip, tests/test_wake40_peak_emphasis.py): the TV's words after "okay"
    at the peak, "Okay, now, okay." emphasised. (Draw 61's en-us+f2 at 84 wpm,
    clean, gained live here, wakes without the emphasis under the tests'
    backend: not used.)"""
    cache: Path = tmp_path_factory.mktemp("draw53")
    return next(np.asarray(pcm) for name, pcm in bench.positives("okay nabu", cache, "tune", 53)
                if name == "en-029+f4 150 (149 wpm) tv 10dB")


def test_the_phrase_under_tv_talk_wakes_as_shipped(under_tv: np.ndarray) -> None:
    woke, decodes = woke_with(under_tv)  # the confirmer voice listen loads
    assert any(d.kind.startswith("epeak") and confirm.word_after_first(d.text, NABU)
               for d in decodes)
    assert woke


def test_without_the_emphasis_it_is_refused(under_tv: np.ndarray) -> None:
    # The scrap guard of any length too, as measured: with SCRAP_MAX_WORDS
    # (session 36) the plain peak "I'm going to hit that button." is no scrap
    # and wakes the clip without the emphasis (tests/test_wake44_scrap_words.py).
    woke, decodes = woke_with(under_tv, peak_emphasis=False, scrap_max_words=None)
    assert any(d.kind.startswith("peak") for d in decodes)  # the floors passed
    assert not woke
