"""The benchmark's second family of voices (scripts/make_spoken_questions.py
NATURAL_VARIANTS): flite's CMU ARCTIC voices, trained on recordings of real
people, speak, are slowed and noised as the espeak-ng conditions are, and
the default engine hears them.

flite is installed by scripts/install.sh --dev; festival's HTS voice is not
(benchmark only: apt-get install festival festvox-us-slt-hts), so its test
is skipped where festival is missing.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.audio.clip import read_wav
from voice.speech_in.own_voice import word_errors

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))
from make_spoken_questions import (  # type: ignore[import-not-found, unused-ignore]  # noqa: E402
    BENCHMARK_VARIANTS,
    NATURAL_VARIANTS,
    Variant,
    _key,
    missing_synthesizers,
    speak,
    speak_many,
)

QUESTION = "can these disorders be cured"

needs_flite = pytest.mark.skipif(shutil.which("flite") is None,
                                 reason="flite is not installed (apt-get install flite)")
FLITE = [v for v in NATURAL_VARIANTS if v.synth == "flite"]
FESTIVAL = [v for v in NATURAL_VARIANTS if v.synth == "festival"]


def _rms(path: Path) -> float:
    return float(np.sqrt(np.mean(read_wav(path).samples.astype(np.float64) ** 2)))


def test_espeak_clips_keep_their_cache_keys() -> None:
    # The cached WAVs and Whisper transcripts of earlier runs are keyed by
    # these names: adding the synth field must not rename them.
    v = BENCHMARK_VARIANTS[3]
    old = hashlib.sha256(
        f"Variant(voice='en-us+m3', tempo=0.8, noise='', snr_db=20.0, speed=160)\n{QUESTION}"
        .encode()).hexdigest()[:16]
    assert _key(QUESTION, v) == old
    # ... and a flite voice of the same name is never the espeak-ng clip.
    assert _key(QUESTION, Variant("slt", synth="flite")) != _key(QUESTION, Variant("slt"))


@needs_flite
def test_every_flite_condition_speaks_and_is_cached(tmp_path: Path) -> None:
    paths = {v: speak(QUESTION, v, tmp_path) for v in FLITE}
    assert len({p.name for p in paths.values()}) == len(FLITE)
    for v, p in paths.items():
        clip = read_wav(p)
        assert 1.0 < clip.duration < 5.0, (v.name, clip.duration)
        assert _rms(p) > 300, v.name  # speech, not silence
    by = {v.name: p for v, p in paths.items()}
    slow, plain = read_wav(by["flite-rms/tempo0.8"]), read_wav(by["flite-rms"])
    assert slow.duration == pytest.approx(plain.duration / 0.8, rel=0.05)
    # The noisy copy has noise in its quiet lead-in; the clean one has none.
    noisy = read_wav(by["flite-awb/white20dB"]).samples[:800].astype(np.float64)
    clean = read_wav(by["flite-awb"]).samples[:800].astype(np.float64)
    assert np.abs(noisy).mean() > np.abs(clean).mean() + 20
    # Cached: asked again, the same file, not written again.
    stamp = paths[FLITE[0]].stat().st_mtime_ns
    assert speak(QUESTION, FLITE[0], tmp_path) == paths[FLITE[0]]
    assert paths[FLITE[0]].stat().st_mtime_ns == stamp


@needs_flite
def test_whisper_hears_a_flite_voice_close_to_its_text(default_engine: Any,
                                                        tmp_path: Path) -> None:
    from benchmark_audio import pad  # type: ignore[import-not-found, unused-ignore]

    for v in (FLITE[0], FLITE[1]):  # US woman, US man
        heard = default_engine.transcribe(pad(read_wav(speak(QUESTION, v, tmp_path)))).text
        errors, words = word_errors(QUESTION, heard)
        assert errors / words <= 0.2, (v.name, heard)


@pytest.mark.skipif(bool(missing_synthesizers(FESTIVAL)),
                    reason="festival's HTS voice is not installed (benchmark only: "
                           "apt-get install festival festvox-us-slt-hts)")
def test_festival_speaks_many_in_one_process(tmp_path: Path) -> None:
    texts = [QUESTION, 'what\'s "quoted" here', "I can't breathe"]
    paths = speak_many(texts, FESTIVAL[0], tmp_path)
    assert len(set(paths)) == 3
    durations = [read_wav(p).duration for p in paths]
    # Each text is its own utterance (a quoting slip would speak the word "text").
    assert durations[0] > 1.5 and all(d > 0.8 for d in durations), durations
    assert speak(texts[2], FESTIVAL[0], tmp_path) == paths[2]


def test_rotation_says_every_question_in_n_conditions_and_uses_every_condition() -> None:
    from benchmark_audio import _said_in  # type: ignore[import-not-found, unused-ignore]

    conditions = len(NATURAL_VARIANTS)
    for n in (1, 2, 3):
        per_condition = [0] * conditions
        for q in range(139):
            said = [j for j in range(conditions) if _said_in(q, j, conditions, n)]
            assert len(said) == n
            for j in said:
                per_condition[j] += 1
        # Evenly spread: each condition gets its share, give or take one question.
        assert max(per_condition) - min(per_condition) <= n, per_condition
    assert all(_said_in(q, j, conditions, 0) for q in range(9) for j in range(conditions))
