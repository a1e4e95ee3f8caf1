"""`listen.unaddressed_emergencies = false` turns the unaddressed-emergency
advice off (voice/config.py; used by `voice listen` with the wake phrase):
a household the TV sets off can stop it, and the cry is then dropped like
any other unaddressed talk."""

from __future__ import annotations

import queue
import signal
from pathlib import Path
from typing import Any

import pytest

from voice.config import Config, load

from .test_alarm15_unaddressed import _espeak, listen


def test_the_setting_is_read_from_the_settings_file(tmp_path: Path) -> None:
    assert Config().unaddressed_emergencies is True
    path = tmp_path / "config.toml"
    path.write_text("[listen]\nunaddressed_emergencies = false\n", encoding="utf-8")
    assert load(path).unaddressed_emergencies is False


def test_turned_off_an_unaddressed_cry_gets_nothing(virtual_mic: Any, tmp_path: Path) -> None:
    from .test_listen import read_until, wait_for_ready
    from .test_wake_listen import _lines
    from .test_wake_micro import _write

    cry = tmp_path / "cry.wav"
    _write(cry, _espeak("help, I can't breathe", "en-us", 150, tmp_path / "c.wav"))
    settings = tmp_path / "config" / "voice" / "config.toml"
    settings.parent.mkdir(parents=True)
    settings.write_text("[listen]\nunaddressed_emergencies = false\n", encoding="utf-8")
    proc = listen(virtual_mic, tmp_path)
    assert proc.stdout is not None
    replies = _lines(proc.stdout)
    try:
        wait_for_ready(proc, timeout=180)
        virtual_mic.play(cry)
        read_until(proc, "not addressed to me", timeout=60)
        # Turned on, the cry is decoded while it listens again, and the
        # advice comes a few seconds later.
        with pytest.raises(queue.Empty):
            print(replies.get(timeout=30))
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
    assert "Traceback" not in err
