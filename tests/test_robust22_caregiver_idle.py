"""The caregiver's page answers while a few connections sit silent.

Found driving `voice caregiver`: with four worker threads, four connections
that send nothing (a phone browser's speculative pre-connects, a tab left on
a dropped Wi-Fi) each held a thread for cheroot's 10 s timeout: with six such
connections open the login page took 9.0 s, with 30 it did not come at all
within 15 s. Session 22 (robust22) gave the page 16 worker threads, but 30
silent connections (two phones and a laptop with tabs on a dropped Wi-Fi, or
a scan of the home network) still held the login page 5.9-7.5 s; robust23
gave it 64 (PAGE_THREADS, voice/cli/commands/caregiver.py).
"""

from __future__ import annotations

import socket
import time
import urllib.request

import pytest

from voice.services.caregiver import passwords

from .test_caregiver_cli import running_page


#: A phone's browser keeps up to six connections to one site; 30 is a
#: household's phones and laptop, or a scan of the home network.
@pytest.mark.parametrize("count", [6, 30])
def test_the_page_answers_at_once_beside_silent_connections(count: int) -> None:
    passwords.set_password("a long secret")
    with running_page() as (_proc, port):
        silent = [socket.create_connection(("127.0.0.1", port)) for _ in range(count)]
        try:
            time.sleep(0.5)  # each taken by the server
            start = time.monotonic()
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=15) as page:
                assert page.status == 200
            took = time.monotonic() - start
            assert took < 2.0, took
        finally:
            for s in silent:
                s.close()
