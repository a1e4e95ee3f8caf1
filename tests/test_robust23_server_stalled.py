"""The sound server stalls (its daemon stopped: ``kill -STOP``) while `voice
listen` listens: the microphone and the speaker both stop, with no error.

Found driving `voice listen` on the virtual microphone: nothing at all was
said or printed for as long as the stall lasted (30 s tried). The stall was
noticed after 5 s, but the "error" tone went first and sounddevice's play()
closes the last tone's stream before a new one, which blocks as long as
the server does. Now a tone that cannot start within CUE_STALL is skipped
(voice/audio/cues.py) and a stream that cannot close is left to a thread
(voice/audio/capture.py): "The microphone is gone ..." is printed once, and
the question asked once the server runs again is answered.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from voice.audio import cues

from .test_listen import start_listen, wait_for_ready
from .test_robust23_mic_suspended import BACK, GONE, answers_the_next_question, collect, wait_for


@pytest.fixture
def stall(virtual_mic: Any) -> Iterator[Any]:
    """``stall(True)`` stops the sound server's daemon, ``stall(False)`` lets
    it run again (and always at the end)."""
    pid = int(virtual_mic.pid_file.read_text().strip())

    def set_stalled(on: bool) -> None:
        os.kill(pid, signal.SIGSTOP if on else signal.SIGCONT)

    try:
        yield set_stalled
    finally:
        set_stalled(False)
        time.sleep(1.0)


@pytest.mark.audio
def test_a_tone_on_a_stalled_server_is_skipped(stall: Any,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cues, "_stuck", None, raising=False)
    assert cues.play_cue("stopped", blocking=True)  # a stream for the next to close
    stall(True)
    done = threading.Event()
    threading.Thread(target=lambda: (cues.play_cue("error", blocking=True), done.set()),
                     daemon=True).start()
    # Before: blocked until the server ran again.
    assert done.wait(cues.CUE_STALL + cue_length() + 5), "the tone hung with the server"
    t = time.monotonic()
    assert cues.play_cue("error") is False  # skipped at once while the last is stuck
    assert time.monotonic() - t < 0.5
    stall(False)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not cues.play_cue("listening", wait_at_most=True):
        time.sleep(0.5)
    assert getattr(cues, "_stuck", None) is None  # tones again once the server runs


def cue_length() -> float:
    return cues.cue("error").duration


@pytest.mark.audio
def test_voice_listen_says_once_and_answers_after_a_stall(
        virtual_mic: Any, stall: Any, tmp_path: Path) -> None:
    from voice.audio import devices

    # Tones on (the default): they were what hung.
    proc = start_listen(virtual_mic, "--recognizer", "pocketsphinx", "--no-speak",
                        "--no-wake", tmp_path=tmp_path)
    try:
        wait_for_ready(proc)
        lines = collect(proc)
        stall(True)
        wait_for(lines, GONE, 25)  # before: nothing for all of the stall
        time.sleep(10)
        assert len([line for line in lines if GONE in line]) == 1, lines
        stall(False)
        wait_for(lines, BACK, 40)
        answers_the_next_question(proc, virtual_mic, lines, settle=1.0)
    finally:
        proc.kill()
        proc.wait(timeout=10)
        devices.reinitialize()
