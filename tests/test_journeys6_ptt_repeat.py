"""Journey: `voice ptt` at a keyboard, "repeat" (the 'r' key, a piped
"repeat" line, the button's double press) before anything was said, and a
user reading the screen (2026-12-02). It was silent with nothing said yet,
and the repeated answer was spoken but never printed. The test failed before
the fix (docs/user-journeys.md)."""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
from pathlib import Path

from voice import config as config_mod
from voice.app import build_assistant
from voice.conversation import phrases

from .conftest import REPO


def test_repeat_with_nothing_said_says_how_to_begin_and_repeats_are_printed(
        tmp_path: Path) -> None:
    args = argparse.Namespace(no_speak=False, speak_to=tmp_path / "spoken")
    assistant = build_assistant(config_mod.Config(), args, persist=False)
    out = io.StringIO()
    assistant.out = out
    assistant.repeat_last()
    assistant.wait()
    assert out.getvalue().strip() == phrases.NOTHING_TO_REPEAT
    assert len(list((tmp_path / "spoken").glob("*.wav"))) == 1  # and spoken
    answer = assistant.handle_text("is there a cure")["say"]
    assistant.wait()
    assistant.repeat_last()
    assistant.wait()
    assert out.getvalue().strip().splitlines()[-1] == answer
    assert len(list((tmp_path / "spoken").glob("*.wav"))) == 3


def test_through_voice_ptt_with_piped_keys(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path),
           # No sound server: the keys are read all the same.
           "PULSE_SERVER": f"unix:{tmp_path}/none", "XDG_RUNTIME_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "voice", "ptt", "--no-speak"],
                          input="repeat\nquit\n", cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    assert phrases.NOTHING_TO_REPEAT in done.stdout, (done.stdout, done.stderr)
