"""An emergency said without the wake phrase gets the emergency advice
(voice/speech_in/wake/unaddressed.py, used by listening.py's run_with_wake).

The rule first (text, and utterances with a recorded transcript), then
espeak-ng cries through the real Whisper, then `voice listen` with its
default wake phrase through the virtual microphone: an unaddressed "help, I
can't breathe" gets the advice, spoken into the room; unaddressed everyday
talk gets nothing.
"""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.audio.capture import Utterance
from voice.audio.clip import RECOGNIZER_RATE, AudioClip, read_wav
from voice.speech_in.base import RecognitionStream, Transcript
from voice.speech_in.wake.unaddressed import MAX_SECONDS, UnaddressedAlarm, is_cry

from .conftest import REPO


@pytest.mark.parametrize("said", [
    "Help, I can't breathe!", "I can't breathe.", "Call an ambulance.", "I'm choking!",
    "Help me, I've fallen and I can't get up.", "Can someone call an ambulance?",
    "My chest hurts.", "Somebody help me!", "He's not breathing.",
])
def test_a_cry_of_an_emergency_is_one(said: str) -> None:
    assert is_cry(said)


@pytest.mark.parametrize("said", [
    # The wake benchmark's speech not addressed to it that is_emergency
    # takes: every one a question about an emergency, not a cry.
    "What does a heart attack feel like?", "How do I help someone who's fainted?",
    "What happens if you overdose on paracetamol?",
    "Do you have information about Fluoride overdose",
    # Everyday talk. ("Help." alone is a cry since branch wake16:
    # tests/test_wake16_help_cry.py.)
    "I think I'll make some tea.", "Can you help me with the shopping?",
])
def test_anything_else_is_not(said: str) -> None:
    assert not is_cry(said)


class _Heard:
    """A recognizer that hears the words given (the rule is tested, not the hearing)."""

    name = "recorded"

    def __init__(self, text: str) -> None:
        self.text = text
        self.calls = 0

    def transcribe(self, clip: AudioClip) -> Transcript:
        self.calls += 1
        return Transcript(self.text, self.name)

    def stream(self) -> RecognitionStream:  # pragma: no cover - not used
        raise NotImplementedError


def _utt(speech: float, ended_by: str = "silence") -> Utterance:
    clip = AudioClip(np.zeros(int((speech + 0.6) * RECOGNIZER_RATE), np.int16), RECOGNIZER_RATE, 1)
    return Utterance(clip, ended_by, True, 0.3, 0.3 + speech, speech + 2.3)  # type: ignore[arg-type]


def test_only_short_utterances_are_decoded() -> None:
    rec = _Heard("help I can't breathe")
    alarm = UnaddressedAlarm(rec)  # type: ignore[arg-type]
    assert alarm.heard(_utt(2.0)) is not None
    assert alarm.heard(_utt(MAX_SECONDS + 0.5)) is None  # TV talk runs on: not decoded
    assert alarm.heard(_utt(2.0, "max_length")) is None
    assert rec.calls == 1
    assert UnaddressedAlarm(_Heard("what is multiple sclerosis")).heard(  # type: ignore[arg-type]
        _utt(2.0)) is None


def _espeak(text: str, voice: str, rate: int, path: Path) -> np.ndarray:
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(path), text],
                   check=True, timeout=60)
    return read_wav(path).resampled(RECOGNIZER_RATE).samples.reshape(-1)


CRIES = [("help, I can't breathe", "en-us", 150), ("call an ambulance", "en+f3", 130),
         ("I'm choking", "en-us+m3", 120), ("I can't breathe", "en-gb-x-rp", 110)]


def test_spoken_cries_are_heard_through_whisper(whisper_tiny: Any, tmp_path: Path) -> None:
    # Four espeak-ng voices and paces (not the benchmark's tuning ones):
    # Whisper, as `voice listen` loads it, hears each a cry; everyday talk not.
    alarm = UnaddressedAlarm(whisper_tiny)
    heard = []
    for i, (text, voice, rate) in enumerate(CRIES):
        pcm = _espeak(text, voice, rate, tmp_path / f"{i}.wav")
        speech = len(pcm) / RECOGNIZER_RATE
        utt = Utterance(AudioClip(pcm, RECOGNIZER_RATE, 1), "silence", True, 0.0, speech, speech)
        heard.append(alarm.heard(utt) is not None)
    assert sum(heard) >= 3, (heard, alarm.last)
    calm = _espeak("I think I will make some tea", "en-us", 150, tmp_path / "calm.wav")
    speech = len(calm) / RECOGNIZER_RATE
    assert alarm.heard(Utterance(AudioClip(calm, RECOGNIZER_RATE, 1), "silence", True, 0.0,
                                 speech, speech)) is None


def _voiced_seconds(pcm: np.ndarray) -> float:
    blocks = pcm[: len(pcm) // 320 * 320].reshape(-1, 320).astype(np.float64)
    return float(np.sum(np.sqrt(np.mean(blocks**2, axis=1)) > 300)) * 0.02


def listen(virtual_mic: Any, tmp_path: Path) -> subprocess.Popen[str]:
    """`voice listen` with its default wake phrase and Whisper, its settings,
    state and cache under ``tmp_path`` (a config.toml in
    ``tmp_path/config/voice`` is read), on the virtual microphone."""
    import sys

    env = dict(virtual_mic.env, XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_CACHE_HOME=str(tmp_path / "cache"))
    for key in ("VOICE_CONFIG", "VOICE_MODELS_DIR"):
        env.pop(key, None)
    return subprocess.Popen([sys.executable, "-m", "voice", "listen", "--json", "--no-cues",
                             "--silence-timeout", "1.0"], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_voice_listen_gives_the_advice_to_an_unaddressed_emergency_only(
    virtual_mic: Any, tmp_path: Path
) -> None:
    # The default settings ("okay nabu", Whisper), speaking into the null
    # sink whose monitor is the microphone: the assistant's own advice
    # reaches the microphone too, as on a real table.
    from .test_listen import read_until, wait_for_ready
    from .test_wake_listen import _lines
    from .test_wake_micro import _write

    cry = tmp_path / "cry.wav"
    _write(cry, _espeak("help, I can't breathe", "en-us", 150, tmp_path / "c.wav"))
    calm = tmp_path / "calm.wav"
    _write(calm, _espeak("I think I will make some tea this afternoon", "en+f3", 150,
                         tmp_path / "t.wav"))
    played = tmp_path / "played.raw"
    proc = listen(virtual_mic, tmp_path)
    assert proc.stdout is not None
    replies = _lines(proc.stdout)
    record = None
    try:
        wait_for_ready(proc, timeout=180)
        # Everyday talk, unaddressed: nothing said, nothing answered.
        virtual_mic.play(calm)
        read_until(proc, "not addressed to me", timeout=60)
        assert replies.empty()
        wait_for_ready(proc)
        virtual_mic.play(cry)
        reply = json.loads(replies.get(timeout=90))
        assert reply["outcome"] == "emergency", reply
        # Decoded in the background while it listens again: the "Listening..."
        # that counts is the one after the advice.
        read_until(proc, "sounds like an emergency", timeout=30)
        # ...spoken into the room: what the speaker plays from now on.
        sink = played.open("wb")
        record = subprocess.Popen(["parec", "--raw", "--rate=16000", "--channels=1",
                                   "--format=s16le", "-d", "vmic.monitor"],
                                  env=virtual_mic.env, stdout=sink)
        wait_for_ready(proc, timeout=90)  # the advice said: listening again
        record.terminate()
        record.wait(timeout=15)
        sink.close()
        # Its own echo ("call your local emergency number") is no new emergency.
        time.sleep(4.0)
        assert replies.empty()
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
        if record is not None:
            record.kill()
    assert "Traceback" not in err
    pcm = np.frombuffer(played.read_bytes(), dtype=np.int16)
    assert _voiced_seconds(pcm) > 3.0, _voiced_seconds(pcm)  # the advice, not a beep
