"""scripts/benchmark_wake.py: fresh draws of the phrase, and what each check heard.

Real espeak-ng, the real okay_nabu network and Whisper tiny.en; nothing
depends on timing.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import numpy as np

from voice.audio.clip import read_wav
from voice.speech_in.wake.confirm import load_confirmer
from voice.speech_in.wake.micro import load_micro

from .conftest import REPO


def test_a_fresh_draw_says_the_phrase_otherwise_and_is_the_same_each_time(
    bench: ModuleType, tmp_path: Path
) -> None:
    # The held-out half had been run several times: a new --draw gives
    # phrases nobody has seen (other paces, TV talk, offsets, silences),
    # the same ones for the same number, so a figure can be reproduced.
    first = dict(bench.positives("okay nabu", tmp_path, "held"))
    fresh = dict(bench.positives("okay nabu", tmp_path, "held", draw=2))
    again = dict(bench.positives("okay nabu", tmp_path, "held", draw=2))
    other = dict(bench.positives("okay nabu", tmp_path, "held", draw=3))
    assert len(first) == len(fresh) == len(other) == 48
    assert list(fresh) == list(again)
    # (Resampling espeak-ng's 22.05 kHz to 16 kHz was seen to differ by 2 in
    # 32768 between runs on one clip in 48.)
    assert all(len(fresh[k]) == len(again[k])
               and np.abs(fresh[k].astype(int) - again[k]).max() <= 8 for k in fresh)
    assert list(fresh) != list(other)  # another draw, other paces
    tv_first = [x for k, x in first.items() if k.endswith("tv 10dB")]
    tv_fresh = [x for k, x in fresh.items() if k.endswith("tv 10dB")]
    assert len(tv_fresh) == 16
    assert not any(len(a) == len(b) and np.array_equal(a, b)
                   for a, b in zip(tv_first, tv_fresh, strict=True))
    # Names keep the pace asked for, so the breakdown still counts them.
    missed = [k for k in fresh if " 90 " in k and k.endswith("tv 10dB")]
    assert len(missed) == 4
    assert bench._breakdown(48, missed) == (
        "90 wpm 8/12, 120 wpm 12/12, 150 wpm 12/12, 175 wpm 12/12, "
        "clean 16/16, pink 16/16, tv 12/16")


def test_every_window_a_neural_check_decoded_is_written_down(bench: ModuleType) -> None:
    # "okay nabu" under TV talk (tests/data/wake-spots/README.md): the 3.5 s
    # window is heard as the TV's words, a short one at the peak as the
    # phrase. --dump keeps both, so rules can be judged without decoding again.
    confirmer = load_confirmer("okay nabu")
    assert confirmer is not None
    detector = load_micro("okay nabu", confirmer=confirmer)
    pcm = read_wav(REPO / "tests" / "data" / "wake-spots" /
                   "tv_okay_nabu_en-us_90.wav").samples.reshape(-1)
    # (Woken on an AVX-512 Xeon; on CTranslate2's AVX2 path, which
    # tests/conftest.py fixes, this spot is missed: docs/wake-word.md. What
    # is written down is the same either way.)
    bench.spot(detector, pcm, "okay nabu", "pos tv")
    checks = bench.HEARD["pos tv"]
    assert len(checks) == detector.confirmations >= 1
    decoded = [text for check in checks for text, _at in check]
    assert len(decoded) >= 2  # the long window, then a short one
    assert "nabu" not in decoded[0].lower()
    assert all(text.endswith(")") for text in decoded)  # each with its avg_logprob
