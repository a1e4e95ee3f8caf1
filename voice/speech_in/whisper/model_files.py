"""Where the Whisper model lives, and whether its bytes can be trusted."""

from __future__ import annotations

from pathlib import Path

from voice.models.manifest import WHISPER_FILES, WHISPER_MODEL
from voice.models.verify import folder_problems

#: How to get a good copy back, said after every problem with the model.
REPAIR = (f"To repair it, run scripts/install.sh, or 'voice models download {WHISPER_MODEL}' "
          "on a computer with internet.")


def model_folder(models_dir: Path) -> Path:
    return models_dir / WHISPER_MODEL


def model_problem(folder: Path) -> str:
    """Why the model in ``folder`` cannot be used, in words ("" when every
    file has its pinned size and SHA-256)."""
    if not folder.exists():
        return f"The Whisper speech model is not installed in {folder}."
    problems = folder_problems(folder, WHISPER_FILES)
    if not problems:
        return ""
    return (f"The Whisper speech model in {folder} is damaged ({problems[0]}), "
            "so it was not used.")
