"""`voice doctor` with several settings mistakes: one "FAIL Settings:" line each.

A screen reader reads line by line; a mistake printed on a bare line (no
FAIL, no "Settings") does not say what it is. Run for real, as a user does.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

def test_three_settings_mistakes_are_three_fail_settings_lines(tmp_path: Path) -> None:
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    env = {k: v for k, v in os.environ.items()
           if k not in ("PULSE_SERVER", "GPIOZERO_PIN_FACTORY", "VOICE_CONFIG")}
    env.update(XDG_RUNTIME_DIR=str(runtime), XDG_CONFIG_HOME=str(tmp_path / "cfg"),
               VOICE_MODELS_DIR=str(tmp_path / "models"))
    bad = tmp_path / "config.toml"
    bad.write_text('[speech_out]\nvolume = 3\nrat = 150\n[ptt]\nmode = "press"\n')
    proc = subprocess.run([sys.executable, "-m", "voice", "doctor", "--config", str(bad)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    # Every line is a check line or the closing summary: none is a loose mistake.
    assert all(x[:5] in ("ok   ", "warn ", "FAIL ") for x in lines[:-1]), proc.stdout
    settings = [x for x in lines if x.startswith("FAIL Settings: ")]
    assert len(settings) == 3, proc.stdout
    assert "line 2" in settings[0] and "'speech_out.volume'" in settings[0]
    assert "line 3" in settings[1] and "'rat'" in settings[1] and "'rate'" in settings[1]
    assert "line 5" in settings[2] and "'ptt.mode'" in settings[2]
    # What to do is said once, after the last mistake.
    assert sum("fix that file" in x for x in settings) == 1 and "fix that file" in settings[2]
    # The summary names Settings once, not once per mistake.
    assert lines[-1].count("Settings") == 1, lines[-1]
