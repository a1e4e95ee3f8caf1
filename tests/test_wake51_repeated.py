"""The slow retry's windows writing the phrase over and over (session 41,
branch tvwake51, docs/wake-word.md; voice/speech_in/wake/repeated.py).

Fresh seed 422's ordinary false wake: en-029+m4 reading "... for Monday at
noon. Ok is amoxicillin ok ...", a weak spot (0.054) whose prompted windows
wrote "Okay Nabu." just under the floors and whose 3.5 s window made faster
wrote "Okay Nabu. Okay Nabu. Okay Nabu. Okay." (over its floor): it woke.
The decodes below are those recorded live (benchmark_wake.py --decodes,
/tmp/ts50/spot.py); the confirmer is the real one with tiny.en's decoder
replaced by the recording. No timing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np

from voice.audio.clip import read_wav
from voice.speech_in.wake import confirm, repeated
from voice.speech_in.wake.confirm import Decoded, load_confirmer
from voice.speech_in.wake.micro import load_micro

NABU = confirm.CONFIRMATIONS["okay nabu"]
#: Seed 422, en-029+m4 at 423.09 s: the prompted windows (3.5 s, 1.2 s, 1.8 s)...
PROMPTED = [("Okay Nabu.", -0.708), ("Okay Nabu.", -0.436), ("Okay Nabu.", -0.416)]
#: ...the same made 1.6 times faster (the slow retry)...
SLOWED = [("Okay Nabu. Okay Nabu. Okay Nabu. Okay.", -0.464), ("Okay Nabu.", -0.427),
          ("Okay Nabu.", -0.528)]
#: ...and the faster 1.2 s window at the peak, unprompted (margin 1.24 live).
PEAK = [("Okay, not easy.", -0.805)]
SPOTTED = Path(__file__).resolve().parent / "data" / "wake-spots" / "tv_okay_nabu_en-us_90.wav"


def test_shipped_on() -> None:
    assert repeated.REPEAT_GUARD is True


def test_what_counts_as_repeated() -> None:
    # Seed 422's and seed 421's slowed 3.5 s windows (recorded decodes).
    assert repeated.repeated("Okay Nabu. Okay Nabu. Okay Nabu. Okay.", NABU.last_words)
    assert repeated.repeated("Okay Nabu, Nabu, Nabu, Nabu.", NABU.last_words)
    # The phrase once, as the tuning phrases woken through the retry wrote it,
    # and said twice (a person repeating it): left alone.
    assert not repeated.repeated("Okay Nabu.", NABU.last_words)
    assert not repeated.repeated("Okay Nabu. Okay Nabu.", NABU.last_words)
    assert not repeated.repeated("Okay, uh, we'll have...", NABU.last_words)


class _Recorded:
    """tiny.en's decoder answering with ``heard`` in turn."""

    def __init__(self, heard: Sequence[tuple[str, float]]) -> None:
        self.heard = list(heard)

    def encode(self, audio: np.ndarray, seconds: float = 30.0) -> object:
        return object()

    def generate(self, encoded: Any, samples: int, prompt: Any, **_: Any) -> SimpleNamespace:
        text, score = self.heard.pop(0)
        return SimpleNamespace(text=text, avg_logprob=score, token_logprobs=())


def _checked(guard: bool) -> tuple[bool, Any]:
    real = load_confirmer("okay nabu")
    assert real is not None  # scripts/install.sh installs the Whisper model
    # Live (no decode_all) the retry stops at the 3.5 s window when it passes.
    real._decoder = _Recorded(PROMPTED + (SLOWED if guard else SLOWED[:1] + PEAK))
    real.repeat_guard = guard
    real.align_check = False  # the margin (1.24, under 2.1) needs the audio: not asked here
    second = np.zeros(int(1.2 * 16000), np.int16)
    windows = [second, second]
    said = real.confirms(np.zeros(56000, np.int16), windows, strength=0.054, slow=windows)
    return said, real


def test_seed422s_spot_is_refused_outright() -> None:
    said, real = _checked(True)
    assert not said, [(d.kind, d.text) for d in real.decodes]
    assert real.looped
    assert not real.shift_wanted  # no shifted re-check either


def test_without_the_guard_it_passes() -> None:
    said, real = _checked(False)
    assert said, [(d.kind, d.text) for d in real.decodes]
    assert not real.looped


class _Refuses:
    """A check that always refuses, after a window that heard "okay"; ``looped``
    as given. Counts its calls (the cleaned re-check is a second one)."""

    def __init__(self, looped: bool) -> None:
        self.looped = looped
        self.calls = 0
        self.decodes: list[Decoded] = []
        self.confirmation = NABU
        self.shift_wanted = False

    def confirms(self, window: np.ndarray, aligned: Sequence[np.ndarray] = (),
                 strength: float = 0.0, sure: bool = False) -> bool:
        self.calls += 1
        self.decodes.append(Decoded("long", "Okay.", -1.15, strength))
        return False


def _calls(looped: bool) -> int:
    pcm = read_wav(SPOTTED).samples.reshape(-1)
    check = _Refuses(looped)
    detector = load_micro("okay nabu", confirmer=check)
    detector.clean_retry = True
    detector.reset()
    for i in range(0, len(pcm), 480):
        detector.feed(pcm[i:i + 480])
    return check.calls


def test_a_looped_spot_is_not_checked_again_cleaned() -> None:
    spots = _calls(True)
    assert spots >= 1
    assert _calls(False) == 2 * spots  # each spot checked again on its audio cleaned
