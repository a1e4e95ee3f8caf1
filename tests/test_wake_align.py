"""The wake check's likelihood margin at the network's peak (confirm.ALIGN_CHECK).

A real "Ok any cough drops you recommend?" woke the peak check: prompted,
Whisper wrote "Okay Nabu." for the short windows at the peak, and unprompted
"Okay, any coffee?", whose "any" the sound key takes for "nabu". Forced
through the decoder, that window fits its own words far better than any
spelling of the phrase (confirm.SPELLINGS: "Okay Nabu.", "Okay, now
move."...); a real person's phrase fits one of them nearly as well as its
own unprompted "Okay, nevermind.", though not the prompt's "Okay Nabu."
alone. Real Whisper tiny.en (models/) on spots kept under
tests/data/wake-spots/ (README there). No timing.
"""

from __future__ import annotations

from typing import Any

import pytest

from voice.speech_in.wake.confirm import ALIGN_MARGIN, SPELLINGS, load_confirmer

from .test_wake_peak import _windows


@pytest.fixture(scope="module")
def confirmer() -> Any:
    found = load_confirmer("okay nabu")
    assert found is not None  # scripts/install.sh installs the Whisper model
    return found


def _margins(confirmer: Any, since: int) -> list[float]:
    return [d.avg_logprob for d in confirmer.decodes[since:] if d.kind.startswith("align")]


def test_voice_listen_refuses_the_okay_any_sentence_and_wakes_on_the_phrase() -> None:
    # As `voice listen` loads it: the check is on.
    fresh = load_confirmer("okay nabu")
    assert fresh is not None
    long, aligned = _windows("okay_any_cough_drops_en-us.wav", 2.94)
    assert not fresh.confirms(long, aligned, strength=0.2)
    long, aligned = _windows("real_okay_nabu_tv_peak.wav", 3.0)
    assert fresh.confirms(long, aligned, strength=0.1)


def test_the_phrase_fits_a_spelling_tiny_en_writes_not_only_the_prompts(confirmer: Any) -> None:
    # The real person's phrase under TV talk: the prompt's "Okay Nabu." alone
    # fits it worse than the margin allows (tiny.en hardly knows "Nabu"); the
    # best of its own spellings fits within it.
    long, aligned = _windows("real_okay_nabu_tv_peak.wav", 3.0)
    confirmer.decode_all = True
    try:
        since = len(confirmer.decodes)
        assert confirmer.confirms(long, aligned, strength=0.1)
    finally:
        confirmer.decode_all = False
    fits = [d for d in confirmer.decodes[since:] if d.kind == "fit0"]
    assert [d.text for d in fits] == list(SPELLINGS)
    by = {d.text: d.avg_logprob for d in fits}
    assert by["Okay Nabu."] > ALIGN_MARGIN >= min(by.values())


def test_an_okay_any_sentence_the_text_clauses_let_through_no_longer_wakes(
        confirmer: Any) -> None:
    # "Let's try it again. Ok any cough drops you recommend?" read by
    # espeak-ng en-us at 160 wpm (the false wakes of fresh seed 43 were this
    # sentence): the network's peak is 2.94 s in.
    long, aligned = _windows("okay_any_cough_drops_en-us.wav", 2.94)
    confirmer.align_check = False
    assert confirmer.confirms(long, aligned, strength=0.2)  # the peak check alone woke
    peak = [d.text for d in confirmer.decodes if d.kind.startswith("peak")][-1]
    assert "okay" in peak.lower() and "any" in peak.lower()
    confirmer.align_check = True
    since = len(confirmer.decodes)
    assert not confirmer.confirms(long, aligned, strength=0.2)
    margins = _margins(confirmer, since)
    assert margins and min(margins) > ALIGN_MARGIN


@pytest.mark.parametrize(("name", "peak"), [
    # A real person (okay_nabu_pymicro_1.wav) under TV talk 10 dB down:
    # unprompted "Okay, nevermind.".
    ("real_okay_nabu_tv_peak.wav", 3.0),
])
def test_the_phrase_still_wakes(confirmer: Any, name: str, peak: float) -> None:
    long, aligned = _windows(name, peak)
    confirmer.align_check = True
    since = len(confirmer.decodes)
    assert confirmer.confirms(long, aligned, strength=0.1)
    margins = _margins(confirmer, since)
    assert margins and min(margins) <= ALIGN_MARGIN
