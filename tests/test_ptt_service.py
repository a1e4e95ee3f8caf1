"""scripts/install-pi.sh --dry-run and the systemd unit it renders.

The real install needs a Raspberry Pi (apt, systemctl, gpio group); the dry
run prints every step instead, and the rendered unit is checked by systemd's
own parser (systemd-analyze verify).
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "install-pi.sh"


def dry_run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(SCRIPT), "--dry-run", *args], capture_output=True,
                          text=True, timeout=60, cwd=REPO)


def unit_text(out: str) -> str:
    lines = out.splitlines()
    start = lines.index("[Unit]")
    end = next(i for i, x in enumerate(lines) if x.startswith("WantedBy="))
    return "\n".join(lines[start:end + 1]) + "\n"


def parse_unit(text: str) -> configparser.ConfigParser:
    p = configparser.ConfigParser(strict=False, interpolation=None)
    p.optionxform = str  # type: ignore[assignment,method-assign]
    p.read_string(text)
    return p


def test_dry_run_shows_every_step_and_changes_nothing(tmp_path: Path) -> None:
    proc = dry_run("--user", "pi", "--unit-dir", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    for step in ("+ usermod -aG audio pi", "+ usermod -aG gpio pi", "+ loginctl enable-linger pi",
                 "-m voice models download", "pip install --quiet -e " + str(REPO),
                 "+ systemctl enable voice.service", "+ systemctl restart voice.service"):
        assert step in out, step
    assert f"Would write {tmp_path}/voice.service" in out
    assert not (tmp_path / "voice.service").exists()
    assert out.rstrip().endswith("Dry run: nothing was changed.")
    # Same answer twice: nothing depends on state the dry run would have changed.
    assert dry_run("--user", "pi", "--unit-dir", str(tmp_path)).stdout == out


def test_unit_starts_push_to_talk_and_always_restarts() -> None:
    unit = parse_unit(unit_text(dry_run("--user", "pi").stdout))
    svc = unit["Service"]
    assert svc["ExecStart"] == f"{REPO}/.venv/bin/python -m voice ptt --gpio 17 --led 27"
    assert svc["Restart"] == "always" and float(svc["RestartSec"]) > 0
    assert unit["Unit"]["StartLimitIntervalSec"] == "0"
    assert svc["User"] == "pi"
    assert set(svc["SupplementaryGroups"].split()) == {"audio", "gpio"}
    assert svc["StandardOutput"] == svc["StandardError"] == "journal"
    assert svc["PrivateTmp"] == "true"
    assert unit["Install"]["WantedBy"] == "multi-user.target"
    assert "@" not in svc["ExecStart"] and "@USER@" not in unit_text(dry_run().stdout)


def test_options_change_the_command() -> None:
    unit = parse_unit(unit_text(dry_run("--listen", "--args", "--rate 130").stdout))
    assert unit["Service"]["ExecStart"].endswith("-m voice listen --rate 130")
    unit = parse_unit(unit_text(dry_run("--button", "5", "--led", "none").stdout))
    assert unit["Service"]["ExecStart"].endswith("-m voice ptt --gpio 5")
    # Characters that are special to sed and bash replacement stay as given.
    unit = parse_unit(unit_text(dry_run("--args", "--voice 'en&x|y'").stdout))
    assert unit["Service"]["ExecStart"].endswith("--voice 'en&x|y'")


def test_bad_options_are_refused_with_a_reason() -> None:
    proc = dry_run("--frobnicate")
    assert proc.returncode == 2 and "unknown option '--frobnicate'" in proc.stderr
    proc = dry_run("--button", "seventeen")
    assert proc.returncode == 2 and "GPIO numbers" in proc.stderr


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="needs systemd-analyze")
def test_systemd_accepts_the_rendered_unit(tmp_path: Path) -> None:
    # As root (this machine's user), so User= names a user that exists here.
    text = unit_text(dry_run("--user", "root").stdout)
    unit = tmp_path / "voice.service"
    unit.write_text(text)
    proc = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True,
                          text=True, timeout=60, cwd=tmp_path)
    problems = [x for x in proc.stderr.splitlines() if "voice.service" in x]
    assert proc.returncode == 0 and not problems, proc.stderr


def _dry_run_with_apt_cache(tmp_path: Path, has_lgpio: bool) -> str:
    # Only the package archive is faked (this machine's is Debian's, not Raspberry
    # Pi OS's): an apt-cache that knows, or does not know, python3-lgpio.
    fake = tmp_path / "bin"
    fake.mkdir(parents=True)
    (fake / "apt-cache").write_text(f"#!/bin/sh\nexit {0 if has_lgpio else 100}\n")
    (fake / "apt-cache").chmod(0o755)
    env = {**os.environ, "PATH": f"{fake}:{os.environ['PATH']}"}
    proc = subprocess.run(["bash", str(SCRIPT), "--dry-run", "--user", "pi"],
                          capture_output=True, text=True, timeout=60, cwd=REPO, env=env)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="needs dpkg")
def test_plain_debian_without_python3_lgpio_gets_lgpio_from_pypi(tmp_path: Path) -> None:
    # Debian 12 (tried on arm64) has no python3-lgpio; asking apt-get for it made the
    # whole apt-get install fail, so not even espeak-ng was installed.
    if subprocess.run(["dpkg-query", "-W", "-f=${Status}", "python3-lgpio"],
                      capture_output=True, text=True).stdout.endswith("ok installed"):
        pytest.skip("python3-lgpio is installed here")
    out = _dry_run_with_apt_cache(tmp_path, has_lgpio=False)
    installs = [x for x in out.splitlines() if x.startswith("+ apt-get install")]
    assert not any("python3-lgpio" in x for x in installs)  # the rest is still installed
    assert "not in this system's package archives" in out
    assert "pip install --quiet lgpio" in out
    out = _dry_run_with_apt_cache(tmp_path / "pi-os", has_lgpio=True)
    assert "python3-lgpio" in next(x for x in out.splitlines() if x.startswith("+ apt-get install"))
    assert "pip install --quiet lgpio" not in out


def test_no_service_needs_no_lingering(tmp_path: Path) -> None:
    # Lingering only keeps the sound server up for the service; a system without
    # systemd (a chroot, a container) has no loginctl at all.
    out = dry_run("--user", "pi", "--no-service").stdout
    assert "loginctl" not in out and "systemctl" not in out
    assert "enable-linger" in dry_run("--user", "pi").stdout
