"""The neural wake word engine (microWakeWord): real models, real recordings.

The models are the pinned files inside the installed pymicro-wakeword
package; the real recordings are under tests/data/real/wake/ (see its
README). Nothing here depends on timing: audio is handed to the detector
as ``voice listen`` hands it over, or played into the virtual microphone
and waited for by what the assistant prints.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.audio.clip import RECOGNIZER_RATE, read_wav
from voice.errors import ModelMissing
from voice.speech_in.wake import micro
from voice.speech_in.wake.detector import PhraseDetector
from voice.speech_in.wake.engine import engine_for, load_wake_detector
from voice.speech_in.wake.micro import MODELS, load_micro, micro_model_for, model_problem

from .conftest import REPO

REAL = REPO / "tests" / "data" / "real" / "wake"
TITLE = "Is there a cure for neuromuscular disorders?"
QUESTION = "is there a cure for neuromuscular disorders"


def _pcm(path: Path) -> np.ndarray:
    return read_wav(path).resampled(RECOGNIZER_RATE).samples.reshape(-1)


def _wakes(detector: Any, pcm: np.ndarray) -> int:
    detector.reset()
    return sum(detector.feed(pcm[i:i + 480]) for i in range(0, len(pcm), 480))


def _espeak(tmp_path: Path, text: str, name: str, voice: str = "en-us",
            rate: int = 160) -> Path:
    out = tmp_path / name
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(out), text],
                   check=True, timeout=60)
    return out


def test_every_pinned_model_is_installed_byte_for_byte() -> None:
    assert set(MODELS) == {"okay nabu", "hey jarvis", "hey mycroft", "alexa"}
    for model in MODELS.values():
        assert model_problem(model) is None, model.phrase
    assert micro.main([]) == 0


def test_phrases_choose_their_engine() -> None:
    assert engine_for("okay nabu") == engine_for("OK, Nabu") == "micro"
    assert engine_for("Hey Jarvis") == "micro"
    assert engine_for("hey assistant") == engine_for("hello computer") == "pocketsphinx"
    assert micro_model_for("nabu") is None


@pytest.mark.parametrize("phrase", ["okay nabu", "hey jarvis"])
def test_real_people_saying_the_phrase_wake_it_and_the_other_phrase_does_not(
    phrase: str,
) -> None:
    detector = load_micro(phrase)
    own = sorted(REAL.glob(f"{phrase.replace(' ', '_')}_*.wav"))
    other = sorted(p for p in REAL.glob("*.wav") if p not in own)
    assert len(own) == len(other) == 4
    assert [_wakes(detector, _pcm(p)) > 0 for p in own] == [True] * 4
    assert [_wakes(detector, _pcm(p)) for p in other] == [0] * 4


def test_reading_aloud_does_not_wake_it(tmp_path: Path) -> None:
    text = (REPO / "content").glob("*.md")
    words = " ".join(next(iter(sorted(text))).read_text(encoding="utf-8").split()[:250])
    reading = _pcm(_espeak(tmp_path, words, "reading.wav"))
    assert len(reading) > 60 * RECOGNIZER_RATE  # over a minute of speech
    assert _wakes(load_micro("okay nabu"), reading) == 0


def test_a_slow_phrase_is_heard_on_a_faster_path(tmp_path: Path) -> None:
    # espeak-ng at 90 words a minute: as it is, the network's mean stays
    # under the cutoff; heard 1.33 or 1.67 times faster it wakes.
    slow = np.concatenate([np.zeros(RECOGNIZER_RATE, np.int16),
                           _pcm(_espeak(tmp_path, "okay nabu", "slow.wav", "en-us+m3", 90)),
                           np.zeros(RECOGNIZER_RATE, np.int16)])
    detector = load_micro("okay nabu", keep=True)
    assert _wakes(detector, slow) == 1
    by_path = {i: max(p for j, p, _at in detector.events if j == i) for i in range(3)}
    assert by_path[0] < detector.cutoff < max(by_path[1], by_path[2])


def test_the_benchmark_replays_exactly_what_the_detector_decides(tmp_path: Path) -> None:
    # benchmark_wake.py sweeps cutoffs by replaying kept probabilities through
    # Decision: it must count the wakes the live detector counts.
    from voice.speech_in.wake.micro import Decision

    clip = np.concatenate([_pcm(p) for p in sorted(REAL.glob("okay_nabu_*.wav"))])
    detector = load_micro("okay nabu", keep=True)
    live = _wakes(detector, clip)
    assert live >= 4  # four clips (one says it more than once)
    events = list(detector.events)
    assert Decision(detector.cutoff, detector.window, 3).count(events) == live
    for cutoff in (0.3, 0.99):
        assert (Decision(cutoff, detector.window, 3).count(events)
                == _wakes(load_micro("okay nabu", cutoff=cutoff), clip))


def _damaged_copy(tmp_path: Path) -> Path:
    folder = micro.models_folder()
    assert folder is not None
    copy = tmp_path / "models"
    shutil.copytree(folder, copy)
    model = copy / "okay_nabu.tflite"
    data = bytearray(model.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit of one byte
    model.write_bytes(bytes(data))
    return copy


def test_a_changed_byte_is_refused_in_one_line(tmp_path: Path) -> None:
    copy = _damaged_copy(tmp_path)
    with pytest.raises(ModelMissing) as e:
        load_micro("okay nabu", folder=copy)
    assert "okay_nabu.tflite has been changed" in e.value.message
    assert "\n" not in e.value.message
    assert model_problem(MODELS["okay nabu"], copy) is not None
    assert model_problem(MODELS["hey jarvis"], copy) is None
    load_micro("hey jarvis", folder=copy)  # the others still load
    (copy / "alexa.tflite").unlink()
    with pytest.raises(ModelMissing, match=r"alexa\.tflite is missing"):
        load_micro("alexa", folder=copy)


def test_an_unusable_model_falls_back_to_pocketsphinx_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = _damaged_copy(tmp_path)
    monkeypatch.setattr(micro, "models_folder", lambda: copy)
    told: list[str] = []
    detector = load_wake_detector("okay nabu", tell=told.append)
    assert isinstance(detector, PhraseDetector)
    assert detector.phrase == "hey assistant"  # "nabu" cannot be spotted
    assert len(told) == 1 and "has been changed" in told[0]
    assert "Say 'hey assistant' to wake me instead." in told[0]
    # A usable model: no word said, the neural engine listens.
    told.clear()
    assert not isinstance(load_wake_detector("hey jarvis", tell=told.append), PhraseDetector)
    assert told == []


def test_doctor_says_which_engine_listens(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from voice.cli.commands.doctor import check_wake
    from voice.config import load

    cfg_file = tmp_path / "c.toml"
    cfg_file.write_text('[listen]\nwake_word = true\nwake_phrase = "okay nabu"\n')
    check = check_wake(load(cfg_file))
    assert check.status == "ok"
    assert "'okay nabu'" in check.detail and "neural model" in check.detail
    cfg_file.write_text('[listen]\nwake_word = true\nwake_phrase = "hey assistant"\n')
    assert "PocketSphinx" in check_wake(load(cfg_file)).detail
    copy = _damaged_copy(tmp_path)
    monkeypatch.setattr(micro, "models_folder", lambda: copy)
    cfg_file.write_text('[listen]\nwake_word = true\nwake_phrase = "okay nabu"\n')
    bad = check_wake(load(cfg_file))
    assert bad.status == "warn"
    assert "has been changed" in bad.detail and "'hey assistant' instead" in bad.detail


def test_listen_answers_only_after_okay_nabu(virtual_mic: Any, tmp_path: Path) -> None:
    from .test_listen import read_until, start_listen, wait_for_ready
    from .test_wake_listen import _lines
    from .test_whisper_cli import network_use, no_network_env

    # A real person's "okay nabu", then the question (espeak-ng); and the
    # question alone, which must not be answered.
    question = _pcm(_espeak(tmp_path, QUESTION, "question.wav"))
    real = _pcm(REAL / "okay_nabu_wyoming_1.wav")
    woken = tmp_path / "woken.wav"
    _write(woken, np.concatenate([real, np.zeros(RECOGNIZER_RATE // 4, np.int16), question]))
    plain = tmp_path / "plain.wav"
    _write(plain, question)
    settings = tmp_path / "settings.toml"
    # A follow-up window far longer than the test takes to play the next clip.
    settings.write_text('[listen]\nwake_word = true\nwake_phrase = "okay nabu"\nfollow_up = 60\n')
    # Every socket the process tries is written down and refused: the wake
    # word, its Whisper check and the answer stay on the device (privacy).
    env, network_log = no_network_env(tmp_path, dict(virtual_mic.env))
    proc = start_listen(virtual_mic, "--json", "--recognizer", "pocketsphinx", "--no-speak",
                        "--no-cues", "--silence-timeout", "1.0", "--config", str(settings),
                        tmp_path=tmp_path, base_env=env)
    assert proc.stdout is not None
    replies = _lines(proc.stdout)
    try:
        seen = wait_for_ready(proc)
        assert any("Say 'okay nabu'" in line for line in seen)
        virtual_mic.play(plain)
        read_until(proc, "not addressed to me")
        assert replies.empty()
        wait_for_ready(proc)
        virtual_mic.play(woken)
        first = json.loads(replies.get(timeout=60))
        assert first["match"]["title"] == TITLE
        assert "nabu" not in first["transcript"]
        # A follow-up right after the reply needs no wake word.
        wait_for_ready(proc)
        virtual_mic.play(plain)
        second = json.loads(replies.get(timeout=60))
        assert second["match"]["title"] == TITLE
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=15)
    finally:
        proc.kill()
    assert proc.returncode == 130 and "Traceback" not in err
    assert network_use(network_log) == []


def _write(path: Path, pcm: np.ndarray) -> None:
    import wave

    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RECOGNIZER_RATE)
        w.writeframes(np.asarray(pcm, dtype="<i2").tobytes())


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
