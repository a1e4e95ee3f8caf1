"""Settings mistakes told with the way forward (session 24, branch robust25).

A file that is not valid TOML: tomllib stops at the first broken line, so the
file's other lines (and their mistakes) are neither used nor checked; the
line said so, or a caregiver fixed it and only then met the next mistake.
An empty wake phrase was told without saying what wakes the assistant now.
Through the real CLI (`voice text`), as a user starts it."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest

from voice.app import Assistant, build_assistant
from voice.cli.options import config_from_args

from .test_live_updates import content, settings  # noqa: F401  (a fixture)

REPO = Path(__file__).resolve().parent.parent


def _text(tmp_path: Path, settings_text: str) -> tuple[Path, subprocess.CompletedProcess[str]]:
    path = tmp_path / "settings.toml"
    path.write_text(settings_text, encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "voice", "text", "--no-speak",
                           "--config", str(path)], input="is there a cure\n", cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return path, done


def test_a_file_that_is_not_toml_says_the_rest_was_not_read(tmp_path: Path) -> None:
    path, done = _text(tmp_path, '[speech_out]\nrate = fast\nvolume = 7\n'
                                 '[listen]\nwake_phrase = ""\n')
    assert (f'voice: {path}, line 2: rate = fast  <- not valid TOML (a text value needs '
            f'quotes: rate = "fast"); the rest of this file was not read, so the usual '
            f'settings are used until that line is fixed') in done.stderr.splitlines()
    assert "cure" in done.stdout.lower()  # and it answers, with the usual settings


def test_an_empty_wake_phrase_says_okay_nabu_is_used(tmp_path: Path) -> None:
    path, done = _text(tmp_path, '[listen]\nwake_phrase = "  "\n')
    assert (f"voice: {path}, line 2: 'listen.wake_phrase' must have at least one word; "
            f"'okay nabu' is used until it has one") in done.stderr.splitlines()


def test_a_change_that_breaks_the_toml_keeps_the_settings_from_before(
        content: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    """While it runs, a broken change keeps the settings it has: the line must
    not say the usual ones are used."""
    settings(content, "[speech_out]\nrate = 110\n")
    args = argparse.Namespace(config=None, content=None, no_speak=True, speak_to=None)
    a: Assistant = build_assistant(config_from_args(args, forgiving=True), args,
                                   json_lines=True, persist=False, forgiving=True)
    settings(content, "[speech_out]\nrate = 100\nvolume = high\n")
    assert a.handle_text("is there a cure")["rate"] == 110
    err = capsys.readouterr().err
    assert "The settings were changed, but:" in err and "volume = high" in err
    assert "usual settings" not in err and "The settings from before are used." in err
