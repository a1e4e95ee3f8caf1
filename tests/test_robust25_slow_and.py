"""A question broken off after "and", "or", "because" with a long pause (a
slow speaker) is waited for and taken as one question (session 24, branch
robust25).

`voice listen` ended a turn at every pause of `silence_timeout` (2 s): "my
legs get stiff at night because ... ... of my MS what can I do" was two turns,
the first part answered "I only heard ..." and the rest alone a question of
its own. Now a turn heard ending on such a word waits `unfinished_wait`
seconds (6) for the rest, with the rising tone, and decodes both as one.
Through the real path: espeak-ng played into PulseAudio's virtual microphone,
heard by Whisper, with and without the wake phrase."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from voice.conversation.unfinished import trails_off

from .test_listen import start_listen, wait_for_ready

FIRST = "my legs get stiff at night because"
REST = "of my multiple sclerosis. what can I do"
#: Seconds of silence between the two: past silence_timeout's 2 s, as the
#: 3 to 5 s pauses tried in session 23.
PAUSE = 4.0
#: espeak-ng speeds (words a minute) of the renderings played, a fresh one
#: each time Whisper mishears the open end. One rendering can be misheard
#: on every play on a given CPU: at 130 "at night because" came out "at eye
#: to be caused" on both plays, without the wake phrase, in the clean-clone
#: CI of 2026-12-05 (on this machine all of 110 to 150 are heard right).
SPEEDS = (130, 115, 145)


def _question(tmp_path: Path, lead: str = "", speed: int = SPEEDS[0]) -> Path:
    parts = []
    for i, text in enumerate((lead + FIRST, REST)):
        raw = tmp_path / f"part{i}.wav"
        subprocess.run(["espeak-ng", "-s", str(speed), "-w", str(raw), text], check=True,
                       timeout=30)
        parts.append(raw)
    out = tmp_path / "slow.wav"
    silence = tmp_path / "pause.wav"
    rate = subprocess.run(["soxi", "-r", str(parts[0])], capture_output=True, text=True,
                          check=True).stdout.strip()
    subprocess.run(["sox", "-n", "-r", rate, "-c", "1", "-b", "16", str(silence), "trim", "0",
                    str(PAUSE)], check=True, timeout=30)
    subprocess.run(["sox", str(parts[0]), str(silence), str(parts[1]), str(out)], check=True,
                   timeout=30)
    return out


def _replies(proc: subprocess.Popen[str], seconds: float) -> list[dict[str, Any]]:
    """The JSON replies printed within ``seconds``."""
    assert proc.stdout is not None
    import selectors

    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    replies: list[dict[str, Any]] = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if sel.select(timeout=0.5):
            line = proc.stdout.readline()
            if line.startswith("{"):
                replies.append(json.loads(line))
    return replies


def test_the_words_that_leave_a_question_open() -> None:
    assert trails_off(FIRST) and trails_off("what helps with spasms and um")
    assert trails_off("is there a cure or")
    assert not trails_off("what helps with spasms") and not trails_off("is there a cure")
    assert not trails_off("Niemann-Pick disease type A")


@pytest.mark.audio
@pytest.mark.parametrize("wake", [False, True], ids=["no-wake", "okay-nabu"])
def test_a_slow_question_is_one_turn(virtual_mic: Any, tmp_path: Path, wake: bool) -> None:
    lead = "okay nabu. " if wake else ""
    flags = ["--no-speak", "--no-cues", "--json", "--recognizer", "whisper"]
    proc = start_listen(virtual_mic, *flags, *([] if wake else ["--no-wake"]),
                        tmp_path=tmp_path)
    try:
        wait_for_ready(proc, timeout=120)
        for speed in SPEEDS:
            virtual_mic.play(_question(tmp_path, lead, speed))
            replies = _replies(proc, 40)
            # Whisper now and then mishears the open end through the null
            # sink ("at night because" heard "at eye to be cause" after the
            # wake phrase, clean-clone CI on this Xeon): then nothing said
            # the question was open, the hearing's miss, not the wait's;
            # another rendering is played. A heard open end answered twice
            # still fails.
            if len(replies) == 2 and not trails_off(str(replies[0].get("transcript", ""))):
                continue
            break
        assert len(replies) == 1, replies
        heard = replies[0]["transcript"]
        assert "because" in heard and "what can i do" in heard.lower(), replies
    finally:
        proc.kill()
        proc.wait(timeout=10)


def whisper_listened(virtual_mic: Any, wav: Path, folder: Path,
                     seconds: float = 30) -> list[dict[str, Any]]:
    """``wav`` played into the virtual microphone of a real `voice listen
    --json` with tiny.en and no wake phrase; its JSON replies within
    ``seconds``."""
    proc = start_listen(virtual_mic, "--no-speak", "--no-cues", "--json", "--recognizer",
                        "whisper", "--no-wake", tmp_path=folder)
    try:
        wait_for_ready(proc, timeout=120)
        virtual_mic.play(wav)
        return _replies(proc, seconds)
    finally:
        proc.kill()
        proc.wait(timeout=10)
