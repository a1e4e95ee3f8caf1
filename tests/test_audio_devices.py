"""Finding microphones and speakers by name, through the real PortAudio."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from voice.audio import devices
from voice.audio.capture import Microphone
from voice.config import Config
from voice.errors import MicrophoneUnavailable, VoiceError

pytestmark = pytest.mark.audio


def test_default_microphone_when_no_name(virtual_mic: Any) -> None:
    dev = devices.find_input_device("")
    assert dev.name == "default"
    assert dev.input_channels >= 1 and dev.default_rate >= 8000


def test_exact_name_wins_and_case_is_ignored(virtual_mic: Any) -> None:
    assert devices.find_input_device("Default").name == "default"
    assert devices.find_input_device("PUL").name == "pulse"


def test_unknown_speaker_lists_the_ones_there_are(virtual_mic: Any) -> None:
    with pytest.raises(VoiceError, match=r'speaker called "hdmi 7".*"pulse"'):
        devices.find_output_device("hdmi 7")


def test_wait_for_device_gives_up_after_timeout_and_says_it_waits(virtual_mic: Any) -> None:
    events: list[str] = []
    t = time.monotonic()
    assert devices.wait_for_device("no-such-mic", on_event=events.append,
                                   poll=0.2, timeout=0.8) is None
    assert 0.7 < time.monotonic() - t < 3.0
    assert events == ["microphone-waiting"]


def test_wait_for_device_stops_when_asked(virtual_mic: Any) -> None:
    stop = threading.Event()
    threading.Timer(0.3, stop.set).start()
    t = time.monotonic()
    assert devices.wait_for_device("no-such-mic", stop=stop, poll=5.0) is None
    assert time.monotonic() - t < 1.5


def test_wait_for_device_returns_at_once_when_present(virtual_mic: Any) -> None:
    events: list[str] = []
    dev = devices.wait_for_device("pulse", on_event=events.append, timeout=5)
    assert dev is not None and dev.name == "pulse"
    assert events == []  # nothing to tell the user


def test_microphone_takes_its_settings_from_config() -> None:
    cfg = Config(input_device="usb", silence_timeout=3.0, start_timeout=20.0,
                 max_utterance=40.0)
    mic = Microphone.from_config(cfg)
    assert (mic.device, mic.silence_timeout, mic.start_timeout, mic.max_utterance) == (
        "usb", 3.0, 20.0, 40.0)
    # The generous defaults people who pause mid-sentence need.
    default = Microphone.from_config(Config())
    assert default.silence_timeout >= 2.0 and default.start_timeout >= 15.0


def test_no_microphone_message_is_the_spoken_one() -> None:
    assert issubclass(MicrophoneUnavailable, VoiceError)
    assert devices.NO_MICROPHONE == (
        "I can't hear a microphone. Please check that it is plugged in.")
