"""Microphone.listen on the real audio path: WAVs played into the PulseAudio
null sink are recorded through PortAudio, exactly as from a microphone."""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest

from voice.audio import devices
from voice.audio.capture import EVENT_MESSAGES, Microphone, Utterance
from voice.audio.clip import AudioClip, read_wav
from voice.config import Config
from voice.errors import MicrophoneUnavailable

pytestmark = pytest.mark.audio

# tests/ may or may not be a package (another helper's choice); both work.
try:
    from tests.test_audio_wavs import long_talk, noise, question, silence, slow_with_pause
except ImportError:
    from test_audio_wavs import long_talk, noise, question, silence, slow_with_pause  # type: ignore[no-redef]



@dataclass
class Run:
    """One listen() running in a thread, with its events time-stamped."""

    future: Future[Utterance | None]
    events: list[tuple[str, float]] = field(default_factory=list)
    listening: threading.Event = field(default_factory=threading.Event)

    def names(self) -> list[str]:
        return [n for n, _ in self.events]

    def result(self, timeout: float = 60) -> Utterance | None:
        return self.future.result(timeout=timeout)


_pool = ThreadPoolExecutor(max_workers=2)


def start(mic: Microphone, method: str = "listen", **kw: Any) -> Run:
    run = Run(Future())

    def on_event(name: str) -> None:
        run.events.append((name, time.monotonic()))
        if name == "listening":
            run.listening.set()

    run.future = _pool.submit(getattr(mic, method), on_event=on_event, **kw)
    assert run.listening.wait(10), "the microphone never started"
    time.sleep(0.2)  # the first block through the null sink (MACHINE-NOTES)
    return run


def test_question_is_recorded_and_ends_soon_after_speech(virtual_mic: Any) -> None:
    # Chosen by name, in another case than the device's ("pulse").
    mic = Microphone(device="PULSE", silence_timeout=1.0, start_timeout=10)
    streamed: list[AudioClip] = []
    run = start(mic, on_audio=streamed.append)
    virtual_mic.play(question(0.3, 0.0))
    played = time.monotonic()
    utt = run.result()
    returned = time.monotonic()
    assert utt is not None
    assert utt.ended_by == "silence" and utt.heard_speech and not utt.cut
    assert utt.device == "pulse"
    assert utt.clip.rate == 16000 and utt.clip.channels == 1
    assert 2.0 < utt.clip.duration < 3.8
    assert utt.clip.rms() > 0.02
    # Ends within silence_timeout + 0.5 s of the end of the speech.
    assert returned - played < mic.silence_timeout + 0.5
    assert utt.end_delay == pytest.approx(mic.silence_timeout, abs=0.1)
    assert run.names() == ["listening", "speech-started", "speech-ended"]
    # The streamed audio starts exactly where the clip does, so a recognizer
    # fed while recording hears the same question.
    fed = np.concatenate([c.samples for c in streamed])
    assert all(c.rate == 16000 and c.channels == 1 for c in streamed)
    assert np.array_equal(fed[: len(utt.clip.samples)], utt.clip.samples)


def test_slow_speaker_with_a_long_pause_is_not_cut_off(virtual_mic: Any) -> None:
    mic = Microphone(silence_timeout=Config().silence_timeout, start_timeout=10)
    run = start(mic)
    virtual_mic.play(slow_with_pause(1.2))
    utt = run.result()
    assert utt is not None and utt.ended_by == "silence"
    # Both halves are in it: "is there a cure for" ... "neuromuscular disorders"
    # (the file is 1 s of lead silence, the question, and 0.2 s of silence).
    spoken = read_wav(slow_with_pause(1.2)).duration - 1.2
    assert utt.clip.duration > spoken - 0.3
    tail = utt.clip.samples[-int(1.6 * 16000):]
    assert AudioClip(tail, 16000).rms() > 0.02


def test_silence_only_gives_none_after_start_timeout(virtual_mic: Any) -> None:
    mic = Microphone(silence_timeout=1.0, start_timeout=2.0)
    t = time.monotonic()
    run = start(mic)
    virtual_mic.play(silence(1.0), wait=False)
    assert run.result() is None
    assert 1.9 < time.monotonic() - t < 4.0
    assert run.names()[-1] == "no-speech"


def test_noise_only_is_bounded(virtual_mic: Any) -> None:
    mic = Microphone(silence_timeout=1.0, start_timeout=3.0, max_utterance=3.0)
    t = time.monotonic()
    run = start(mic)
    player = virtual_mic.play(noise(10.0, "whitenoise", 0.2), wait=False)
    try:
        utt = run.result(timeout=20)
    finally:
        player.kill()
        player.wait()
    # Steady noise is not speech: nothing is heard (and had it been, the
    # question would still be bounded by max_utterance).
    assert utt is None or utt.clip.duration <= mic.max_utterance + mic.pre_roll + 0.1
    assert time.monotonic() - t < mic.start_timeout + mic.max_utterance + 1.5


def test_a_minute_of_talk_is_cut_at_max_utterance(virtual_mic: Any) -> None:
    mic = Microphone(silence_timeout=2.0, start_timeout=10, max_utterance=4.0)
    run = start(mic)
    player = virtual_mic.play(long_talk(60.0), wait=False)
    try:
        utt = run.result(timeout=20)
    finally:
        player.kill()
        player.wait()
    assert utt is not None
    assert utt.cut and utt.ended_by == "max_length"
    assert utt.speech_start is not None
    assert utt.listened - utt.speech_start == pytest.approx(4.0, abs=0.1)
    assert utt.clip.duration == pytest.approx(4.0 + mic.pre_roll, abs=0.1)


def test_stop_event_ends_listening_at_once(virtual_mic: Any) -> None:
    stop = threading.Event()
    mic = Microphone(silence_timeout=2.0, start_timeout=10, max_utterance=30)
    run = start(mic, stop=stop)
    player = virtual_mic.play(long_talk(60.0), wait=False)
    try:
        time.sleep(2.5)
        t = time.monotonic()
        stop.set()
        utt = run.result()
        assert time.monotonic() - t < 0.3
    finally:
        player.kill()
        player.wait()
    assert utt is not None and utt.ended_by == "stopped" and utt.heard_speech
    assert 1.0 < utt.clip.duration < 3.0


def test_stop_before_any_speech_returns_what_was_recorded(virtual_mic: Any) -> None:
    stop = threading.Event()
    run = start(Microphone(start_timeout=10), stop=stop)
    time.sleep(0.5)
    stop.set()
    utt = run.result()
    assert utt is not None and utt.ended_by == "stopped" and not utt.heard_speech
    assert utt.speech_start is None and utt.clip.duration > 0.3


def test_hold_to_talk_ignores_pauses(virtual_mic: Any) -> None:
    stop = threading.Event()
    mic = Microphone(silence_timeout=0.5, start_timeout=10)
    run = start(mic, stop=stop, end_on_silence=False)
    virtual_mic.play(question(0.2, 0.0))
    time.sleep(1.0)  # longer than silence_timeout: still listening
    assert not run.future.done()
    stop.set()
    utt = run.result()
    assert utt is not None and utt.ended_by == "stopped" and utt.heard_speech


def test_unknown_microphone_name_lists_the_ones_there_are(virtual_mic: Any) -> None:
    with pytest.raises(MicrophoneUnavailable) as e:
        Microphone(device="usb headset 3000").listen()
    msg = e.value.message
    assert 'called "usb headset 3000"' in msg
    assert '"pulse"' in msg and '"default"' in msg


def test_microphone_unplugged_mid_listen_then_back(virtual_mic: Any) -> None:
    """Unplug during a question: a clear error; then recovery once it is back."""
    try:
        run = start(Microphone(start_timeout=30))
        t = time.monotonic()
        virtual_mic.stop()
        with pytest.raises(MicrophoneUnavailable, match="microphone"):
            run.result(timeout=15)
        # Noticed promptly (the stop itself takes a few seconds).
        assert time.monotonic() - t < 10

        # Meanwhile the device list is empty: listening says so, clearly.
        devices.reinitialize()
        with pytest.raises(MicrophoneUnavailable, match="plugged in"):
            Microphone().listen()

        # listen_until_heard waits, says why, and carries on when it is back.
        mic = Microphone(silence_timeout=1.0, start_timeout=15)
        events: list[str] = []
        stop = threading.Event()
        got: Future[Utterance | None] = _pool.submit(
            mic.listen_until_heard, stop=stop, on_event=events.append, poll=0.5)
        time.sleep(1.5)
        assert events == ["microphone-lost"]
        assert not got.done()
        virtual_mic.start()
        deadline = time.monotonic() + 15
        while "listening" not in events and time.monotonic() < deadline:
            time.sleep(0.1)
        assert events[:3] == ["microphone-lost", "microphone-back", "listening"]
        # Listening for real again: the capture runs until told to stop.
        time.sleep(0.5)
        assert not got.done()
        stop.set()
        utt = got.result(timeout=5)
        assert utt is not None and utt.ended_by == "stopped" and utt.listened > 0.3
        assert "keep trying" in EVENT_MESSAGES["microphone-lost"]
    finally:
        if virtual_mic.keepalive is None:
            virtual_mic.start()
        devices.reinitialize()
