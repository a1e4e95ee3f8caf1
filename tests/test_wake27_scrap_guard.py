"""A scrap without "okay" beside a real "okay" opening a sentence does not
wake the spot (confirm.SCRAP_GUARD; session 25, branch wake27,
docs/wake-word.md).

The false wakes left on fresh speech were a real "okay" at a sentence's
start. On seed 255's (espeak-ng en+f3 reading "... Ok and an antibiotic?"
sentences of benchmark_wake.py's fresh speech, stream second 380.18), one
short window at the network's peak, decoded without the prompt, was "Okay,
let me call." (a sentence run on from "okay", margin 2.17: refused by the
likelihood check), the other "in.": no "okay", which the peak check lets
through (PEAK_WITHOUT_FIRST, for the phrase under TV talk) at a margin of
-2.68. Real Whisper tiny.en (models/) on the windows the detector decoded
(tests/data/wake-spots/okay_let_me_call_en+f3.wav). No timing.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from voice.audio.clip import RECOGNIZER_RATE, read_wav
from voice.speech_in.wake.confirm import ALIGNED, CONFIRMATIONS, load_confirmer, scrap_refused

from .conftest import REPO

NABU = CONFIRMATIONS["okay nabu"]
WINDOW = 3.5  # the detector's long window: the clip's first 3.5 s
#: The detector's strength for this spot (only the louder copy spotted it).
STRENGTH = 0.0
#: The "okay" window's margin comes out 2.17 ("Okay, let me call.") with
#: CTranslate2's MKL kernels, as the benchmark ran, but 1.67 ("Okay, any
#: comments?") with the tests' own (CT2_USE_MKL=0, conftest.py), under
#: ALIGN_MARGIN 2.1: held to 1.6 here it is refused as it was in the stream,
#: and the scrap ("in.", -2.68 / -2.71 either way) alone decides.
MARGIN = 1.6


def _windows() -> tuple[np.ndarray, list[np.ndarray]]:
    # The clip runs from the long window's start to where the short windows
    # end (0.07 s after the long window: the network peaked late).
    wav = REPO / "tests" / "data" / "wake-spots" / "okay_let_me_call_en+f3.wav"
    clip = read_wav(wav).samples.reshape(-1)
    end = len(clip)
    return (clip[:int(WINDOW * RECOGNIZER_RATE)],
            [clip[end - int(s * RECOGNIZER_RATE):end] for s in ALIGNED])


def test_which_windows_are_refused() -> None:
    assert scrap_refused(["Okay, let me call.", "in."], NABU) == [False, True]
    assert scrap_refused(["evening.", "Okay, then it's off."], NABU) == [True, False]
    # No sentence run on from "okay": a scrap still counts (the phrase under TV talk).
    assert scrap_refused(["Okay, now move.", "Now move it."], NABU) == [False, False]
    assert scrap_refused(["Okay, uh...", "in."], NABU) == [False, False]
    assert scrap_refused(["can be", "in."], NABU) == [False, False]


def _confirmer(guard: bool) -> Any:
    found = load_confirmer("okay nabu")
    assert found is not None  # scripts/install.sh installs the Whisper model
    found.scrap_guard = guard
    found.align_margin = MARGIN
    return found


def test_a_scrap_beside_a_run_on_okay_does_not_wake() -> None:
    long, aligned = _windows()
    confirmer = _confirmer(True)
    assert not confirmer.confirms(long, aligned, strength=STRENGTH)
    peaks = [d.text for d in confirmer.decodes if d.kind.startswith("peak")]
    assert len(peaks) == 2, peaks  # both short windows heard unprompted
    assert scrap_refused(peaks, NABU) == [False, True], peaks


def test_without_it_the_scrap_wakes() -> None:
    long, aligned = _windows()
    assert _confirmer(False).confirms(long, aligned, strength=STRENGTH)
