"""The pyttsx3 worker's temporary folders never pile up in /tmp."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .conftest import REPO

SCRIPT = """
from voice.speech_out.base import VoiceSettings
from voice.speech_out.synth import Pyttsx3Synth
synth = Pyttsx3Synth()
clip = synth.synthesise("hello", VoiceSettings())
assert len(clip.samples), "no audio"
print(synth._worker.tmpdir if synth._worker else "", flush=True)
# No close(): the way a crash or Ctrl-C ends it.
"""


def _run(tmp: Path) -> str:
    env = dict(os.environ, TMPDIR=str(tmp))
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=REPO, env=env,
        capture_output=True, text=True, timeout=120, check=True,
    )
    return out.stdout.strip()


def test_worker_folder_is_removed_at_exit_without_close(tmp_path: Path) -> None:
    folder = _run(tmp_path)
    assert folder.startswith(str(tmp_path)), folder
    assert not Path(folder).exists()


def test_folders_of_killed_runs_are_swept_and_live_ones_kept(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    stale = tmp_path / f"voice-tts-{dead}-abc"
    stale.mkdir()
    (stale / "1.wav").write_bytes(b"RIFF")
    live = tmp_path / f"voice-tts-{os.getpid()}-xyz"  # this test process is alive
    live.mkdir()
    other = tmp_path / "voice-tts-notapid"
    other.mkdir()
    _run(tmp_path)
    assert not stale.exists()
    assert live.exists() and other.exists()
