"""The per-user voice settings file: persisted, atomic, forgiving."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from voice.speech_out.base import VoiceSettings
from voice.speech_out.settings_store import (
    FILE_NAME,
    default_path,
    load_voice_settings,
    save_voice_settings,
)

DEFAULTS = VoiceSettings(rate=150, volume=0.9, voice="en-us")


def test_settings_persist_across_two_loads(tmp_path: Path) -> None:
    path = tmp_path / "state" / "voice-settings.json"
    assert load_voice_settings(DEFAULTS, path) == DEFAULTS  # no file yet
    mine = VoiceSettings(rate=110, volume=0.5, voice="en-gb")
    assert save_voice_settings(mine, path)
    assert load_voice_settings(DEFAULTS, path) == mine
    assert load_voice_settings(DEFAULTS, path) == mine
    # Nothing but the settings file is left behind by the atomic write.
    assert [p.name for p in path.parent.iterdir()] == ["voice-settings.json"]


def test_default_path_is_in_the_user_state_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert default_path() == tmp_path / "voice" / FILE_NAME
    save_voice_settings(VoiceSettings(rate=200))
    assert load_voice_settings(DEFAULTS).rate == 200
    assert (tmp_path / "voice" / FILE_NAME).is_file()


@pytest.mark.parametrize(
    "content", ["{not json", "", "[1, 2]", '"text"', "\xff\xfe garbage"]
)
def test_a_corrupt_file_gives_the_defaults_and_a_warning(
    tmp_path: Path, content: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "voice-settings.json"
    path.write_text(content, encoding="latin-1")
    with caplog.at_level(logging.WARNING):
        assert load_voice_settings(DEFAULTS, path) == DEFAULTS
    assert "voice settings" in caplog.text


def test_bad_values_fall_back_one_by_one(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "voice-settings.json"
    path.write_text(json.dumps({"rate": 9999, "volume": 0.4, "voice": "", "extra": 1}))
    with caplog.at_level(logging.WARNING):
        got = load_voice_settings(DEFAULTS, path)
    assert got == VoiceSettings(rate=150, volume=0.4, voice="en-us")
    assert "rate" in caplog.text and "voice" in caplog.text


def test_true_is_not_taken_for_a_number(tmp_path: Path) -> None:
    path = tmp_path / "voice-settings.json"
    path.write_text(json.dumps({"rate": True, "volume": False}))
    assert load_voice_settings(DEFAULTS, path) == DEFAULTS


def test_saving_where_it_cannot_be_written_warns_instead_of_crashing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with caplog.at_level(logging.WARNING):
        assert save_voice_settings(DEFAULTS, blocker / "voice-settings.json") is False
    assert "Could not save" in caplog.text
