"""Installing prints no packaging warnings: `project.license` as a TOML table
made setuptools print about 40 lines of deprecation notices on every
`scripts/install.sh`, the first thing a new user sees."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_the_build_backend_has_nothing_to_warn_about() -> None:
    # The same isolated build of the metadata that install.sh's pip runs.
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--no-deps", "-e", "."],
        cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    output = done.stdout + done.stderr
    assert "deprecated" not in output.lower(), output
    assert "BuildBackendWarning" not in output, output
