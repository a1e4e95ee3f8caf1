"""Arrow keys and other control characters typed into `voice text` are not
taken for words (voice/cli/typed.py).

Found driving `voice text`: an Up arrow alone was answered "I only heard
'[A'", an Up arrow pressed twice before "can these disorders be cured" got
"Sorry, I don't have an answer for that", and two Left arrows after "what
causes spasms" turned the answer into "Did you mean: Dietary Adjustments?".
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from voice.cli.typed import typed_line

ROOT = Path(__file__).resolve().parent.parent

UP, LEFT, UP_APP = "\x1b[A", "\x1b[D", "\x1bOA"


@pytest.mark.parametrize(("raw", "meant"), [
    (UP + UP + "can these disorders be cured", "can these disorders be cured"),
    ("what causes spasms" + LEFT + LEFT, "what causes spasms"),
    ("can these\x00 disorders\x07 be cured\r", "can these disorders be cured"),
    ("is there\ta cure", "is there a cure"), ("\x1b[1;5Dslower\x1b[3~", "slower"),
    (UP_APP, ""), ("mal de tête, ça va? 🙂", "mal de tête, ça va? 🙂"),
])
def test_typed_line(raw: str, meant: str) -> None:
    assert typed_line(raw) == meant


def run_text(tmp_path: Path, lines: list[str]) -> list[dict[str, object]]:
    env = dict(os.environ, XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run(
        [sys.executable, "-m", "voice", "text", "--no-speak", "--json"],
        input="".join(line + "\n" for line in lines), capture_output=True, text=True,
        timeout=120, env=env, cwd=ROOT,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr[-2000:]
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_voice_text_with_arrow_keys(tmp_path: Path) -> None:
    replies = run_text(tmp_path, [UP, UP + UP + "can these disorders be cured",
                                  "what causes spasms" + LEFT + LEFT])
    alone, cured, causes = replies
    assert "[A" not in str(alone["say"]) and "didn't catch" in str(alone["say"]), alone
    assert cured["outcome"] == "answer" and "cure" in str(cured["say"]), cured
    assert causes["outcome"] == "answer" and "Did you mean" not in str(causes["say"]), causes
