"""A settings file that is not valid TOML is reported with the line as
written, not only its number (voice/config_toml.py), through the real CLI;
the notice spoken at start-up is the same as before."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from voice.config import NOT_READ

REPO = Path(__file__).resolve().parent.parent
NOTICE = ("Some of my settings have a mistake, so I am using the usual values for those. "
          "The lines to fix are shown by 'voice config'.")


def _env(tmp_path: Path) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
            "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_STATE_HOME": str(tmp_path)}


@pytest.mark.parametrize(("text", "line"), [
    ("[speech_out]\nvolume = 0.8\nrate = fast\n",
     'line 3: rate = fast  <- not valid TOML (a text value needs quotes: rate = "fast")'),
    ("[speech_out]\n  rate 180\n",
     "line 2: rate 180  <- not valid TOML (a setting needs '=': rate = 180)"),
    ('[speech_out]\nvoice = "en-us\nrate = 120\n',
     'line 2: voice = "en-us  <- not valid TOML (a text value needs a closing quote)'),
    ("[speech_out\nrate = 120\n",
     "line 1: [speech_out  <- not valid TOML (a section name needs a closing ']')"),
    ("[speech_out]\nrate = 120\nrate = 130\n",
     "line 3: rate = 130  <- not valid TOML (this setting is already in the file)"),
    ("[speech_out]\nrate = 1.2.3\n",
     "line 2: rate = 1.2.3  <- not valid TOML (Expected newline or end of document after "
     "a statement)"),
])
def test_voice_config_echoes_the_line_as_written(tmp_path: Path, text: str, line: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "voice", "config", "--config", str(path)],
                          cwd=REPO, env=_env(tmp_path), capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [f"voice: {path}, {line}; {NOT_READ}"]


def test_the_assistant_prints_the_line_and_says_the_same_notice(tmp_path: Path) -> None:
    """`voice text` with a broken settings file: the line printed, the usual
    notice spoken (a WAV of its own) before the answer, the usual values used."""
    config_dir = tmp_path / "config" / "voice"
    config_dir.mkdir(parents=True)
    path = config_dir / "config.toml"
    path.write_text("# mine\n[speech_out]\nrate = fast\n", encoding="utf-8")
    spoken = tmp_path / "spoken"
    done = subprocess.run([sys.executable, "-m", "voice", "text", "--json",
                           "--speak-to", str(spoken)],
                          input="is there a cure\n", cwd=REPO, env=_env(tmp_path),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    errors = done.stderr.splitlines()
    assert (f'voice: {path}, line 3: rate = fast  <- not valid TOML (a text value needs '
            f'quotes: rate = "fast"); {NOT_READ}') in errors
    assert NOTICE in errors
    reply = json.loads(done.stdout.splitlines()[-1])
    assert reply["outcome"] == "answer"
    assert len(list(spoken.glob("*.wav"))) == 2  # the notice, then the answer
