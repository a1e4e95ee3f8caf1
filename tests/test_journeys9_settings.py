"""A settings file with a name misspelt in the wrong section (2026-12-02):
"silence_timeut" under [speech_in] was told "the settings in [speech_in] are
adaptation, learn_voice, model, recognizer", none of them the one meant. The
nearest valid name is given with its section. Failed before the fix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from voice import config as config_mod
from voice.errors import ConfigInvalid

REPO = Path(__file__).resolve().parent.parent

MISPLACED = """\
[speech_in]
silence_timeut = 3
"""
WANT = "line 2: unknown setting 'silence_timeut'; did you mean 'silence_timeout' in [audio]?"


def test_a_misspelt_name_in_the_wrong_section_gets_the_nearest_with_its_section(
        tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(MISPLACED, encoding="utf-8")
    with pytest.raises(ConfigInvalid) as caught:
        config_mod.read_file(path)
    assert caught.value.message.splitlines() == [f"{path}, {WANT}"]


def test_voice_text_says_it_and_keeps_running(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(MISPLACED, encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "voice", "text", "--no-speak", "--config",
                           str(path)], input="is there a cure\nquit\n", cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert f"{path}, {WANT}" in done.stderr
    assert "no universal cure" in done.stdout
