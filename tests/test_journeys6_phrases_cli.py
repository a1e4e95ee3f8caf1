"""Journey: a caregiver runs `voice phrases --forget 3` on a first run, with
nothing learned (2026-12-02). It said "there is no number 3; 'voice
phrases' lists 0.", which reads as if something were broken. The test
failed before the fix (docs/user-journeys.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import REPO


def test_forget_a_number_with_nothing_learned_says_there_is_nothing(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path / "new")}
    done = subprocess.run([sys.executable, "-m", "voice", "phrases", "--forget", "3"],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    said = (done.stdout + done.stderr).strip()
    assert "lists 0" not in said
    assert "no ways of asking are learned yet, so there is nothing to forget" in said
