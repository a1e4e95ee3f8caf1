"""Keyboard fallback: lines from a pipe, and single keys on a real pseudo-terminal."""

from __future__ import annotations

import os
import queue
import termios
import time

from voice.devices.gestures import ButtonEvent
from voice.devices.keyboard import KeyboardButton


def collect(q: queue.Queue[ButtonEvent], until: str, timeout: float = 5) -> list[str]:
    out: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            name = q.get(timeout=0.1).name
        except queue.Empty:
            continue
        out.append(name)
        if name == until:
            return out
    raise AssertionError(f"no {until!r} within {timeout} s; got {out}")


def test_lines_are_presses_and_words() -> None:
    r, w = os.pipe()
    q = queue.Queue[ButtonEvent]()
    with os.fdopen(r) as stream, KeyboardButton(q.put, stream) as kb:
        assert not kb.tty
        # All at once: lines are single presses however fast they arrive.
        os.write(w, b"\n\nrepeat\nstop\n\n")
        os.close(w)
        got = collect(q, "quit")
    assert got == ["start_listening", "stop_listening", "repeat", "stop_speaking",
                   "start_listening", "quit"]


def test_silence_ended_listening_so_next_line_starts_again() -> None:
    r, w = os.pipe()
    q = queue.Queue[ButtonEvent]()
    with os.fdopen(r) as stream, KeyboardButton(q.put, stream) as kb:
        os.write(w, b"\n")
        assert q.get(timeout=3).name == "start_listening"
        kb.listening_ended()
        os.write(w, b"\nquit\n")
        assert collect(q, "quit") == ["start_listening", "quit"]
        os.close(w)


def test_terminal_keys_in_cbreak_mode_and_restored() -> None:
    master, slave = os.openpty()
    q = queue.Queue[ButtonEvent]()
    before = termios.tcgetattr(slave)
    stream = os.fdopen(slave, "r")
    try:
        kb = KeyboardButton(q.put, stream)
        assert kb.tty
        # The reader thread switches the terminal to cbreak (no Enter needed);
        # on a loaded machine that can take longer than any fixed sleep.
        deadline = time.monotonic() + 5
        while termios.tcgetattr(slave)[3] & termios.ICANON and time.monotonic() < deadline:
            time.sleep(0.02)
        assert not termios.tcgetattr(slave)[3] & termios.ICANON
        os.write(master, b" ")  # space, no newline
        assert q.get(timeout=3).name == "start_listening"
        time.sleep(0.2)
        os.write(master, b"  ")  # a second space within 150 ms is auto-repeat: one press
        assert q.get(timeout=3).name == "stop_listening"
        time.sleep(0.2)
        os.write(master, b"r")
        assert q.get(timeout=3).name == "repeat"
        time.sleep(0.2)
        os.write(master, b"q")
        assert q.get(timeout=3).name == "quit"
        kb.close()
        assert termios.tcgetattr(slave)[3] == before[3]  # the terminal is given back
        assert q.empty()
    finally:
        stream.close()
        os.close(master)
