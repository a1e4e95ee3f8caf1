"""`voice ask` under load printed "pyttsx3 ignored the speech rate; restarting
it" to the user (2026-12-02): a WARNING, which Python prints when no logging
is set up (every command but `voice serve`). The child is replaced and the
sentence said by espeak-ng at the right rate, so there is nothing for the user
to do: it is logged at INFO (the journal of `voice serve` still has it).
Failed before the fix (docs/user-journeys.md, "Checked on 2026-12-02")."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from voice.speech_out.base import VoiceSettings
from voice.speech_out.synth import Pyttsx3Synth

from .test_speech_out_files import _DEFAULT_RATE_WORKER, _fake_python


def test_a_child_replaced_for_its_rate_is_no_warning(tmp_path: Path,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    # The child that ignores the rate is the fake of test_speech_out_files:
    # the race under load cannot be produced on demand.
    caplog.set_level(logging.INFO, logger="voice.speech_out.synth")
    s = Pyttsx3Synth(python=_fake_python(tmp_path, _DEFAULT_RATE_WORKER), timeout=5,
                     start_timeout=5)
    try:
        s.synthesise("Each line is one button press.", VoiceSettings(rate=150))
        assert s.fallbacks == 1
    finally:
        s.close()
    said = [r for r in caplog.records if "ignored the speech rate" in r.getMessage()]
    assert [r.levelno for r in said] == [logging.INFO]
