"""Settings files as caregivers leave them (session 23, branch robust24):
a content folder that is not there, a relative folder beside the file, a
byte-order mark, two settings that disagree. Each is one line naming the
file and the line, and the assistant keeps answering."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from voice import config as config_mod
from voice.services.caregiver import settings_store

REPO = Path(__file__).resolve().parent.parent
#: A clinic's own entry, in no shipped file.
CLINIC_ENTRY = """# FAQ

## When is the clinic open?

Also asked:
- what are the clinic's hours

The clinic is open on weekdays from nine to five.
"""


@pytest.fixture(autouse=True)
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine's own settings file plays no part."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("VOICE_CONFIG", raising=False)


def _text(args: list[str], tmp_path: Path, said: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "xdg"), "XDG_STATE_HOME": str(tmp_path)}
    return subprocess.run([sys.executable, "-m", "voice", "text", "--json", "--no-speak",
                           *args], input=said, cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120)


def test_a_content_folder_not_found_is_set_aside_and_the_assistant_answers(
        tmp_path: Path) -> None:
    """`dirs = ["contnet"]` stopped `voice text`, `listen`, `serve` (exit 2:
    "content folder or file not found", said aloud and, under systemd, again
    every 5 s). Now the line names the file, the line and the folder beside
    it spelled most alike, and the shipped content answers."""
    (tmp_path / "content").mkdir()
    settings = tmp_path / "config.toml"
    settings.write_text('[speech_out]\nrate = 120\n[content]\ndirs = ["contnet"]\n')
    done = _text(["--config", str(settings)], tmp_path, "is there a cure\n")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert (f"voice: {settings}, line 4: content folder 'contnet' not found (looked for "
            f"{tmp_path / 'contnet'}); did you mean '{tmp_path / 'content'}'?"
            in done.stderr.splitlines())
    assert "Some of my settings have a mistake" in done.stderr
    reply = json.loads(done.stdout.splitlines()[-1])
    assert reply["outcome"] == "answer" and reply["rate"] == 120


def test_of_two_content_folders_the_one_found_is_used(tmp_path: Path) -> None:
    clinic = tmp_path / "clinic"
    clinic.mkdir()
    (clinic / "clinic.md").write_text(CLINIC_ENTRY)
    settings = tmp_path / "config.toml"
    settings.write_text(f'[content]\ndirs = ["{clinic}", "/nowhere/at/all"]\n')
    cfg = config_mod.load(settings, forgiving=True)
    assert cfg.content_dirs == (str(clinic),)
    assert cfg.problems == (f"{settings}, line 2: content folder '/nowhere/at/all' not found; "
                            f"the shipped content is in {config_mod.Config.content_dirs[0]}",)


def test_relative_content_folders_are_taken_from_the_settings_files_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """config.example.toml: "Relative paths are taken from the folder of this
    file". They were taken from the folder the command was started in, so a
    clinic's `dirs = ["content"]` beside its settings file, started from the
    repository (the Pi's service), answered from the shipped content."""
    clinic = tmp_path / "clinic"
    (clinic / "content").mkdir(parents=True)
    (clinic / "content" / "clinic.md").write_text(CLINIC_ENTRY)
    settings = clinic / "config.toml"
    settings.write_text('[content]\ndirs = ["content"]\n')
    monkeypatch.chdir(REPO)
    assert config_mod.load(settings).content_dirs == (str(clinic / "content"),)
    done = _text(["--config", str(settings)], tmp_path, "when is the clinic open\n")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1])["outcome"] == "answer"


def test_a_relative_folder_only_in_the_working_folder_is_still_found(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a file written for the old reading (from the working folder) gets:
    its content still, with no mistake said."""
    settings = tmp_path / "config.toml"
    settings.write_text('[content]\ndirs = ["content"]\n')
    monkeypatch.chdir(REPO)
    cfg = config_mod.load(settings, forgiving=True)
    assert cfg.content_dirs == (str(REPO / "content"),) and cfg.problems == ()


def test_a_byte_order_mark_is_not_a_mistake(tmp_path: Path) -> None:
    """Saved by Windows Notepad (before 2019) or PowerShell 5 as "UTF-8": the
    whole file was refused with "line 1: [speech_out]  <- not valid TOML",
    a line that looks right, and the caregiver's page offered only to reset
    it to the defaults."""
    settings = tmp_path / "config.toml"
    settings.write_bytes(b"\xef\xbb\xbf[speech_out]\r\nrate = 120\r\n")
    assert config_mod.read_file(settings) == {"rate": 120}
    assert settings_store.broken_file(settings) is None
    assert settings_store.file_mistakes(settings) == []
    done = _text(["--config", str(settings)], tmp_path, "is there a cure\n")
    assert done.returncode == 0 and "valid TOML" not in done.stderr, done.stderr
    assert json.loads(done.stdout.splitlines()[-1])["rate"] == 120


def test_two_settings_that_disagree_name_the_file_and_line(tmp_path: Path) -> None:
    settings = tmp_path / "config.toml"
    settings.write_text("[matching]\nanswer_threshold = 30\nconfirm_threshold = 60\n")
    cfg = config_mod.load(settings, forgiving=True)
    assert cfg.problems == (f"{settings}, line 3: 'matching.confirm_threshold' must not be "
                            f"above 'matching.answer_threshold'",)
    settings.write_text("[ptt]\nlong_press = 0.5\ndouble_press = 0.7\n")
    cfg = config_mod.load(settings, forgiving=True)
    assert cfg.problems == (f"{settings}, line 3: 'ptt.long_press' must be longer than "
                            f"'ptt.double_press'",)
