"""The caregiver's page answers beside thirty silent connections.

Session 22 gave the page 16 worker threads: six silent connections (a
phone's pre-connects) no longer held it, but 30 (two phones and a laptop
with tabs on a dropped Wi-Fi, or a scan on the home network) still held the
login page 5.9 s, each silent connection keeping a thread for cheroot's
10 s timeout. Now PAGE_THREADS is 64 (voice/cli/commands/caregiver.py).
"""

from __future__ import annotations

import socket
import time
import urllib.request

from voice.services.caregiver import passwords

from .test_caregiver_cli import running_page

SILENT = 30


def test_the_page_answers_beside_thirty_silent_connections() -> None:
    passwords.set_password("a long secret")
    with running_page() as (_proc, port):
        silent = [socket.create_connection(("127.0.0.1", port)) for _ in range(SILENT)]
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
