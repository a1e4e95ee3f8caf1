"""A settings change while the file still has a mistake set aside at start
(session 23, branch robust24, `voice listen` with the caregiver's page).

An old `rat = 120` in the settings file: the assistant set it aside at start
and ran. The caregiver then saved rate 100 on the page, which said "Saved"
(and that saving works while the mistake is listed); the running assistant
read the changed file strictly, refused all of it for the old mistake
("The settings were changed, but: ... line 4: unknown setting 'rat'"), and
went on at 150 until a restart. A new mistake still keeps the settings from
before."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from voice.app import Assistant, build_assistant
from voice.cli.options import config_from_args

from .test_live_updates import content, settings  # noqa: F401  (a fixture)


def started() -> Assistant:
    """As `voice text` / `voice listen` start: a mistake in a file set aside."""
    args = argparse.Namespace(config=None, content=None, no_speak=True, speak_to=None)
    return build_assistant(config_from_args(args, forgiving=True), args, json_lines=True,
                           persist=False, forgiving=True)


def test_a_new_rate_is_used_while_an_old_mistake_stays_set_aside(
        content: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    settings(content, "[speech_out]\nrat = 120\n")
    a = started()
    assert a.handle_text("is there a cure")["rate"] == 150
    # The page adds the setting after the old line; another line above it
    # moves the old mistake to another line number, which is still the same.
    settings(content, "# saved by the caregiver's page\n[speech_out]\nrat = 120\nrate = 100\n")
    assert a.handle_text("is there a cure")["rate"] == 100
    assert "The settings were changed, but" not in capsys.readouterr().err


def test_a_new_mistake_still_keeps_the_settings_from_before(
        content: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    settings(content, "[speech_out]\nrat = 120\nrate = 110\n")
    a = started()
    settings(content, "[speech_out]\nrat = 120\nrate = 9999\n")
    assert a.handle_text("is there a cure")["rate"] == 110
    err = capsys.readouterr().err
    assert "The settings were changed, but:" in err and "speech_out.rate" in err
    assert err.count("unknown setting 'rat'") == 1, "only the new mistake is told again"
