""""Okay, move." said alone (session 28, branch wake32, docs/wake-word.md):
tiny.en writes "okay nabu" as "Okay, move.", so with session 26's sentence
guard a sure or fairly sure spot still woke on a caregiver's "Okay, move."
(and "Okay. Move.", "Ok, move."). With confirm.BARE_GUARD tiny.en's spelling
counts only with something between "okay" and "move" ("Okay, uh, move.":
how it writes a slow phrase over pink noise), or bare beside such a window
of the same spot (one tuning phrase of 288 was caught that way).

Real espeak-ng audio (en-us at 160 words a minute, with
benchmark_wake.OKAY_GAP of silence around), the real okay_nabu network and
Whisper tiny.en (models/). No timing.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest

from voice.speech_in.wake import confirm
from voice.speech_in.wake.confirm import (
    CONFIRMATIONS,
    bare_rescued,
    spelled_bare,
    spelled_counts,
)

from .wake_keeping import Keeping, fed

NABU = CONFIRMATIONS["okay nabu"]
READER = ("en-us", 160)


def test_which_spellings_count() -> None:
    for bare in ("Okay, move.", "Okay. Move.", "Ok, move.", "Okay move."):
        assert spelled_bare(bare, NABU)
        assert not spelled_counts(bare, NABU)
        assert spelled_counts(bare, NABU, bare_guard=False)  # as before
    # Something between: tiny.en's spelling of a slow phrase.
    for spelled in ("Okay, uh, move.", "Okay, now move.", "Okay, not move."):
        assert not spelled_bare(spelled, NABU)
        assert spelled_counts(spelled, NABU)
    # A sentence after it never counted (the sentence guard).
    assert not spelled_counts("Okay, uh, move your arm.", NABU, bare_guard=False)


def test_a_bare_spelling_beside_a_gapped_one_counts() -> None:
    # Tuning draw 33's en-us at 88 wpm over pink noise (a sure spot): the
    # 3.5 s window "Okay, uh, move what?" (the question after it), a short
    # one "Okay, move.": the phrase, caught as before.
    assert bare_rescued(["Okay, uh, move what?", "Move.", "Okay, move."], NABU)
    # A caregiver's "Okay, move." alone: every window bare.
    assert not bare_rescued(["Okay, move.", "Okay. Move.", "Okay."], NABU)
    assert not bare_rescued(["Okay, uh, move what?"], NABU)  # nothing bare to count


def _said(bench: ModuleType, text: str, cache: Path) -> np.ndarray:
    gap = np.zeros(int(bench.OKAY_GAP * 16000), dtype=np.int16)
    return np.concatenate([gap, bench._espeak(text, *READER, cache), gap])


def _run(pcm: np.ndarray, guard: bool) -> tuple[bool, Keeping]:
    def set_up(real: Any) -> None:
        real.bare_guard = guard

    return fed(pcm, set_up)


def _heard(keeping: Keeping) -> list[tuple[str, str, float]]:
    return [(d.kind, d.text, round(d.avg_logprob, 2)) for d in keeping.real.decodes]


@pytest.mark.parametrize("text", ["Okay, move.", "Okay. Move."])
def test_okay_move_alone_does_not_wake_it(bench: ModuleType, tmp_path: Path, text: str) -> None:
    assert confirm.BARE_GUARD
    pcm = _said(bench, text, tmp_path)
    woke, keeping = _run(pcm, guard=True)
    assert max(keeping.strengths, default=0.0) > 0.8  # the network is sure of "okay m-"
    assert not woke, _heard(keeping)
    woke_before, keeping = _run(pcm, guard=False)
    assert woke_before, _heard(keeping)  # what it did before: "Okay, move." after the prompt


def test_the_phrase_still_wakes_it(bench: ModuleType, tmp_path: Path) -> None:
    woke, keeping = _run(_said(bench, "okay nabu", tmp_path), guard=True)
    assert woke, _heard(keeping)
