"""Ctrl-C in the first second (session 23, branch robust24): while the
`voice` command imports its commands (about a second here, more on a Pi),
a Ctrl-C printed a 30-line traceback ending in KeyboardInterrupt, read out
line by line by a screen reader, for every command. Now "voice: stopped."
and exit code 130, as later on."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

from voice.cli import main as main_mod
from voice.cli.shutdown import STOPPED

from .conftest import REPO

#: Seconds after the start at which Ctrl-C is pressed: all inside the
#: commands' imports on this machine (they took 0.5-1.5 s under load).
PRESSES = (0.15, 0.3, 0.45)


@pytest.mark.parametrize("after", PRESSES)
def test_ctrl_c_while_it_starts_is_one_line(after: float) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "voice", "text", "--no-speak"], cwd=REPO,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        # A background process of a shell without job control ignores SIGINT.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(after)
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=30)
    assert "Traceback" not in err, err
    assert proc.returncode == 130 and err.strip().splitlines()[-1] == STOPPED, err


def test_the_parser_interrupted_is_stopped(monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(main_mod, "build_parser", interrupted)
    try:
        code = main_mod.main(["topics"])
    except KeyboardInterrupt:  # escaping, it would end the test run itself
        pytest.fail("the Ctrl-C escaped: a traceback")
    assert code == 130
    assert capsys.readouterr().err.strip() == STOPPED
