"""A wake phrase the assistant cannot listen for (set on the caregiver's page,
which takes any words) does not stop `voice listen`: it says so and listens
for the usual phrase instead. It used to exit, and on a Pi, restarted by
systemd, say the error every few seconds with no way in."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Any

from .test_listen import read_until, start_listen


def test_an_unusable_wake_phrase_falls_back_to_the_usual_one(virtual_mic: Any,
                                                             tmp_path: Path) -> None:
    settings = tmp_path / "config" / "voice"
    settings.mkdir(parents=True)
    (settings / "config.toml").write_text('[listen]\nwake_phrase = "hey blorf"\n',
                                          encoding="utf-8")
    proc = start_listen(virtual_mic, "--recognizer", "pocketsphinx", "--no-speak",
                        "--no-cues", tmp_path=tmp_path)
    try:
        read_until(proc, "The wake phrase in the settings cannot be used: 'blorf' is not a "
                         "word I can listen for", timeout=60)
        read_until(proc, "Say 'okay nabu' when you want to ask me something.", timeout=60)
        read_until(proc, "Listening...", timeout=30)
        assert proc.poll() is None  # still running, listening for "okay nabu"
        proc.send_signal(signal.SIGINT)
        _out, err = proc.communicate(timeout=15)
    finally:
        proc.kill()
    assert proc.returncode == 130 and "Traceback" not in err
