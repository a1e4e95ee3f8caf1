"""``voice caregiver`` as a user runs it: the password, refusing to start
without one, and the warning when it is opened to the local network."""

from __future__ import annotations

import os
import shutil
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from voice.services.caregiver import passwords

from .conftest import REPO


def voice(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "voice", *args], input=stdin,
                          capture_output=True, text=True, timeout=60, cwd=REPO,
                          env=os.environ.copy())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


#: The test certificate is self-signed: not checked.
UNVERIFIED = ssl.create_default_context()
UNVERIFIED.check_hostname = False
UNVERIFIED.verify_mode = ssl.CERT_NONE


@contextmanager
def running_page(*args: str) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """``voice caregiver`` in the background, until it answers HTTP(S)."""
    port = free_port()
    scheme = "https" if "--tls-cert" in args else "http"
    proc = subprocess.Popen([sys.executable, "-m", "voice", "caregiver", "--port", str(port),
                             *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=REPO, env=os.environ.copy())
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{scheme}://127.0.0.1:{port}/login", timeout=2,
                                       context=UNVERIFIED).close()
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(proc.communicate()) from None
                time.sleep(0.2)
        yield proc, port
    finally:
        proc.terminate()
        proc.wait(10)


def test_refuses_to_start_without_a_password() -> None:
    result = voice("caregiver")
    assert result.returncode == 2
    assert "voice caregiver --set-password" in result.stderr
    assert "Traceback" not in result.stderr


def test_set_password_from_stdin_keeps_only_a_hash() -> None:
    result = voice("caregiver", "--set-password", stdin="a long secret\n")
    assert result.returncode == 0, result.stderr
    stored = passwords.password_file().read_text()
    assert "a long secret" not in stored and stored.startswith("$argon2")
    assert oct(passwords.password_file().stat().st_mode & 0o777) == "0o600"
    assert passwords.verify("a long secret") and not passwords.verify("a long secreT")


def test_a_short_password_is_refused() -> None:
    result = voice("caregiver", "--set-password", stdin="short\n")
    assert result.returncode == 2 and "at least 8 characters" in result.stderr
    assert not passwords.password_file().exists()


def test_listens_on_this_device_only_by_default() -> None:
    passwords.set_password("a long secret")
    with running_page() as (proc, port):
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5)
        assert page.url.endswith("/login?next=/")
        proc.terminate()
        out, err = proc.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/ (this device only" in out
    assert "WARNING" not in err


def test_warns_when_open_to_the_local_network() -> None:
    passwords.set_password("a long secret")
    with running_page("--host", "0.0.0.0") as (proc, _):
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert "WARNING: the caregiver's page is open to the local network" in err


def test_https_with_a_certificate_marks_the_cookie_secure(tmp_path: Path) -> None:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.fail("openssl is missing: run scripts/install.sh --dev")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    passwords.set_password("a long secret")
    with running_page("--tls-cert", str(cert), "--tls-key", str(key)) as (proc, port):
        page = urllib.request.urlopen(f"https://127.0.0.1:{port}/login", timeout=5,
                                      context=UNVERIFIED)
        cookie = page.headers["Set-Cookie"]
        proc.terminate()
        out, _ = proc.communicate(timeout=10)
    assert "Secure" in cookie and "HttpOnly" in cookie
    assert f"https://127.0.0.1:{port}/" in out


def test_tls_needs_both_files(tmp_path: Path) -> None:
    passwords.set_password("a long secret")
    result = voice("caregiver", "--tls-cert", str(tmp_path / "cert.pem"))
    assert result.returncode == 2 and "both --tls-cert and --tls-key" in result.stderr


def test_every_page_asset_ships_in_the_package() -> None:
    """No CDN and no build step: templates and styles are package data."""
    import fnmatch
    import tomllib

    data = tomllib.loads((REPO / "pyproject.toml").read_text())
    patterns = data["tool"]["setuptools"]["package-data"]["voice.services.caregiver"]
    root = REPO / "voice" / "services" / "caregiver"
    assets = [p.relative_to(root).as_posix() for d in ("templates", "static")
              for p in (root / d).iterdir()]
    assert assets
    for asset in assets:
        assert any(fnmatch.fnmatch(asset, pat) for pat in patterns), asset


def test_starts_with_a_broken_settings_file_and_says_so() -> None:
    # It refused to start, so the caregiver had no page at all exactly when
    # the settings needed a look (and under systemd it restarted every 5 s).
    from voice import config as config_mod

    passwords.set_password("a long secret")
    settings = config_mod.user_config_dir() / "config.toml"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("[speech_out]\nrat = 3\n", encoding="utf-8")
    with running_page() as (proc, _port):
        proc.terminate()
        _out, err = proc.communicate(timeout=10)
    assert (f"voice caregiver: {settings}, line 2: unknown setting 'rat'; did you mean "
            "'rate'?") in err
    assert "the page starts anyway" in err and "Traceback" not in err
