"""`voice serve` as a user runs it: a real process, asked with wyoming's client,
stopped as systemd stops it (SIGTERM)."""

from __future__ import annotations

import asyncio
import signal
import socket
import subprocess
import sys
import time

from wyoming.asr import Transcript
from wyoming.client import AsyncTcpClient
from wyoming.event import Event
from wyoming.handle import Handled

from voice.conversation import phrases

from .conftest import CONTENT, REPO


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def ask(port: int, text: str) -> Event | None:
    deadline = time.monotonic() + 60
    while True:  # until the process listens (content loading takes a moment)
        try:
            async with AsyncTcpClient("127.0.0.1", port, connect_timeout=5,
                                      read_timeout=20) as c:
                await c.write_event(Transcript(text=text).event())
                return await c.read_event()
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.2)


def test_serve_answers_and_stops_on_sigterm() -> None:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "voice", "serve", "--no-asr", "--content", str(CONTENT),
         "--uri", f"tcp://0.0.0.0:{port}"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        event = asyncio.run(ask(port, "emergency, I can't breathe"))
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert event is not None and Handled.from_event(event).text == phrases.EMERGENCY
    assert proc.returncode == 0, err
    assert "Listening on all network interfaces" in err, "binding everywhere is warned of"
    assert f"serving handle on tcp://0.0.0.0:{port}" in err
    assert "Traceback" not in err


def test_serve_refuses_a_bad_address_in_one_line() -> None:
    done = subprocess.run([sys.executable, "-m", "voice", "serve", "--no-asr",
                           "--uri", "http://localhost:10700"],
                          cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "--uri tcp://127.0.0.1:10700" in done.stderr


def test_serve_says_when_the_port_is_taken() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "voice", "serve", "--no-asr",
                               "--content", str(CONTENT), "--uri", f"tcp://127.0.0.1:{port}"],
                              cwd=REPO, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert f"cannot listen on tcp://127.0.0.1:{port}" in done.stderr
    assert "Traceback" not in done.stderr

