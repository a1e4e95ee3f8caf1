"""While the microphone is reopened, PortAudio's and ALSA's lines on stderr
are hidden, and nothing else: an error Python prints or logs meanwhile (from
any thread) still shows. Descriptor 2 used to go to /dev/null for the
duration, taking those along. The real PortAudio noise is checked with the
PulseAudio source unloaded in tests/test_listen_source_unloaded.py; here the
C libraries' lines are written to descriptor 2 the way they write them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

SCRIPT = textwrap.dedent("""
    import logging, os, sys, threading
    from voice.audio.devices import _quiet_native_stderr

    logging.basicConfig(format="%(levelname)s %(message)s")
    print("before", file=sys.stderr)
    with _quiet_native_stderr():
        os.write(2, b"Expression 'r' failed in 'src/hostapi/alsa/pa_linux_alsa.c', "
                    b"line: 3355\\n")
        os.write(2, b"ALSA lib pulse.c:242:(pulse_connect) PulseAudio: Unable to connect: "
                    b"Connection refused\\n")
        other = threading.Thread(
            target=lambda: print("ValueError: printed by another thread", file=sys.stderr))
        other.start()
        other.join()
        logging.getLogger("voice").error("logged while the microphone is reopened")
        os.write(2, b"a C library's other line\\n")
        os.write(2, b"Expression 'err' failed in 'src/hostapi/alsa/pa_linux_alsa.c', "
                    b"line: 1736")
    print("after", file=sys.stderr)
    for _ in range(50):  # nothing left open: the same every time
        with _quiet_native_stderr():
            os.write(2, b"ALSA lib x\\n")
    print("fds", len(os.listdir("/proc/self/fd")), threading.active_count(), file=sys.stderr)
""")


def test_only_portaudio_and_alsa_lines_are_hidden() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert lines[:5] == ["before", "ValueError: printed by another thread",
                         "ERROR logged while the microphone is reopened",
                         "a C library's other line", "after"], lines
    assert "Expression" not in done.stderr and "ALSA lib" not in done.stderr
    # No descriptor or thread left behind by the 51 rounds.
    fds, threads = lines[5].split()[1:]
    assert int(fds) < 10 and threads == "1", lines[5]
