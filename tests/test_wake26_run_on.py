"""A real "okay" opening a sentence held to a closer fit (confirm.RUN_ON_CHECK;
session 25, branch wake26; measured and off: docs/wake-word.md).

The false wakes left on fresh speech were a real "okay" at a sentence's
start: espeak-ng en-029+m4 reading "Ok is amoxicillin ok if I am allergic
to penacillin?" (benchmark_wake.py, fresh seed 253). Prompted, Whisper
wrote "Okay Nabu." for every window; unprompted, the short windows at the
network's peak were "Okay, now I can see." ("now" sounds like "nabu" to the
peak check), which fitted the best spelling of the phrase within
ALIGN_MARGIN (2.1) on one window: 1.94-2.04 over three runs. With the check
on, a decode that runs on past the phrase's spellings with words of a
sentence must fit within RUN_ON_MARGIN (1.7). Real Whisper tiny.en (models/) on the 3.5 s
window the detector decoded (tests/data/wake-spots/). No timing.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from voice.audio.clip import RECOGNIZER_RATE, read_wav
from voice.speech_in.wake.confirm import (
    ALIGNED,
    ALIGNED_PAD,
    CONFIRMATIONS,
    RUN_ON_MARGIN,
    load_confirmer,
    runs_on,
)

from .conftest import REPO

NABU = CONFIRMATIONS["okay nabu"]
#: Where the network peaked in the kept window (its short windows end ALIGNED_PAD after).
PEAK = 2.99


def _windows() -> tuple[np.ndarray, list[np.ndarray]]:
    wav = REPO / "tests" / "data" / "wake-spots" / "okay_now_i_can_see_en-029+m4.wav"
    long = read_wav(wav).samples.reshape(-1)
    end = int(PEAK * RECOGNIZER_RATE) + int(ALIGNED_PAD * RECOGNIZER_RATE)
    return long, [long[end - int(s * RECOGNIZER_RATE):end] for s in ALIGNED]


def test_what_runs_on_past_the_phrase() -> None:
    for text in ("Okay, now I can see.", "Okay, let me call.", "Okay, then it costs."):
        assert runs_on(text, NABU), text
    # The phrase as tiny.en writes it, hesitations, and decodes without "okay".
    for text in ("Okay, now move.", "Okay, uh, move.", "Okay, Naboo.", "Okay, now.",
                 "Okay, um...", "in.", "So can any cost?", "Now move it."):
        assert not runs_on(text, NABU), text


def _confirmer(on: bool, margin: float = RUN_ON_MARGIN) -> Any:
    found = load_confirmer("okay nabu")
    assert found is not None  # scripts/install.sh installs the Whisper model
    found.run_on_check = on
    found.run_on_margin = margin
    found.peak_every_slot = True  # both short windows' margins recorded
    return found


def test_a_decode_running_on_is_held_to_the_closer_fit() -> None:
    # Kept as the detector cut it, this window's second short window is
    # "Okay, now I see." at 1.56 on this machine (1.94-2.04 in the stream,
    # in three runs): under RUN_ON_MARGIN, so the check at 1.7 would let it
    # through here, one reason it is off (docs/wake-word.md). Held to 1.5 it
    # is refused: the limit applies to such a decode.
    long, aligned = _windows()
    confirmer = _confirmer(True, margin=1.5)
    assert not confirmer.confirms(long, aligned, strength=0.115)
    heard = [(d.text, d.avg_logprob) for d in confirmer.decodes if d.kind.startswith("align")]
    assert all(runs_on(text, NABU) for text, _m in heard), heard


def test_without_it_the_okay_wakes() -> None:
    long, aligned = _windows()
    assert _confirmer(False).confirms(long, aligned, strength=0.115)
