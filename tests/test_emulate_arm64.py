"""scripts/emulate-arm64.sh (the arm64 check under qemu) is far too slow for the
suite; only what is cheap is checked here: the script parses, refuses what it
does not know, and its checking half measures what it says it measures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import REPO

SCRIPT = REPO / "scripts" / "emulate-arm64.sh"
CHECKS = REPO / "scripts" / "emulate_arm64_checks.py"


def test_the_script_parses_and_refuses_an_unknown_option() -> None:
    subprocess.run(["bash", "-n", str(SCRIPT)], check=True, timeout=30)
    done = subprocess.run(["bash", str(SCRIPT), "--bogus"], capture_output=True, text=True,
                          timeout=30)
    assert done.returncode == 2
    assert "unknown option '--bogus'" in done.stderr


def test_help_says_how_it_is_run_and_that_times_are_not_a_pis() -> None:
    done = subprocess.run(["bash", str(SCRIPT), "--help"], capture_output=True, text=True,
                          timeout=30, check=True)
    assert "sudo scripts/emulate-arm64.sh" in done.stdout
    assert "not a Pi's" in done.stdout


def test_peak_runs_the_assistant_and_reports_its_peak_memory() -> None:
    done = subprocess.run(
        [sys.executable, str(CHECKS), "peak", "text", "--json", "--no-speak"],
        input="can these disorders be cured\nquit\n", capture_output=True, text=True,
        timeout=120, cwd=REPO)
    assert done.returncode == 0, done.stderr
    replies = [json.loads(line) for line in done.stdout.splitlines()]
    assert replies[0]["outcome"] == "answer"
    assert replies[0]["match"]["id"] == "is-there-a-cure-for-neuromuscular-disorders"
    peak = json.loads(done.stderr.strip().splitlines()[-1])
    assert peak["check"] == "peak-memory" and peak["ok"] is True
    assert 20 < peak["vm_hwm_mb"] < 2000


def test_peak_starts_from_a_first_start_state_every_time(tmp_path: Path) -> None:
    # A confirmed phrasing is learned and answered outright the next time; two
    # runs (native and emulated) are only comparable from the same state.
    # ("what is physical therapy" was offered until scope13's definition rule
    # answered it outright; any question offered, not answered, will do.)
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path)}
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, str(CHECKS), "peak", "text", "--json", "--no-speak"],
            input="help with tight muscles\nyes\nquit\n", capture_output=True, text=True,
            timeout=120, cwd=REPO, env=env)
        assert done.returncode == 0, done.stderr
        outcomes = [json.loads(line)["outcome"] for line in done.stdout.splitlines()]
        assert outcomes == ["confirm", "answer", "command"]
    assert not any(tmp_path.iterdir())


def test_an_unknown_check_is_refused() -> None:
    done = subprocess.run([sys.executable, str(CHECKS), "bogus"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2
    assert "unknown check 'bogus'" in done.stderr
