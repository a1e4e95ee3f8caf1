"""The wake phrase said again at the start of a question is not part of it
(voice/speech_in/wake/said_again.py, used by listening.py).

Text level first, then real recordings of people saying "okay nabu" twice,
followed by an espeak-ng question, through the real wake detector and
Whisper, as `voice listen` hears them.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.audio.clip import RECOGNIZER_RATE, AudioClip, read_wav
from voice.speech_in.base import Transcript
from voice.speech_in.wake.said_again import without_leading_phrase

from .conftest import REPO

REAL = REPO / "tests" / "data" / "real" / "wake"


def _stripped(text: str, phrase: str = "okay nabu") -> str:
    return without_leading_phrase(Transcript(text, "whisper"), phrase).text


@pytest.mark.parametrize("heard", [
    "okay nabu what should i eat",
    "okay nabu okay nabu what should i eat",
    "ok naboo okay na boo what should i eat",
    "okay naboo okay naboo okay naboo what should i eat",
    "ok abu what should i eat",
])
def test_the_phrase_said_once_or_more_is_dropped_from_the_start(heard: str) -> None:
    assert _stripped(heard) == "what should i eat"


@pytest.mark.parametrize("heard", [
    "okay what should i eat",  # "okay" alone is a word of the user's
    "okay now what should i eat",
    "okay never mind",
    "nabu what should i eat",
    "what should i eat okay nabu",  # only at the start
    "yes",
])
def test_anything_else_is_kept(heard: str) -> None:
    said = Transcript(heard, "whisper")
    assert without_leading_phrase(said, "okay nabu") is said


def test_another_phrase_and_the_words_confidences_and_alternatives_follow() -> None:
    said = Transcript("hey assistant hey assistant is there a cure", "pocketsphinx", 0.7,
                      alternatives=["hey assistant is there a care", "hey assistant"],
                      words=(("hey", 0.9), ("assistant", 0.8), ("hey", 0.9),
                             ("assistant", 0.5), ("is", 0.9), ("there", 0.9),
                             ("a", 0.9), ("cure", 0.4)))
    heard = without_leading_phrase(said, "Hey Assistant")
    assert heard.text == "is there a cure"
    assert heard.words == (("is", 0.9), ("there", 0.9), ("a", 0.9), ("cure", 0.4))
    assert heard.alternatives == ["is there a care"]
    assert without_leading_phrase(Transcript("hey assistant", "x"), "hey assistant").text == ""


def _pcm(path: Path) -> np.ndarray:
    """A recording with its silence at either end cut to 0.1 s."""
    pcm = read_wav(path).resampled(RECOGNIZER_RATE).samples.reshape(-1)
    loud = np.nonzero(np.abs(pcm.astype(np.int32)) > 800)[0]
    return pcm[max(0, loud[0] - 1600):loud[-1] + 1600]


def test_a_real_persons_phrase_said_twice_is_not_in_the_question(
    tmp_path: Path, rec: Any
) -> None:
    # Real people (tests/data/real/wake): "okay nabu", a breath, "okay nabu"
    # again, then the question. Woken by the first, the recognizer hears the
    # second; what `voice listen` passes on is the question alone.
    from voice.speech_in.wake.confirm import load_confirmer
    from voice.speech_in.wake.listening import WakeTurn
    from voice.speech_in.wake.micro import load_micro

    wav = tmp_path / "q.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(wav),
                    "can these disorders be cured"], check=True, timeout=60)
    question = read_wav(wav).resampled(RECOGNIZER_RATE).samples.reshape(-1)
    second = np.zeros(RECOGNIZER_RATE, np.int16)
    gap = np.zeros(RECOGNIZER_RATE // 4, np.int16)
    confirmer = load_confirmer("okay nabu", REPO / "models")
    texts = []
    for name in ("okay_nabu_pymicro_2.wav", "okay_nabu_wyoming_1.wav"):
        phrase = _pcm(REAL / name)
        said = np.concatenate([second, phrase, gap, phrase, gap, question, second])
        turn = WakeTurn(rec, load_micro("okay nabu", confirmer=confirmer))
        for i in range(0, len(said), 480):
            turn.on_audio(AudioClip(said[i:i + 480], RECOGNIZER_RATE, 1))
        assert turn.woke and turn.stream is not None
        heard = turn.stream.finish()
        assert "nab" in heard.text, heard.text  # the second phrase reached the recognizer...
        texts.append(without_leading_phrase(heard, "okay nabu").text)
    assert texts == ["can these disorders be cured"] * 2  # ...and is not in the question


def test_voice_listen_answers_the_question_after_the_phrase_said_twice(
    virtual_mic: Any, tmp_path: Path
) -> None:
    # The default settings (Whisper, "okay nabu" confirmed by Whisper),
    # through the virtual microphone: a real person's phrase twice, then the
    # question. The reply's transcript is the question alone.
    import json
    import signal
    import sys

    from .test_listen import read_until, wait_for_ready
    from .test_wake_listen import QUESTION, TITLE, _lines
    from .test_wake_micro import _write

    wav = tmp_path / "q.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(wav), QUESTION], check=True,
                   timeout=60)
    phrase = _pcm(REAL / "okay_nabu_wyoming_1.wav")
    gap = np.zeros(RECOGNIZER_RATE // 4, np.int16)
    said = tmp_path / "said.wav"
    _write(said, np.concatenate([phrase, gap, phrase, gap,
                                 read_wav(wav).resampled(RECOGNIZER_RATE).samples.reshape(-1)]))
    env = dict(virtual_mic.env, XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    for key in ("VOICE_CONFIG", "VOICE_MODELS_DIR"):
        env.pop(key, None)
    proc = subprocess.Popen([sys.executable, "-m", "voice", "listen", "--json", "--no-cues",
                             "--no-speak", "--silence-timeout", "1.0"], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    replies = _lines(proc.stdout)
    try:
        wait_for_ready(proc, timeout=180)
        virtual_mic.play(said)
        reply = json.loads(replies.get(timeout=90))
        assert "nab" not in reply["transcript"] and "okay" not in reply["transcript"], reply
        assert (reply.get("match") or {}).get("title") == TITLE, reply
        read_until(proc, "Listening...")
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert "Traceback" not in err
