"""The caregiver's page answers while a few connections sit silent.

Found driving `voice caregiver`: with four worker threads, four connections
that send nothing (a phone browser's speculative pre-connects, a tab left on
a dropped Wi-Fi) each held a thread for cheroot's 10 s timeout: with six such
connections open the login page took 9.0 s, with 30 it did not come at all
within 15 s.
"""

from __future__ import annotations

import socket
import time
import urllib.request

from voice.services.caregiver import passwords

from .test_caregiver_cli import running_page

#: A phone's browser keeps up to six connections to one site.
SILENT = 6


def test_the_page_answers_at_once_beside_silent_connections() -> None:
    passwords.set_password("a long secret")
    with running_page() as (_proc, port):
        silent = [socket.create_connection(("127.0.0.1", port)) for _ in range(SILENT)]
        try:
            time.sleep(0.5)  # each taken by the server
            start = time.monotonic()
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=15) as page:
                assert page.status == 200
            assert time.monotonic() - start < 2.0
        finally:
            for s in silent:
                s.close()
