"""The user's voice settings (rate, volume, voice, and the pause that ends
a question), kept between runs.

Stored as JSON in ``voice.config.user_state_dir() / "voice-settings.json"``.
A missing file means the defaults. A damaged file, or a value out of range,
gives the defaults for what is damaged and a warning, never a crash: a
person who cannot reach the keyboard must still hear the assistant.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from voice.config import user_state_dir
from voice.speech_out.base import VoiceSettings

log = logging.getLogger(__name__)

FILE_NAME = "voice-settings.json"

#: Same limits as voice.config checks for [speech_out].
RATE_RANGE = (60, 400)
#: Same limits as voice.config checks for [audio] silence_timeout.
WAIT_RANGE = (0.0, 600.0)


def default_path() -> Path:
    return user_state_dir() / FILE_NAME


def _valid(name: str, value: Any) -> bool:
    if name == "rate":
        return (
            isinstance(value, int) and not isinstance(value, bool)
            and RATE_RANGE[0] <= value <= RATE_RANGE[1]
        )
    if name == "volume":
        return (
            isinstance(value, (int, float)) and not isinstance(value, bool)
            and 0.0 <= float(value) <= 1.0
        )
    if name == "voice":
        return isinstance(value, str) and bool(value.strip()) and len(value) < 100
    if name == "wait":
        return (
            isinstance(value, (int, float)) and not isinstance(value, bool)
            and WAIT_RANGE[0] < float(value) <= WAIT_RANGE[1]
        )
    return False


def load_voice_settings(defaults: VoiceSettings, path: Path | None = None) -> VoiceSettings:
    """Saved settings over ``defaults``; ``defaults`` where missing or damaged."""
    path = path or default_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return defaults
    except (OSError, UnicodeDecodeError) as e:
        log.warning("Could not read the voice settings in %s (%s); using the defaults.", path, e)
        return defaults
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        log.warning("The voice settings in %s are damaged (%s); using the defaults.", path, e)
        return defaults
    if not isinstance(data, dict):
        log.warning("The voice settings in %s are damaged; using the defaults.", path)
        return defaults
    values: dict[str, Any] = {}
    for name in ("rate", "volume", "voice", "wait"):
        if name not in data:
            continue
        if _valid(name, data[name]):
            values[name] = float(data[name]) if name in ("volume", "wait") else data[name]
        else:
            log.warning(
                "The saved voice setting %s=%r in %s is not usable; using %r.",
                name, data[name], path, getattr(defaults, name),
            )
    return replace(defaults, **values)


def save_voice_settings(settings: VoiceSettings, path: Path | None = None) -> bool:
    """Write ``settings`` atomically: a crash mid-write leaves the old file whole.

    Returns False (with a warning) when the file cannot be written: the new
    settings then last for this session only, which is no reason to stop.
    """
    path = path or default_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".voice-settings-", suffix=".tmp", dir=path.parent)
    except OSError as e:
        log.warning("Could not save the voice settings in %s (%s).", path, e)
        return False
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(asdict(settings), f, indent=2)
            f.write("\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        log.warning("Could not save the voice settings in %s (%s).", path, e)
        return False
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True
