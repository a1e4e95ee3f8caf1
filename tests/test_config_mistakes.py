"""Mistakes in the settings file: every one reported at once, one line each,
with the file, the line and the nearest valid name; never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from voice import config as config_mod
from voice.errors import ConfigInvalid

REPO = Path(__file__).resolve().parent.parent

#: A file with one mistake of each kind, and the line each must give.
MISTAKES = """\
# my settings
[speech_outt]
rat = 3

[audio]
silense_timeout = 2
max_utterance = "long"
rate = 120

[speech_out]
volume = 2.5
"""
EXPECTED = [
    "line 2: unknown section [speech_outt]; did you mean [speech_out]?",
    "line 3: unknown setting 'rat'; did you mean 'rate'?",
    "line 6: unknown setting 'silense_timeout'; did you mean 'silence_timeout'?",
    "line 7: 'audio.max_utterance' must be a number, not 'long'",
    "line 8: unknown setting 'rate'; it belongs in [speech_out]",
    "line 11: 'speech_out.volume' must be between 0.0 and 1.0",
]


def test_every_mistake_gets_one_line_with_file_line_and_nearest_name(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(MISTAKES, encoding="utf-8")
    with pytest.raises(ConfigInvalid) as caught:
        config_mod.read_file(path)
    lines = caught.value.message.splitlines()
    assert lines == [f"{path}, {want}" for want in EXPECTED]


def test_the_command_prints_them_all_and_exits_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(MISTAKES, encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path),
           "XDG_STATE_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "voice", "config", "--config", str(path)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [f"voice: {path}, {want}" for want in EXPECTED]


def test_a_good_file_and_the_example_still_load(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[speech_out]\nrate = 120\n[audio]\nsilence_timeout = 3\n", encoding="utf-8")
    assert config_mod.read_file(path) == {"rate": 120, "silence_timeout": 3.0}
    assert config_mod.read_file(REPO / "config.example.toml")


def test_a_section_with_no_close_name_lists_the_sections(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[zzz]\nq = 1\n", encoding="utf-8")
    with pytest.raises(ConfigInvalid) as caught:
        config_mod.read_file(path)
    first = caught.value.message.splitlines()[0]
    assert first.startswith(f"{path}, line 1: unknown section [zzz]; the sections are ")
    assert "speech_out" in first


def test_the_assistant_keeps_running_with_the_right_settings_and_says_so(
        tmp_path: Path) -> None:
    """A caregiver's typo in the settings must not leave the user without an
    assistant (on a Pi it restarted every few seconds, saying the error each
    time): the lines are printed, a notice is spoken, the wrong settings keep
    their defaults and the right ones are used."""
    config_dir = tmp_path / "config" / "voice"
    config_dir.mkdir(parents=True)
    (config_dir / "config.toml").write_text(MISTAKES.replace("rate = 120", "rat = 120")
                                            + "rate = 120\n", encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path)}
    spoken = tmp_path / "spoken"
    done = subprocess.run([sys.executable, "-m", "voice", "text", "--json",
                           "--speak-to", str(spoken)],
                          input="is there a cure\n", cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    path = config_dir / "config.toml"
    assert f"voice: {path}, line 3: unknown setting 'rat'; did you mean 'rate'?" \
        in done.stderr.splitlines()
    assert f"voice: {path}, line 11: 'speech_out.volume' must be between 0.0 and 1.0" \
        in done.stderr.splitlines()
    assert "Some of my settings have a mistake" in done.stderr
    reply = json.loads(done.stdout.splitlines()[-1])
    assert reply["outcome"] == "answer"
    # rate = 120 in [speech_out] was right and is used; the volume kept its default.
    assert reply["rate"] == 120 and reply["volume"] == config_mod.Config.volume
    # The notice was spoken before the answer (one WAV file each).
    assert len(list(spoken.glob("*.wav"))) == 2


def test_load_is_strict_unless_forgiving(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[speech_out]\nrat = 3\nrate = 120\n", encoding="utf-8")
    with pytest.raises(ConfigInvalid):
        config_mod.load(path)
    cfg = config_mod.load(path, forgiving=True)
    assert cfg.rate == 120 and cfg.sources["rate"] == str(path)
    assert cfg.problems == (f"{path}, line 2: unknown setting 'rat'; did you mean 'rate'?",)
    path.write_text("[ptt]\nlong_press = 0.5\ndouble_press = 0.7\n", encoding="utf-8")
    cfg = config_mod.load(path, forgiving=True)
    assert (cfg.long_press, cfg.double_press) == (config_mod.Config.long_press,
                                                  config_mod.Config.double_press)
    assert cfg.problems == (f"{path}, line 3: 'ptt.long_press' must be longer than "
                            "'ptt.double_press'",)
