"""`voice listen` when the sound server stops delivering the microphone's
sound: the source stays listed but sends nothing (``pactl suspend-source``;
a server that stalls). Said once, waited for quietly, listening again once
sound comes back.

Found driving `voice listen`: the stall was noticed after 5 s, but the
source was still listed, so it was taken to be back at once: "The microphone
is gone. Please check that it is plugged in. I will keep trying." then "The
microphone is back. Please ask your question again." (false), every 15-20 s
for as long as the stall lasted. Now "back" waits for sound
(voice/audio/capture.py, `Microphone._wait_for_sound`).
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .test_listen import TITLE, question, start_listen, wait_for_ready
from .test_listen_source_unloaded import restore, virtual_mic_sink

SOURCE = "vmic_in"
GONE = "The microphone is gone."
BACK = "The microphone is back."


def pactl(env: dict[str, str], *args: str) -> str:
    return subprocess.run(["pactl", *args], env=env, check=True, capture_output=True,
                          text=True, timeout=10).stdout


@pytest.fixture
def own_source(virtual_mic: Any) -> Iterator[str]:
    """A real source (not a monitor, which PulseAudio will not suspend on its
    own) over the virtual microphone, as the default source."""
    module = pactl(virtual_mic.env, "load-module", "module-remap-source",
                   f"source_name={SOURCE}", f"master={virtual_mic_sink()}.monitor").strip()
    pactl(virtual_mic.env, "set-default-source", SOURCE)
    try:
        yield SOURCE
    finally:
        subprocess.run(["pactl", "unload-module", module], env=virtual_mic.env,
                       capture_output=True, timeout=10)
        restore(virtual_mic)


def collect(proc: subprocess.Popen[str]) -> list[str]:
    """stderr's lines, gathered on a thread as they come."""
    lines: list[str] = []
    stderr = proc.stderr
    assert stderr is not None
    threading.Thread(target=lambda: lines.extend(iter(stderr.readline, "")),
                     daemon=True).start()
    return lines


def wait_for(lines: list[str], text: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(text in line for line in lines):
            return
        time.sleep(0.1)
    pytest.fail(f"never said {text!r}; stderr: {lines}")


@pytest.mark.audio
def answers_the_next_question(proc: subprocess.Popen[str], virtual_mic: Any, lines: list[str],
                              settle: float) -> None:
    """Once listening again, a question played into the microphone is answered."""
    wait_for(lines, "Listening...", 10)
    time.sleep(settle)
    virtual_mic.play(question())
    assert proc.stdout is not None
    deadline = time.monotonic() + 60
    answer = ""
    while time.monotonic() < deadline and "cure" not in answer:
        answer += proc.stdout.readline()
    assert "cure" in answer, (answer, lines, TITLE)


def test_a_suspended_microphone_is_said_once_and_heard_again(
        virtual_mic: Any, own_source: str, tmp_path: Path) -> None:
    from voice.audio import devices

    proc = start_listen(virtual_mic, "--recognizer", "pocketsphinx", "--no-speak",
                        "--no-cues", "--no-wake", tmp_path=tmp_path)
    try:
        wait_for_ready(proc)
        lines = collect(proc)
        pactl(virtual_mic.env, "suspend-source", own_source, "1")
        wait_for(lines, GONE, 30)
        # Before: "back" (false) within a few seconds, and "gone" again.
        time.sleep(25)
        assert [line for line in lines if BACK in line] == [], lines
        assert len([line for line in lines if GONE in line]) == 1, lines
        pactl(virtual_mic.env, "suspend-source", own_source, "0")
        wait_for(lines, BACK, 30)
        answers_the_next_question(proc, virtual_mic, lines, settle=0.5)
    finally:
        proc.kill()
        proc.wait(timeout=10)
        devices.reinitialize()
