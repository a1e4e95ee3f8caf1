"""The settings the page changes, read from and saved to the TOML file the
command line uses, checked by voice/config.py with its own messages.

tomlkit keeps the file's comments and order: a caregiver's notes in the file
survive an edit from the page.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.exceptions import TOMLKitError

from voice import config as config_mod
from voice.config import KEYS, Config
from voice.errors import ConfigInvalid


@dataclass(frozen=True)
class SettingField:
    key: str
    """TOML key, "section.name"."""
    label: str
    hint: str
    kind: str
    """number, text, choice or switch."""
    choices: tuple[str, ...] = ()
    step: str = "any"


#: What the page offers, in the order shown.
FIELDS: tuple[SettingField, ...] = (
    SettingField("speech_out.rate", "Speech rate", "Words a minute, 60 to 400.", "number",
                 step="1"),
    SettingField("speech_out.volume", "Volume", "0.0 (silent) to 1.0 (loudest).", "number",
                 step="0.05"),
    SettingField("speech_out.voice", "Voice", "An espeak-ng voice name, such as en-us or en-gb.",
                 "text"),
    SettingField("audio.silence_timeout", "Pause that ends a question",
                 "Seconds of silence. Longer gives more time to people who pause.", "number",
                 step="0.1"),
    SettingField("audio.start_timeout", "Wait for a question to begin", "Seconds.", "number",
                 step="1"),
    SettingField("ptt.mode", "Button mode",
                 "toggle: press to start and again to stop; hold: hold while speaking.",
                 "choice", choices=("toggle", "hold")),
    SettingField("listen.wake_word", "Wait for the wake phrase (hands-free)",
                 "Answer only questions that start with the wake phrase, or come just after "
                 "a reply (on by default). Off: answer everything heard, the TV too. Under "
                 "loud TV talk it misses about 1 wake phrase in 5.", "switch"),
    SettingField("listen.wake_phrase", "Wake phrase",
                 "'okay nabu' (the default; heard best), 'hey jarvis', 'hey mycroft', "
                 "'alexa', or two or more common English words such as 'hey assistant'.",
                 "text"),
    SettingField("questions.log", "Keep a log of questions",
                 "Kept 30 days on this device for the Questions page. "
                 "The user is told aloud once when it is turned on.", "switch"),
)

#: One save at a time: the page serves several requests at once.
_saving = threading.Lock()

#: Used by the running assistant at its next question; the others when it starts.
LIVE_KEYS = {"speech_out.rate", "speech_out.volume", "speech_out.voice", "questions.log"}


def settings_path(explicit: Path | None) -> Path:
    """The file the page writes: the one given with --config (or
    $VOICE_CONFIG), else the user's own settings file."""
    if explicit is not None:
        return explicit
    env = os.environ.get("VOICE_CONFIG")
    return Path(env) if env else config_mod.user_config_dir() / "config.toml"


def current_values(cfg: Config) -> dict[str, Any]:
    """The values in force, with the rate, volume and voice the user chose by
    voice ("slower") where the file does not set them: what the assistant uses."""
    from voice.cli.commands.config_cmd import with_voice_choices

    cfg = with_voice_choices(cfg)
    return {f.key: getattr(cfg, KEYS[f.key][0]) for f in FIELDS}


def _strip_where(message: str, where: str) -> str:
    prefix = f"{where}: "
    return message[len(prefix):] if message.startswith(prefix) else message


def parse_form(form: dict[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """(values by key, errors by key) for the fields the form sent.

    Each value is checked by voice.config's own check, so the page and the
    settings file give the same messages.
    """
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    where = "settings"
    for f in FIELDS:
        raw = form.get(f.key)
        if f.kind == "switch":
            value: Any = raw in ("on", "true", "1")
        elif raw is None:
            continue
        else:
            raw = raw.strip()
            typ = KEYS[f.key][1]
            try:
                if typ is int:
                    value = int(raw)
                elif typ == (int, float):
                    value = float(raw)
                else:
                    value = raw
            except ValueError:
                whole = "whole " if typ is int else ""
                errors[f.key] = (f"'{f.key}' must be a {whole}number (got {raw!r})" if raw
                                 else f"'{f.key}' needs a value")
                continue
            if f.kind == "text" and not value:
                errors[f.key] = f"'{f.key}' needs a value"
                continue
        try:
            values[f.key] = config_mod._check(f.key, value, where)
        except ConfigInvalid as e:
            errors[f.key] = _strip_where(e.message, where)
    return values, errors


def save(path: Path, values: dict[str, Any], current: dict[str, Any]) -> None:
    """Write ``values`` into the settings file at ``path``, keeping everything
    else in it. Only values that differ from ``current`` (those in force), or
    that the file already sets, are written: saving the page must not pin the
    defaults, nor a rate the user chose by saying "slower". The whole new
    file is checked as the assistant would read it before it replaces the
    old one (atomically; the old one is kept as ``.bak``). Raises
    ConfigInvalid, and then nothing is changed.
    """
    with _saving:
        try:
            _save(path, values, current)
        except OSError as e:
            raise ConfigInvalid(f"{path}: could not be saved ({e}). Nothing was changed.") from e


def _save(path: Path, values: dict[str, Any], current: dict[str, Any]) -> None:
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        doc = tomlkit.parse(text)
    except (OSError, UnicodeDecodeError, TOMLKitError) as e:
        raise ConfigInvalid(f"{path}: cannot be read or is not valid TOML ({e}); "
                            "fix it by hand first") from e
    for key, value in values.items():
        section, name = key.split(".", 1)
        in_file = isinstance(doc.get(section), dict) and name in doc[section]
        if not in_file and current.get(key) == value:
            continue
        if section not in doc:
            doc[section] = tomlkit.table()
        table = doc[section]
        if not isinstance(table, dict):
            raise ConfigInvalid(f"{path}: '{section}' must be a [section], not a value")
        table[name] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(tomlkit.dumps(doc))
        try:
            config_mod.read_file(tmp)
            config_mod.load(tmp)
        except ConfigInvalid as e:
            raise ConfigInvalid(e.message.replace(str(tmp), str(path))) from e
        if path.exists():
            shutil.copymode(path, tmp)
            shutil.copy2(path, path.with_name(path.name + ".bak"))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
