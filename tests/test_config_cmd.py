"""`voice config` and config.example.toml, through the real CLI and loader."""

from __future__ import annotations

import re
import tomllib
from dataclasses import fields
from pathlib import Path

import pytest

from voice import config as config_mod
from voice.cli.commands.config_cmd import field_docs, render_toml
from voice.cli.main import main
from voice.config import KEYS, Config

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "config.example.toml"


@pytest.fixture(autouse=True)
def own_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A per-user settings folder of our own, so the machine's file plays no part."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("VOICE_CONFIG", raising=False)
    return tmp_path / "xdg" / "voice"


def test_example_loads_and_matches_the_defaults() -> None:
    values = config_mod.read_file(EXAMPLE)
    defaults = Config()
    for name, value in values.items():
        assert value == getattr(defaults, name), (
            f"config.example.toml: {name} is {value!r} but the default is "
            f"{getattr(defaults, name)!r} in voice/config.py; update the example"
        )


def test_example_mentions_every_key() -> None:
    text = EXAMPLE.read_text()
    section = ""
    seen = set()
    for line in text.splitlines():
        m = re.match(r"\[(\w+)\]", line)
        if m:
            section = m.group(1)
        m = re.match(r"#?\s*(\w+) = ", line)
        if m and section:
            seen.add(f"{section}.{m.group(1)}")
    assert seen == set(KEYS)
    # Only settings with no default (none) are commented out, and the
    # content folders: a copy of the file away from the repository must not
    # name a folder "content" beside itself (it said "content folder
    # 'content' not found" at every start, session 23).
    values = config_mod.read_file(EXAMPLE)
    unset = {f.name for f in fields(Config) if f.name not in ("sources", "problems")} - set(values)
    assert unset == {"button_pin", "led_pin", "content_dirs"}


def test_every_setting_has_a_description() -> None:
    docs = field_docs()
    for name, _ in KEYS.values():
        assert docs.get(name), name


def test_listing_shows_values_sources_and_user_file(
    tmp_path: Path, own_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own_home.mkdir(parents=True)
    (own_home / "config.toml").write_text("[speech_out]\nrate = 120\n")
    extra = tmp_path / "extra.toml"
    extra.write_text("[audio]\nsilence_timeout = 4\n")
    assert main(["config", "--config", str(extra), "--content", str(REPO / "content")]) == 0
    out = capsys.readouterr().out
    assert f"Your settings file: {own_home / 'config.toml'} (exists)" in out
    assert re.search(r"rate = 120 +\(from .*xdg/voice/config.toml\)", out)
    assert re.search(r"silence_timeout = 4.0 +\(from .*extra.toml\)", out)
    assert re.search(r"dirs = \[.*content\"\] +\(command line\)", out)
    assert re.search(r"volume = 0.9 +\(default\)", out)
    assert "words per minute" in out  # the description from voice/config.py
    for key in KEYS:
        assert re.search(rf"^  {key.split('.')[1]} = ", out, re.M), key


def test_listing_shows_the_rate_and_volume_chosen_by_voice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # "slower" and "louder" said in a real session are kept for the next start;
    # `voice config` must show what is really used, and say why.
    import subprocess
    import sys

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    said = subprocess.run([sys.executable, "-m", "voice", "text", "--no-speak"],
                          input="slower\nlouder\n", capture_output=True, text=True,
                          timeout=60, cwd=REPO)
    assert said.returncode == 0, said.stderr
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    kept = tmp_path / "state" / "voice" / "voice-settings.json"
    assert re.search(rf"rate = 125 +\(chosen by voice, kept in {re.escape(str(kept))}\)", out)
    assert re.search(r"volume = 1.0 +\(chosen by voice", out)
    assert re.search(r"voice = \"en-us\" +\(default\)", out)
    # A value set in a settings file wins over the voice choice, as at start-up.
    cfg = tmp_path / "c.toml"
    cfg.write_text("[speech_out]\nrate = 170\n")
    assert main(["config", "--config", str(cfg)]) == 0
    assert re.search(r"rate = 170 +\(from .*c.toml\)", capsys.readouterr().out)
    # --toml stays a settings file: the voice choice is not frozen into it.
    assert main(["config", "--toml"]) == 0
    assert "rate = 150" in capsys.readouterr().out


def test_toml_output_round_trips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "--toml"]) == 0
    out = capsys.readouterr().out
    saved = tmp_path / "saved.toml"
    saved.write_text(out)
    values = config_mod.read_file(saved)
    assert config_mod.load(saved) == Config(**values)
    assert tomllib.loads(render_toml(Config(button_pin=17), comments=False))["ptt"][
        "button_pin"
    ] == 17


def test_path_only(own_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "--path"]) == 0
    assert capsys.readouterr().out.strip() == str(own_home / "config.toml")


def test_a_bad_file_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[speech_out]\nrate = 5\n")
    assert main(["config", "--config", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "speech_out.rate" in err and "Traceback" not in err
