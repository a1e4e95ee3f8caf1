"""Ctrl-C inside importlib's clean-up while `voice` starts (session 45's CI):
a KeyboardInterrupt raised in a module lock's weakref callback cannot be
passed on, so Python printed "Exception ignored in ... Traceback ...
KeyboardInterrupt" and the command went on starting. Now, until the commands
are imported, Ctrl-C ends it with "voice: stopped." and code 130
(voice/cli/starting.py).

The press is made to land in such a callback every time: an import hook,
installed before `python -m voice` runs, drops an object whose weakref
callback waits while the commands are imported."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from voice.cli import starting
from voice.cli.shutdown import STOPPED

from .conftest import REPO

#: Runs voice's __main__ with an import hook: importing voice.cli.main (the
#: guard is already up by then) runs a weakref callback that says "inside"
#: and waits, as importlib's lock clean-up can be caught by a Ctrl-C.
_HOOKED = """
import importlib.abc, runpy, sys, time, weakref

class Hook(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "voice.cli.main":
            sys.meta_path.remove(self)
            class Held: pass
            held = Held()
            def callback(_ref):
                print("inside", flush=True)
                time.sleep(8)
            ref = weakref.ref(held, callback)
            del held
        return None

sys.meta_path.insert(0, Hook())
sys.argv = ["voice", "text", "--no-speak"]
runpy.run_module("voice", run_name="__main__")
"""


def _start(code: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code], cwd=REPO,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        # A background process of a shell without job control ignores SIGINT.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def test_ctrl_c_inside_an_import_callback_is_one_line() -> None:
    proc = _start(_HOOKED)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "inside"
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=30)
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert proc.returncode == 130 and err.strip() == STOPPED, err


def test_once_started_ctrl_c_is_the_commands_to_handle() -> None:
    """After the guard is released, Ctrl-C raises KeyboardInterrupt again, so
    a command stops its speech and audio first (voice/cli/shutdown.py)."""
    # "ready" inside the try: a press between the two would escape it.
    code = ("from voice.cli import starting\nstarting.guard()\nstarting.release()\n"
            "import time\n"
            "try:\n    print('ready', flush=True)\n    time.sleep(8)\n"
            "except KeyboardInterrupt:\n    print('handled', flush=True)\n")
    proc = _start(code)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert out.strip() == "handled" and proc.returncode == 0, err


def test_an_ignored_ctrl_c_stays_ignored() -> None:
    """A background job of a shell ignores Ctrl-C: the guard does not turn it on."""
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        starting.guard()
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
        starting.release()
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, before)


@pytest.mark.parametrize("argv", [["topics"]])
def test_main_called_with_arguments_leaves_ctrl_c_alone(argv: list[str]) -> None:
    """Tests and other callers of main(argv) keep their own Ctrl-C."""
    from voice.cli import main as main_mod

    handler = signal.getsignal(signal.SIGINT)
    assert main_mod.main(argv) == 0
    assert signal.getsignal(signal.SIGINT) is handler
