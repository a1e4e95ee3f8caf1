"""`voice text` and `voice ask` as a new user meets them at a terminal (a real
pseudo-terminal): Ctrl-C while it speaks, Ctrl-D, a misspelt --voice, and
`ask --json`, which must not look for a speaker."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.pty_session import PtySession

REPO = Path(__file__).resolve().parent.parent
PROMPT = "> "


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    e = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "cfg"),
             XDG_STATE_HOME=str(tmp_path / "state"))
    e.pop("VOICE_CONFIG", None)
    return e


@pytest.fixture
def text(env: dict[str, str]) -> Iterator[Any]:
    sessions: list[PtySession] = []

    def start(*args: str, env_: dict[str, str] | None = None) -> PtySession:
        s = PtySession([sys.executable, "-m", "voice", "text", *args], env_ or env, REPO)
        sessions.append(s)
        return s

    yield start
    for s in sessions:
        s.close()


@pytest.mark.audio
def test_ctrl_c_while_speaking_stops_without_a_speaker_complaint(
        text: Any, virtual_mic: Any, env: dict[str, str]) -> None:
    s = text(env_=dict(env, **{k: virtual_mic.env[k]
                               for k in ("XDG_RUNTIME_DIR", "PULSE_SERVER")}))
    s.wait_for(PROMPT, 60)
    s.type("list topics\n")  # a long list, read out
    s.wait_for("You can ask me about", 20)
    time.sleep(1.5)
    s.type("\x03")
    pressed = time.monotonic()
    assert s.wait_exit(10) == 130
    assert time.monotonic() - pressed < 1.0
    assert s.text.rstrip().endswith("voice: stopped.")
    assert "cannot play sound" not in s.text and "Traceback" not in s.text


def test_ctrl_d_ends_the_line_and_says_goodbye(text: Any) -> None:
    s = text("--no-speak")
    after = s.wait_for(PROMPT, 60)
    s.type("\x04")
    assert s.wait_exit(10) == 0
    assert s.text[after:] == "\nGoodbye.\n"


def test_an_unknown_voice_is_said_with_the_voices_there_are(text: Any, tmp_path: Path) -> None:
    s = text("--voice", "klingonn", "--speak-to", str(tmp_path / "wavs"))
    s.wait_for(PROMPT, 60)
    s.type("quit\n")
    assert s.wait_exit(10) == 0
    assert ("I don't know the voice 'klingonn', so I will speak in en-us; did you mean "
            "'klingon'? List them with: espeak-ng --voices=en" in s.text)
    assert "en-gb-scotland" not in s.text  # not the whole list of English voices


def test_a_voice_for_another_language_is_kept_but_said(text: Any, tmp_path: Path) -> None:
    s = text("--voice", "klingon", "--speak-to", str(tmp_path / "wavs"))
    s.wait_for(PROMPT, 60)
    s.type("quit\n")
    assert s.wait_exit(10) == 0
    assert "The voice 'klingon' is for the language 'piqd', but my answers are in English" \
        in s.text


def test_ask_json_looks_for_no_speaker(env: dict[str, str], tmp_path: Path) -> None:
    # No sound server anywhere: before, this printed "No speaker found" on stderr.
    runtime = tmp_path / "run"
    runtime.mkdir()
    quiet = dict(env, XDG_RUNTIME_DIR=str(runtime), PULSE_SERVER=f"unix:{tmp_path}/none")
    done = subprocess.run([sys.executable, "-m", "voice", "ask", "--json", "is there a cure"],
                          cwd=REPO, env=quiet, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stderr == ""
    assert '"outcome": "answer"' in done.stdout
