"""`voice caregiver` that cannot start (2026-12-02): it printed "Caregiver's
page: http://..." and "Press Ctrl+C to stop it." before finding that it could
not listen, and for every reason said "Is the page already running? Try
another --port.", also for a mistyped --host. Now the address is printed only
once the page listens, and the way forward fits the reason. Failed before
the fix (docs/user-journeys.md, "Checked on 2026-12-02")."""

from __future__ import annotations

import socket

import pytest

from voice.services.caregiver import passwords

from .test_caregiver_cli import free_port, voice


@pytest.fixture(autouse=True)
def _password() -> None:
    passwords.set_password("a long secret")


def test_a_port_in_use_says_so_and_prints_no_address() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = voice("caregiver", "--port", str(port))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "Is the page already running? Try another --port." in result.stderr
    assert "Caregiver's page:" not in result.stdout and "Ctrl+C" not in result.stdout


@pytest.mark.parametrize("host", ["999.1.1.1", "203.0.113.7"])
def test_a_host_that_is_not_this_device_is_named(host: str) -> None:
    result = voice("caregiver", "--host", host, "--port", str(free_port()))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "Check --host: it must be an address of this device" in result.stderr
    assert "Try another --port" not in result.stderr
    # Neither the address nor the open-to-the-network warning of a page that never ran.
    assert "Caregiver's page:" not in result.stdout and "WARNING" not in result.stderr
