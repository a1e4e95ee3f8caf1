"""Journey: a caregiver checks what is installed with `voice models list`
(2026-12-02). The shipped "stop" word model was listed as "not a model Vosk
can load, language unknown": read as broken, and nothing said what it is.
The test failed before the fix (docs/user-journeys.md)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from voice.speech_in.wake.stop_word import REPAIR, STOP_MODEL

from .conftest import REPO


def _list(models: Path, tmp_path: Path) -> str:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-m", "voice", "models", "list", "--dir", str(models)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    return done.stdout


def test_the_shipped_stop_word_model_is_named_and_verified(tmp_path: Path) -> None:
    out = _list(REPO / "models", tmp_path)
    line = next(x for x in out.splitlines() if x.strip().startswith(STOP_MODEL))
    assert "not a model Vosk can load" not in line and "unknown" not in line
    assert "'stop' word model" in line and "every file verified" in line


def test_a_damaged_stop_word_model_says_so_and_how_to_repair(tmp_path: Path) -> None:
    models = tmp_path / "models"
    shutil.copytree(REPO / "models" / STOP_MODEL, models / STOP_MODEL)
    tflite = models / STOP_MODEL / "stop.tflite"
    tflite.write_bytes(tflite.read_bytes()[:-10] + b"0123456789")
    out = _list(models, tmp_path)
    line = next(x for x in out.splitlines() if x.strip().startswith(STOP_MODEL))
    assert "DAMAGED" in line and REPAIR in line
