"""`voice text` at a terminal edits the line as a shell does (voice/cli/typed.py).

Found driving `voice text`: arrow keys were only stripped (session 22), so a
user with shaky hands who mistyped a word had to rub out the whole line
after it, and could not bring back the last question with Up. Now the
arrows, Home and End edit the line and Up brings back the last question;
Tab types a space instead of listing file names. Piped input, or output to
a file, is read and written as before.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.pty_session import PtySession

REPO = Path(__file__).resolve().parent.parent
PROMPT = "> "
UP, RIGHT, HOME = "\x1b[A", "\x1b[C", "\x01"
CURED = "While no universal cure exists"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    e = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "cfg"),
             XDG_STATE_HOME=str(tmp_path / "state"))
    e.pop("VOICE_CONFIG", None)
    return e


@pytest.fixture
def session(env: dict[str, str]) -> Iterator[PtySession]:
    s = PtySession([sys.executable, "-m", "voice", "text", "--no-speak"], env, REPO)
    yield s
    s.close()


def test_up_brings_back_the_last_question(session: PtySession) -> None:
    at = session.wait_for(PROMPT, 60)
    session.type("can these disorders be cured\n")
    at = session.wait_for(PROMPT, 30, session.wait_for(CURED, 30, at))
    session.type(UP + "\n")
    # Before: the Up arrow was stripped, an empty line: "didn't catch that".
    at = session.wait_for(CURED, 30, at)
    session.type("quit\n")
    assert session.wait_exit(10) == 0
    assert "didn't catch" not in session.text


def test_a_mistyped_word_is_mended_in_place(session: PtySession) -> None:
    at = session.wait_for(PROMPT, 60)
    # "cn these ..." mended: Home, Right, "a" (before: "cn these ... cureda").
    session.type("cn these disorders be cured" + HOME + RIGHT + "a\n")
    session.wait_for(CURED, 30, at)
    session.type("quit\n")
    assert session.wait_exit(10) == 0


def test_tab_is_a_space_not_a_list_of_files(session: PtySession) -> None:
    at = session.wait_for(PROMPT, 60)
    session.type("can these\tdisorders be cured\n")
    session.wait_for(CURED, 30, at)
    session.type("quit\n")
    assert session.wait_exit(10) == 0


def test_output_to_a_file_gets_no_prompt(env: dict[str, str], tmp_path: Path) -> None:
    """A terminal's keyboard, the JSON going to a file: the prompt stays on
    stderr, never in the file a script reads."""
    master, slave = os.openpty()
    try:
        proc = subprocess.Popen([sys.executable, "-m", "voice", "text", "--no-speak", "--json"],
                                stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=env, cwd=REPO)
        os.write(master, b"is there a cure\n\x04")
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(master)
        os.close(slave)
    assert proc.returncode == 0, err
    replies = [json.loads(line) for line in out.decode().splitlines()]
    assert replies[0]["outcome"] == "answer", replies
    assert PROMPT in err.decode()
