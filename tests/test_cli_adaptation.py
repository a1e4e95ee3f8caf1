"""The saved voice adaptation at the command line: ``--no-adaptation`` and a
damaged adaptation said aloud. Real PocketSphinx, real commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from voice.cli.commands.config_cmd import render_listing
from voice.cli.main import build_parser
from voice.cli.options import config_from_args
from voice.speech_in.adaptation import default_transform_path
from voice.speech_in.select import ADAPTED_LINE, load_recognizer

REPO = Path(__file__).resolve().parent.parent

#: The commands that recognise speech, each with what it needs to parse.
RECOGNIZING = [["listen"], ["ptt"], ["ask", "--audio", "q.wav"], ["start"]]


def save_identity_transform() -> Path:
    """A real, usable MLLR transform that changes nothing, where ``voice adapt``
    saves one (conftest points XDG_STATE_HOME at a temporary folder).

    The en-us model has three 13-value streams (feat.params: -svspec
    0-12/13-25/26-38); a well-formed transform of other sizes crashes
    PocketSphinx outright, so the shape matters.
    """
    lines = ["1", "3"]
    for _ in range(3):
        lines.append("13")
        lines += [" ".join("1" if j == i else "0" for j in range(13)) for i in range(13)]
        lines += [" ".join(["0"] * 13), " ".join(["1"] * 13)]
    path = default_transform_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n")
    return path


def voice(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    # os.environ carries conftest's private XDG_STATE_HOME to the child.
    return subprocess.run([sys.executable, "-m", "voice", *args], capture_output=True,
                          text=True, timeout=timeout, cwd=REPO, env=os.environ.copy())


@pytest.mark.parametrize("command", RECOGNIZING, ids=lambda c: c[0])
def test_no_adaptation_is_a_command_line_setting(command: list[str]) -> None:
    parser = build_parser()
    flagged = config_from_args(parser.parse_args([*command, "--no-adaptation"]))
    assert flagged.adaptation is False
    assert flagged.sources["adaptation"] == "command line"
    assert "adaptation = false    (command line)" in render_listing(flagged)
    plain = config_from_args(parser.parse_args(command))
    assert plain.adaptation is True and plain.sources["adaptation"] == "default"


def test_no_adaptation_beats_the_settings_file(tmp_path: Path) -> None:
    settings = tmp_path / "c.toml"
    settings.write_text("[speech_in]\nadaptation = true\n")
    args = build_parser().parse_args(["listen", "--config", str(settings), "--no-adaptation"])
    assert config_from_args(args).adaptation is False


def test_no_adaptation_runs_pocketsphinx_without_the_saved_transform() -> None:
    path = save_identity_transform()
    parser = build_parser()
    for flag, expected in (([], path), (["--no-adaptation"], None)):
        cfg = config_from_args(parser.parse_args(["listen", "--recognizer", "pocketsphinx",
                                                  *flag]))
        said: list[str] = []
        rec: Any = load_recognizer(cfg, said.append)
        assert rec.mllr == expected, flag
        assert (ADAPTED_LINE in said) == (expected is not None), said


def test_ask_audio_with_and_without_adaptation(tmp_path: Path) -> None:
    save_identity_transform()
    wav = tmp_path / "q.wav"
    subprocess.run(["espeak-ng", "-w", str(wav), "is there a cure"], check=True, timeout=30)
    base = ["ask", "--no-speak", "--recognizer", "pocketsphinx", "--audio", str(wav)]
    adapted = voice(*base)
    assert adapted.returncode == 0, adapted.stderr
    assert ADAPTED_LINE in adapted.stderr
    plain = voice(*base, "--no-adaptation")
    assert plain.returncode == 0, plain.stderr
    assert ADAPTED_LINE not in plain.stderr
    assert "cure" in plain.stdout.lower()
