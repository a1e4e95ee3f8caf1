"""`voice serve` as a user runs it: a real process, asked with wyoming's client,
stopped as systemd stops it (SIGTERM)."""

from __future__ import annotations

import asyncio
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

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


def serve_one_emergency(port: int, *flags: str) -> str:
    """`voice serve --no-asr` with ``flags`` asked one emergency, answered
    with the emergency advice, then stopped by SIGTERM with exit 0: its stderr."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "voice", "serve", "--no-asr", *flags],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        event = asyncio.run(ask(port, "emergency, I can't breathe"))
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert event is not None and Handled.from_event(event).text == phrases.EMERGENCY
    assert proc.returncode == 0, err
    return err


def test_serve_answers_and_stops_on_sigterm() -> None:
    port = free_port()
    err = serve_one_emergency(port, "--content", str(CONTENT), "--uri", f"tcp://0.0.0.0:{port}")
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



def test_the_systemd_unit_runs_voice_serve(tmp_path: Path) -> None:
    """scripts/voice-serve.service, filled in as docs/home-assistant.md says,
    is a valid unit whose command line the CLI accepts."""
    import getpass
    import shlex
    import shutil

    from voice.cli.main import build_parser

    text = (REPO / "scripts" / "voice-serve.service").read_text()
    filled = (text.replace("@REPO@", str(REPO)).replace("@USER@", getpass.getuser())
              .replace("@ARGS@", "--uri tcp://0.0.0.0:10700"))
    assert not re.search(r"@[A-Z]+@", filled), "every placeholder is filled in"
    exec_start = next(line for line in filled.splitlines() if line.startswith("ExecStart="))
    words = shlex.split(exec_start.removeprefix("ExecStart="))
    assert words[:4] == [f"{REPO}/.venv/bin/python", "-m", "voice", "serve"]
    args = build_parser().parse_args(words[3:])
    assert args.uri == "tcp://0.0.0.0:10700"
    if shutil.which("systemd-analyze") is None:
        return  # the text checks above still ran
    unit = tmp_path / "voice-serve.service"
    unit.write_text(filled)
    done = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_serve_sets_aside_a_mistake_in_settings_or_content(tmp_path: Path) -> None:
    # Under systemd (scripts/voice-serve.service) a typo in either file made
    # the service exit and restart every 5 s: no answers in any room.
    content = tmp_path / "content"
    content.mkdir()
    for md in CONTENT.glob("*.md"):
        if md.name != "README.md":
            (content / md.name).write_text(md.read_text(encoding="utf-8"), encoding="utf-8")
    (content / "zz-notes.md").write_text("notes before any entry\n", encoding="utf-8")
    settings = tmp_path / "config.toml"
    settings.write_text("[speech_out]\nrat = 120\n", encoding="utf-8")
    port = free_port()
    err = serve_one_emergency(port, "--content", str(content), "--config", str(settings),
                              "--uri", f"tcp://127.0.0.1:{port}")
    assert f"{settings}, line 2: unknown setting 'rat'; did you mean 'rate'?" in err
    assert f"{content / 'zz-notes.md'}:1: text outside an entry" in err
    assert "Traceback" not in err
