"""What the recognizer declares decides whether a question waits for the
check of an earlier unaddressed utterance (base.Recognizer.decodes_alongside),
not the recognizer's name; and `voice doctor` says whether an emergency said
without the wake phrase is listened for.

The loop is listening.run_with_wake itself, with a scripted microphone and
wake detector: someone's short sentence (checked for a cry in the
background), then the phrase and a question. What is recorded is the order:
did the question's decode start before the check's decode ended?
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.audio.capture import Utterance
from voice.audio.clip import RECOGNIZER_RATE, AudioClip
from voice.speech_in.base import Transcript

HELD = 5.0  # seconds the check's decode is held at most (released at once when it need not be)


class _Recognizer:
    def __init__(self, name: str, alongside: bool) -> None:
        self.name = name
        self.decodes_alongside = alongside
        self.order: list[str] = []
        self.release = threading.Event()

    def transcribe(self, clip: AudioClip) -> Transcript:
        self.release.wait(HELD)
        self.order.append("check done")
        return Transcript("shall we go out later", self.name)

    def stream(self) -> Any:
        self.order.append("question started")
        self.release.set()
        name = self.name

        class _Stream:
            def feed(self, clip: AudioClip) -> str:
                return ""

            def finish(self) -> Transcript:
                return Transcript("what should i eat", name)

        return _Stream()

    def use_content(self, kb: Any) -> None:
        pass


class _Detector:
    phrase = "okay nabu"
    after = 0.0

    def __init__(self) -> None:
        self.wake_next = False

    def reset(self) -> None:
        pass

    def feed(self, pcm: np.ndarray) -> bool:
        return self.wake_next


def _utterance() -> Utterance:
    clip = AudioClip(np.zeros(RECOGNIZER_RATE, dtype=np.int16), RECOGNIZER_RATE, 1)
    return Utterance(clip, "silence", True, 0.1, 1.5, 2.0)


@dataclass
class _Mic:
    detector: _Detector
    start_timeout: float = 15.0
    calls: int = 0

    def listen_until_heard(self, stop: Any = None, on_event: Any = None,
                           on_audio: Any = None) -> Utterance:
        self.calls += 1
        # First someone else's short sentence, then the phrase and a question.
        self.detector.wake_next = self.calls >= 2
        utt = _utterance()
        on_audio(utt.clip)
        return utt


class _Assistant:
    wants_exit = False

    def __init__(self) -> None:
        self.heard: list[str] = []

    def handle_heard(self, heard: Transcript, *a: Any, **k: Any) -> dict[str, Any]:
        self.heard.append(heard.text)
        self.wants_exit = True
        return {}

    def wait(self) -> None:
        pass


class _Session:
    def __init__(self, recognizer: _Recognizer, detector: _Detector) -> None:
        self.recognizer = recognizer
        self.assistant = _Assistant()
        self.mic = _Mic(detector)
        self.turn: Any = None

    def tell(self, text: str) -> None:
        pass

    def cue(self, name: str, blocking: bool = True) -> None:
        pass

    def refresh(self) -> None:
        pass

    def follow_wait(self) -> None:
        # voice listen's pause chosen by voice ("give me more time").
        pass

    def on_event(self, name: str) -> None:
        pass

    def after_reply(self) -> None:
        pass

    def cut_message(self) -> str:
        return ""

    def rest_of(self, utt: Any, heard: Transcript) -> Transcript:
        # voice listen's wait for the rest of a question ending on "and"
        # (session 24, robust25): nothing ends so here.
        return heard


@pytest.mark.parametrize(("name", "alongside", "first"), [
    ("whisper", False, "check done"),              # declared one decoder: the question waits
    ("pocketsphinx", True, "question started"),    # declared alongside: it does not
])
def test_the_question_waits_for_the_check_as_the_recognizer_declares(
        name: str, alongside: bool, first: str) -> None:
    from voice.speech_in.wake.listening import run_with_wake

    rec = _Recognizer(name, alongside)
    detector = _Detector()
    session = _Session(rec, detector)
    loop = threading.Thread(target=run_with_wake, args=(session, detector, 0.0), daemon=True)
    loop.start()
    loop.join(timeout=60)
    assert not loop.is_alive()
    assert session.assistant.heard == ["what should i eat"]
    assert rec.order[0] == first, rec.order


def test_every_engine_declares_it() -> None:
    from voice.speech_in.pocketsphinx.engine import PocketSphinxRecognizer
    from voice.speech_in.vosk.engine import VoskRecognizer
    from voice.speech_in.whisper.engine import WhisperRecognizer

    # Whisper's model takes one call at a time by itself (shared_model.py);
    # PocketSphinx's and Vosk's streams share one decoder.
    assert WhisperRecognizer.decodes_alongside is True
    assert PocketSphinxRecognizer.decodes_alongside is False
    assert VoskRecognizer.decodes_alongside is False


def test_doctor_says_whether_a_cry_without_the_phrase_is_listened_for(tmp_path: Path) -> None:
    from voice.cli.commands.doctor import check_wake
    from voice.config import load

    on = check_wake(load(None))  # on by default
    assert on.status == "ok" and "gets the emergency advice" in on.detail, on.detail
    cfg_file = tmp_path / "c.toml"
    cfg_file.write_text("[listen]\nunaddressed_emergencies = false\n")
    off = check_wake(load(cfg_file))
    assert "emergency said without it is not listened for" in off.detail, off.detail
    assert "gets the emergency advice" not in off.detail
    # A phrase PocketSphinx listens for says it too.
    cfg_file.write_text('[listen]\nwake_phrase = "hello computer"\n'
                        "unaddressed_emergencies = false\n")
    assert "not listened for" in check_wake(load(cfg_file)).detail
    # With the phrase off everything is answered, emergencies too: nothing to say.
    cfg_file.write_text("[listen]\nwake_word = false\n")
    assert "emergency" not in check_wake(load(cfg_file)).detail


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
