"""Whisper checks the network's sure wakes too (micro.CHECK_SURE).

The network alone (its mean above its cutoff 0.8) woke on "what is a nerve
conduction study" said by espeak-ng en after quiet (fresh seed 63 of
benchmark_wake.py, branch wake12): no check touched those wakes. Now
`voice listen`'s detector (engine.py: load_micro with the Whisper
confirmer) decodes them like any spot. Real microWakeWord model and real
Whisper tiny.en, on clips played into the virtual microphone and recorded
from it; real people's "okay nabu" still wake it. No timing.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.audio.clip import RECOGNIZER_RATE, read_wav
from voice.audio.virtual_mic import VirtualMic

from .conftest import REPO

BLOCK = 320  # 20 ms
REAL = REPO / "tests" / "data" / "real" / "wake"


def _through(virtual_mic: VirtualMic, pcm: np.ndarray) -> np.ndarray:
    """``pcm`` after 2 s of quiet, played into the sink and recorded from its monitor."""
    import sounddevice as sd

    quiet = np.zeros(2 * RECOGNIZER_RATE, np.int16)
    played = np.concatenate([quiet, pcm, quiet[:RECOGNIZER_RATE]]).astype(np.int16)
    recorded = sd.playrec(played.reshape(-1, 1), samplerate=RECOGNIZER_RATE, channels=1,
                          dtype="int16", blocking=True)[:, 0]
    assert np.abs(recorded.astype(np.int32)).max() > 500, "nothing recorded"
    return np.concatenate([recorded, quiet])


def _espeak(tmp_path: Path, text: str, voice: str, rate: int) -> np.ndarray:
    wav = tmp_path / f"{voice}_{rate}.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(wav), text], check=True)
    return read_wav(wav).resampled(RECOGNIZER_RATE).samples.reshape(-1)


def _wakes(detector: Any, pcm: np.ndarray) -> tuple[int, float]:
    """Wakes, and the network's highest mean of its window on any path."""
    detector.reset()
    woke = sum(detector.feed(pcm[i:i + BLOCK]) for i in range(0, len(pcm), BLOCK))
    best = 0.0
    recent: dict[int, list[float]] = {}
    for path, p, _at in detector.events:
        q = recent.setdefault(path, [])
        q.append(p)
        if len(q) >= detector.window:
            best = max(best, sum(q[-detector.window:]) / detector.window)
    return woke, best


def test_a_question_after_quiet_the_network_is_sure_of_no_longer_wakes_it(
    virtual_mic: VirtualMic, okay_nabu_detector: Any, tmp_path: Path
) -> None:
    sure = 0
    for rate in (120, 160):
        pcm = _through(virtual_mic, _espeak(tmp_path, "what is a nerve conduction study",
                                            "en", rate))
        woke, best = _wakes(okay_nabu_detector, pcm)
        sure += best > okay_nabu_detector.cutoff  # the network alone would have woken
        assert woke == 0, f"en {rate} wpm woke it (network's best mean {best:.2f})"
    assert sure >= 1  # the network was sure of at least one: it is the check that refused it


def test_real_people_saying_the_phrase_still_wake_it(
    virtual_mic: VirtualMic, okay_nabu_detector: Any
) -> None:
    clips = sorted(REAL.glob("okay_nabu_*.wav"))
    assert len(clips) == 4
    woke = {}
    for wav in clips:
        pcm = read_wav(wav).resampled(RECOGNIZER_RATE).samples.reshape(-1)
        woke[wav.name] = _wakes(okay_nabu_detector, _through(virtual_mic, pcm))[0]
    assert all(n >= 1 for n in woke.values()), woke


def test_the_replay_tells_the_sure_rules_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # scripts/wake_sure_check.py on spots as benchmark_wake.py --check-sure on
    # --decodes writes them (decodes of tuning draw 6 and of the false wake):
    # a sure phrase over pink noise Whisper wrote "Okay, uh, move." (the floors
    # refuse it, "first word" takes it) and the sure wake on a question after
    # quiet, where no window has "okay".
    import json

    from .test_wake_false import _load

    tool = _load("wake_sure_check")
    data = {"network": {}, "clips": ["pos en-us 90 pink 10dB", "neg read en"], "decodes": {
        "pos en-us 90 pink 10dB": [
            ["long", "Okay, uh, move.", -0.54, 0.88, 3.0],
            ["short0", "Uh, move.", -0.56, 0.88, 3.0],
            ["short1", "Okay, move.", -0.54, 0.88, 3.0]],
        "neg read en": [
            ["long", "What is an urban tunnel?", -1.11, 0.96, 4.0],
            ["short0", "What in the earth?", -1.09, 0.96, 4.0],
            ["short1", "What is that nerve?", -0.75, 0.96, 4.0]]}}
    (tmp_path / "d.json").write_text(json.dumps(data))
    assert tool.main(["--decodes", str(tmp_path / "d.json"), "--spot-cutoffs", "0.05"]) == 0
    rows = {line[:38].strip(): line[38:].split() for line in capsys.readouterr().out.splitlines()}
    assert rows["sure wakes at once"][1:4:2] == ["1/1", "1"]
    assert rows["sure checked, full rule"][1:4:2] == ["0/1", "0"]
    assert rows["sure checked, first word anywhere"][1:4:2] == ["1/1", "0"]
