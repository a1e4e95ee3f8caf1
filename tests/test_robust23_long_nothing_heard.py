"""A long stretch of speech of which the recognizer made out no words.

Found driving `voice ask --audio` and `voice listen`: a user who says one
sentence over and over for 28 s (tired, anxious, or checking it is heard)
gets an empty transcript from Whisper (its guard against looping
hallucinations drops repeated text), and was answered "Sorry, I didn't catch
that. Please say it again": saying it again brought the same. Cut at 30 s it
was "That was a long question, so I stopped listening after 30 seconds"
followed by "Please say it again". Now, after LONG_SPEECH_SECONDS of speech:
"Sorry, I couldn't follow all of that. Please ask one thing at a time, in a
few words, or say 'help'." A silent recording is still "didn't catch that".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from voice.content.loader import load_knowledge
from voice.conversation import Conversation, phrases

from .conftest import CONTENT
from .test_listen import start_listen, wait_for_ready

REPO = Path(__file__).resolve().parent.parent
SENTENCE = "my legs get very stiff in the morning. "


def repeated(tmp_path: Path) -> Path:
    out = tmp_path / "repeated.wav"
    subprocess.run(["espeak-ng", "-s", "130", "-w", str(out), SENTENCE * 12],
                   check=True, timeout=60)
    return out


def test_the_conversation_says_so() -> None:
    talk = Conversation(load_knowledge([CONTENT]))
    assert talk.respond("", heard=True, long_speech=True).say == phrases.NOT_FOLLOWED
    assert talk.respond("", heard=True).say.startswith(phrases.DIDNT_CATCH)


def test_voice_ask_audio(tmp_path: Path) -> None:
    silence = tmp_path / "silence.wav"
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", "-b", "16", str(silence),
                    "trim", "0", "20"], check=True, timeout=30)
    env = dict(os.environ, XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run(
        [sys.executable, "-m", "voice", "ask", "--json", "--audio", str(repeated(tmp_path)),
         str(silence)], cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    long_one, silent = [json.loads(line) for line in done.stdout.splitlines()]
    assert long_one["transcript"] == "", long_one  # what Whisper does with it
    assert long_one["say"] == phrases.NOT_FOLLOWED, long_one
    assert silent["say"].startswith(phrases.DIDNT_CATCH), silent


@pytest.mark.audio
def test_voice_listen(virtual_mic: Any, tmp_path: Path) -> None:
    wav = repeated(tmp_path)
    proc = start_listen(virtual_mic, "--no-speak", "--no-cues", "--no-wake", "--json",
                        tmp_path=tmp_path)
    try:
        wait_for_ready(proc)
        virtual_mic.play(wav)
        assert proc.stdout is not None
        deadline = time.monotonic() + 90
        reply: dict[str, Any] = {}
        while time.monotonic() < deadline and not reply:
            line = proc.stdout.readline()
            if line.startswith("{"):
                reply = json.loads(line)
        assert reply.get("say") == phrases.NOT_FOLLOWED, reply
    finally:
        proc.kill()
        proc.wait(timeout=10)
