"""A misspelt voice name (--voice, the settings file) is answered in one line:
the name given, the nearest names espeak-ng has (at most three) and the
command that lists them all; from a settings file, with its path and line.
Real espeak-ng: its own voice list is the truth."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from voice.speech_out import voices

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(("given", "near"), [
    ("en-uss", ["en-us"]),
    ("klingonn", ["klingon"]),
    ("en-uss+f3", ["en-us+f3"]),
    # espeak-ng lists it as English_(America) but refuses that spelling.
    ("english_(america)", ["en-us"]),
])
def test_the_nearest_names_are_offered(given: str, near: list[str]) -> None:
    assert voices.nearest_voices(given) == near
    message, unusable = voices.voice_problem(given) or ("", False)
    assert unusable
    assert f"I don't know the voice '{given}', so I will speak in en-us; did you mean " \
           f"{' or '.join(repr(n) for n in near)}? List them with: espeak-ng --voices=en" \
           in message


def test_one_line_not_the_whole_list() -> None:
    message, _ = voices.voice_problem("en-uss") or ("", False)
    assert "\n" not in message
    assert "en-gb-scotland" not in message and "en-029" not in message  # the old list
    assert len(message) < 200


def test_at_most_three_names_and_each_one_espeak_ng_takes() -> None:
    assert len(voices.nearest_voices("us")) == 3  # en-us, en-us-nyc, chr-us-... (more match)
    for given in ("english", "en-us+f9", "en-uss", "klingonn", "english america"):
        near = voices.nearest_voices(given)
        assert 1 <= len(near) <= 3, (given, near)
        for name in near:
            problem = voices.voice_problem(name)
            assert problem is None or not problem[1], (given, name)  # other languages are kept
            done = subprocess.run(["espeak-ng", "-v", name, "-q", "a"], capture_output=True)
            assert done.returncode == 0, (given, name)


def test_nothing_near_still_says_how_to_list_them() -> None:
    message, _ = voices.voice_problem("zzzz") or ("", False)
    assert "no voice has a name like it. List them with: espeak-ng --voices=en" in message


def test_a_voice_espeak_ng_refuses_is_not_taken() -> None:
    # It used to be taken, and espeak-ng then spoke its default voice.
    assert voices.voice_problem("english_(america)") is not None
    assert voices.voice_problem("English (America)") is None


def test_a_settings_file_voice_is_told_with_file_and_line(tmp_path: Path) -> None:
    config = tmp_path / "cfg" / "voice" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[speech_out]\nrate = 150\nvoice = "en-uss"\n', encoding="utf-8")
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               XDG_STATE_HOME=str(tmp_path / "state"))
    env.pop("VOICE_CONFIG", None)
    done = subprocess.run(
        [sys.executable, "-m", "voice", "ask", "--speak-to", str(tmp_path / "wavs"),
         "is there a cure"], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert (f"{config}, line 3: I don't know the voice 'en-uss', so I will speak in en-us; "
            f"did you mean 'en-us'?") in done.stderr
    assert "Traceback" not in done.stderr
