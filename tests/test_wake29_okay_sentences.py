""""Okay" and a sentence said in the room (session 26, branch wake29,
docs/wake-word.md): "Okay, move it." and "Okay, move your arm.", what a
caregiver says beside the user all day, woke it, because the network is sure
or fairly sure of "okay m-" and such spots skipped the peak check. With
confirm.SENTENCE_GUARD a sure or fairly sure spot wakes only on a window that
says the phrase or tiny.en's own spelling of it with nothing after it.

Real espeak-ng audio (en-us at its benchmark pace, 160 words a minute, with
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

from .wake_keeping import Keeping, fed

READER = ("en-us", 160)


def test_the_pinned_okay_sentences(bench: ModuleType) -> None:
    tune, held = bench.okay_everyday("tune"), bench.okay_everyday("held")
    assert (len(tune), len(held)) == (50, 42)
    assert not set(tune) & set(held)
    # Session 26's twelve "okay, move" sentences open the tuning half.
    assert tune[:3] == ["Okay, move.", "Okay, move it.", "Ok, move over."]
    assert all(s.lower().startswith(("okay", "ok,")) for s in tune + held)


def _said(bench: ModuleType, text: str, cache: Path) -> np.ndarray:
    gap = np.zeros(int(bench.OKAY_GAP * 16000), dtype=np.int16)
    return np.concatenate([gap, bench._espeak(text, *READER, cache), gap])


def _run(pcm: np.ndarray, guard: bool) -> tuple[bool, Keeping]:
    def set_up(real: Any) -> None:
        real.sentence_guard = guard

    return fed(pcm, set_up)


def _heard(keeping: Keeping) -> list[tuple[str, str, float]]:
    return [(d.kind, d.text, round(d.avg_logprob, 2)) for d in keeping.real.decodes]


@pytest.mark.parametrize("text", ["Okay, move it.", "Okay, move your arm."])
def test_okay_and_a_sentence_does_not_wake_it(bench: ModuleType, tmp_path: Path,
                                              text: str) -> None:
    pcm = _said(bench, text, tmp_path)
    woke, keeping = _run(pcm, guard=True)
    # The network is (fairly) sure of it: the peak check never looked.
    assert max(keeping.strengths, default=0.0) >= confirm.FAIRLY_SURE
    assert not woke, _heard(keeping)
    woke_before, keeping = _run(pcm, guard=False)
    assert woke_before, _heard(keeping)  # what it did before


def test_the_phrase_still_wakes_a_sure_spot(bench: ModuleType, tmp_path: Path) -> None:
    woke, keeping = _run(_said(bench, "okay nabu", tmp_path), guard=True)
    assert keeping.real.sentence_guard and confirm.SENTENCE_GUARD
    assert max(keeping.strengths) > 0.8
    assert woke, _heard(keeping)
