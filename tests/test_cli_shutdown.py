"""The process ends promptly even when clean-up hangs (as PortAudio's
Pa_Terminate once did at exit) and Ctrl-C works even when Python cannot act
on it (a main thread stuck in C code)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

HUNG_EXIT_HANDLER = """
import atexit, threading
from voice.cli import shutdown
atexit.register(threading.Event().wait)   # never returns, like a stuck Pa_Terminate
stuck = threading.Event()
shutdown.on_stop(stuck.wait)  # nor does this
print("ending", flush=True)
shutdown.exit_now(3)
"""

CTRL_C_NOT_ACTED_ON = """
import signal, threading
from voice.cli import shutdown
shutdown.watch_interrupts()
# Python never gets to act on SIGINT: as when the main thread is blocked in C.
signal.signal(signal.SIGINT, lambda *_: None)
print("ready", flush=True)
threading.Event().wait()
"""


def test_a_hung_exit_handler_does_not_keep_the_process(tmp_path: Path) -> None:
    began = time.monotonic()
    done = subprocess.run([sys.executable, "-c", HUNG_EXIT_HANDLER], cwd=REPO,
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 3
    assert done.stdout == "ending\n"
    # Python start-up and imports included; the hung handlers cost 2 x GRACE.
    assert time.monotonic() - began < 5


def test_ctrl_c_ends_the_process_even_when_python_cannot_act_on_it() -> None:
    proc = subprocess.Popen([sys.executable, "-c", CTRL_C_NOT_ACTED_ON], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
        os.kill(proc.pid, signal.SIGINT)
        sent = time.monotonic()
        assert proc.wait(timeout=10) == 130
        assert time.monotonic() - sent < 1.0
        assert proc.stderr is not None and "voice: stopped." in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
