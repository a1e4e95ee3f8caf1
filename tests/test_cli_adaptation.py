"""The saved voice adaptation at the command line: ``--no-adaptation`` and a
damaged adaptation said aloud. Real PocketSphinx, real commands."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import wave
from pathlib import Path
from typing import Any

import pytest

from voice.cli.commands.config_cmd import render_listing
from voice.cli.main import build_parser
from voice.cli.notices import aloud
from voice.cli.options import config_from_args
from voice.config import Config
from voice.speech_in.pocketsphinx.adaptation import default_transform_path
from voice.speech_in.select import ADAPTED_LINE, POCKETSPHINX_LINE, load_recognizer

REPO = Path(__file__).resolve().parent.parent

#: The commands that recognise speech (or check the recognizer), each with
#: what it needs to parse.
RECOGNIZING = [["listen"], ["ptt"], ["ask", "--audio", "q.wav"], ["start"], ["doctor"]]


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


# --- a damaged adaptation is said aloud at start-up ------------------------


def save_damaged_transform() -> Path:
    path = default_transform_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("1\n3\n13\nnot numbers\n")
    return path


def seconds_of(wav: Path) -> float:
    with wave.open(str(wav)) as w:
        return w.getnframes() / w.getframerate()


def about_as_long_as(text: str, wav: Path) -> bool:
    """Whether ``wav`` is about ``text`` spoken at 150 words a minute (the
    default rate); a spoken file path would make it far longer."""
    expected = len(text.split()) / 150 * 60
    return 0.6 * expected < seconds_of(wav) < 1.6 * expected


def child_env(virtual_mic: Any) -> dict[str, str]:
    # The virtual microphone, and this test's private state folder (the
    # microphone's environment was copied while another test ran).
    env = dict(virtual_mic.env)
    for key in ("XDG_STATE_HOME", "XDG_CONFIG_HOME"):
        env[key] = os.environ[key]
    env.pop("VOICE_CONFIG", None)
    return env


def test_aloud_drops_only_the_adaptation_path() -> None:
    path = default_transform_path()
    assert aloud(f"The voice adaptation in {path} is damaged. Running without it.") == (
        "The voice adaptation is damaged. Running without it.")
    assert aloud("Using Vosk (vosk-model-en).") == "Using Vosk (vosk-model-en)."


def expected_notice() -> str:
    rec: Any = load_recognizer(Config(recognizer="pocketsphinx"), lambda _: None)
    assert rec.mllr is None and "is damaged" in rec.mllr_problem
    return str(rec.mllr_problem)


def listen_until_ready(virtual_mic: Any, out: Path, *args: str) -> tuple[list[str], list[Path]]:
    """`voice listen ARGS --no-cues --speak-to OUT` until it says "Listening...":
    its printed lines and what it said before the microphone opened."""
    proc = subprocess.Popen(
        # --no-wake: the wake phrase's start speech is not an adaptation notice.
        [sys.executable, "-m", "voice", "listen", *args, "--no-cues", "--no-wake",
         "--speak-to", str(out)],
        cwd=REPO, env=child_env(virtual_mic), stderr=subprocess.PIPE, stdout=subprocess.PIPE,
        text=True)
    assert proc.stderr is not None
    seen: list[str] = []
    try:
        for line in proc.stderr:
            seen.append(line.rstrip("\n"))
            if line.startswith("Listening..."):
                break
        # Start-up notices come before the microphone opens: all spoken by now.
        spoken = sorted(out.glob("*.wav")) if out.is_dir() else []
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return seen, spoken


@pytest.mark.parametrize("flags", [[], ["--no-adaptation"]], ids=["damaged", "switched-off"])
def test_listen_says_a_damaged_adaptation_once(virtual_mic: Any, tmp_path: Path,
                                               flags: list[str]) -> None:
    save_damaged_transform()
    notice = expected_notice()
    seen, spoken = listen_until_ready(virtual_mic, tmp_path / "spoken",
                                      "--recognizer", "pocketsphinx", *flags)
    assert seen and seen[-1].startswith("Listening..."), seen
    if flags:
        assert spoken == [] and notice not in seen
    else:
        assert seen.count(notice) == 1, seen  # printed once, with its path
        (wav,) = spoken  # and spoken once
        assert about_as_long_as(aloud(notice), wav), seconds_of(wav)


def test_ptt_says_a_damaged_adaptation_once(virtual_mic: Any, tmp_path: Path) -> None:
    save_damaged_transform()
    notice = expected_notice()
    runs = {}
    for name, flags in (("damaged", []), ("switched-off", ["--no-adaptation"])):
        out = tmp_path / name
        # stdin closed at once: ptt greets, finds the end of input, and quits.
        result = subprocess.run(
            [sys.executable, "-m", "voice", "ptt", "--recognizer", "pocketsphinx", "--no-cues",
             "--speak-to", str(out), *flags],
            cwd=REPO, env=child_env(virtual_mic), stdin=subprocess.DEVNULL,
            capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        runs[name] = (result.stderr.splitlines(), sorted(out.glob("*.wav")))
    lines, spoken = runs["damaged"]
    assert lines.count(notice) == 1, lines
    plain_lines, plain_spoken = runs["switched-off"]
    assert notice not in plain_lines
    # Spoken in the order printed: which recognizer (its 'voice models
    # download' hint is said at the first start only), then the notice, then
    # how to use the keyboard; the second start says only the last.
    assert len(spoken) == 3 and len(plain_spoken) == 1
    assert lines.index(POCKETSPHINX_LINE) + 1 == lines.index(notice)
    assert about_as_long_as(aloud(notice), spoken[1]), seconds_of(spoken[1])
    assert about_as_long_as(POCKETSPHINX_LINE, spoken[0])
