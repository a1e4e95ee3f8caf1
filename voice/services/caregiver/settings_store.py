"""The settings the page changes, read from and saved to the TOML file the
command line uses, checked by voice/config.py with its own messages.

tomlkit keeps the file's comments and order: a caregiver's notes in the file
survive an edit from the page.
"""

from __future__ import annotations

import os
import re
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
from voice.services.caregiver import choice_checks
from voice.text_files import NotUtf8


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
    SettingField("audio.unfinished_wait", "Wait for the rest after 'and'",
                 "Seconds. Hands-free, a question heard ending on 'and', 'or' or 'because' "
                 "waits this long for the rest. 0: answered at once.", "number", step="0.5"),
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
            continue
        # What the assistant can really use, beyond the settings file's check.
        refusal = (choice_checks.voice_refusal(value) if f.key == "speech_out.voice" else
                   choice_checks.wake_phrase_refusal(value) if f.key == "listen.wake_phrase"
                   else None)
        if refusal:
            errors[f.key] = refusal
            del values[f.key]
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


def _read_doc(path: Path) -> tuple[str, tomlkit.TOMLDocument]:
    try:
        text = config_mod.settings_text(path) if path.exists() else ""
        return text, tomlkit.parse(text)
    except (OSError, NotUtf8, TOMLKitError) as e:
        raise ConfigInvalid(f"{path}: cannot be read or is not valid TOML ({e}); "
                            "reset it with the button at the top of this page, or fix it "
                            "by hand first") from e


@dataclass(frozen=True)
class BrokenFile:
    """A settings file that is not TOML at all: none of it can be read, so
    its settings cannot be fixed one by one (``FileMistake``)."""

    message: str
    """What is wrong, in tomllib's words ("Expected '=' after a key ...")."""
    line: int | None
    """The line it is on (None: at the end, or not text at all)."""
    text: str
    """That line as written ("" for none)."""
    kept_as: Path
    """Where ``reset_broken`` keeps the file: ``<name>.broken``."""


_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)$")
_AT_END = re.compile(r"\s*\(at end of document\)$")


def broken_file(path: Path) -> BrokenFile | None:
    """Why the settings file at ``path`` cannot be read as TOML at all, with
    its line; None when it can (or is not there, or cannot be opened)."""
    import tomllib

    try:
        raw = path.read_bytes()
    except OSError:
        return None
    try:
        text = raw.decode("utf-8-sig")  # as config.settings_text reads it
    except UnicodeDecodeError as e:
        return BrokenFile(f"not a text file (byte {e.start} is not UTF-8)", None, "",
                          _broken_name(path))
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        message, line = str(e), None
        at = _AT_LINE.search(message)
        if at:
            line = int(at.group(1))
            message = message[:at.start()]
        message = _AT_END.sub(" (at the end of the file)", message)
        lines = text.splitlines()
        shown = lines[line - 1] if line is not None and 0 < line <= len(lines) else ""
        return BrokenFile(message, line, shown, _broken_name(path))
    return None


def _broken_name(path: Path) -> Path:
    """``<name>.broken``, or ``<name>.broken-2``... when that is taken: an
    older broken copy is never overwritten."""
    candidate = path.with_name(path.name + ".broken")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.broken-{n}")
        n += 1
    return candidate


#: The first lines of a settings file reset from the page.
RESET_HEADER = ("# Reset to the defaults from the caregiver's page; the old file, "
                "which was not valid TOML, is kept as {kept}.\n")


def reset_broken(path: Path) -> str:
    """Keep the settings file at ``path`` as ``<name>.broken`` and replace it
    with one that sets nothing (every setting at its default), atomically.
    What was done, in a sentence; ConfigInvalid when the file can be read
    after all (fixed meanwhile), and then nothing is changed."""
    with _saving:
        broken = broken_file(path)
        if broken is None:
            raise ConfigInvalid("The settings file can be read now (fixed already?). "
                                "Nothing was changed.")
        kept = broken.kept_as
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        tmp = Path(name)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(RESET_HEADER.format(kept=kept.name))
            shutil.copymode(path, tmp)
            # A copy, then a rename over the file: the file is never missing
            # (an assistant starting now would not find a --config file).
            shutil.copy2(path, kept)
            os.replace(tmp, path)
        except OSError as e:
            raise ConfigInvalid(f"{path}: could not be reset ({e}). "
                                "Nothing was changed.") from e
        finally:
            tmp.unlink(missing_ok=True)
        return (f"The settings file was reset to the defaults; the old one is kept as "
                f"{kept}.")


def _save(path: Path, values: dict[str, Any], current: dict[str, Any]) -> None:
    _text, doc = _read_doc(path)
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
    _write_checked(path, doc)


def _problems(path: Path, shown_as: Path) -> set[str]:
    """The mistakes the assistant would set aside in ``path``, named as
    ``shown_as`` and without line numbers (an edit moves lines)."""
    cfg = config_mod.load(path, forgiving=True)
    return {_without_line(p.replace(str(path), str(shown_as))) for p in cfg.problems}


def _write_checked(path: Path, doc: tomlkit.TOMLDocument) -> None:
    """Replace ``path`` with ``doc`` (atomically; the old file kept as .bak)
    unless it has a mistake the old file did not have (ConfigInvalid, nothing
    changed). A mistake already in the file is no reason to refuse the rest:
    an old "rat = 3" blocked every save until removed by hand, which a
    caregiver on a phone cannot do; the page lists it with its fix."""
    before = _problems(path, path) if path.exists() else set()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(tomlkit.dumps(doc))
        try:
            config_mod.read_file(tmp)
        except ConfigInvalid as e:
            new = [line.replace(str(tmp), str(path)) for line in e.message.splitlines()]
            new = [line for line in new if _without_line(line) not in before]
            if new:
                raise ConfigInvalid("\n".join(new)) from e
        after = _problems(tmp, path)
        if after - before:
            raise ConfigInvalid("\n".join(sorted(after - before)))
        if path.exists():
            shutil.copymode(path, tmp)
            shutil.copy2(path, path.with_name(path.name + ".bak"))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _without_line(problem: str) -> str:
    """``problem`` without its line number: an edit moves lines."""
    import re

    return re.sub(r", line \d+:", ":", problem)


@dataclass(frozen=True)
class FileMistake:
    """One setting in the file the assistant sets aside, and how to fix it."""

    section: str
    """Its [section] ("" for a value outside any section)."""
    name: str
    """Its name ("" for a whole section with nothing in it)."""
    message: str
    """What the command line prints: file, line, what is wrong, the nearest valid name."""
    fix_to: str | None = None
    """The valid "section.name" its value can move to (the nearest valid
    key, and the value is right for it), else None: only removing helps."""

    @property
    def ident(self) -> str:
        return f"{self.section}.{self.name}".strip(".").replace(".", "-") or "-"


def file_mistakes(path: Path) -> list[FileMistake]:
    """Each setting with a mistake in the settings file at ``path``, with the
    command line's message; [] when there is none or the file cannot be
    parsed (then the page shows why, and it is fixed by hand)."""
    import tomllib

    try:
        text = config_mod.settings_text(path)
        data = tomllib.loads(text)
    except (OSError, NotUtf8, tomllib.TOMLDecodeError):
        return []
    lines = config_mod._lines_of(text)
    where = str(path)
    found: list[FileMistake] = []

    def check(section: str, body: Any) -> list[str]:
        return config_mod._mistakes({section: body}, where, lines)[1]

    for section, body in data.items():
        if not isinstance(body, dict):
            problems = check(section, body)
            if problems:
                home = [k for k in KEYS if k.endswith(f".{section}")]
                found.append(FileMistake("", section, " ".join(problems),
                                         _fix_to(home[0] if home else None, body, data)))
            continue
        if not body:
            problems = check(section, body)
            if problems:
                found.append(FileMistake(section, "", " ".join(problems)))
            continue
        for name, value in body.items():
            problems = check(section, {name: value})
            if problems:
                found.append(FileMistake(section, name, " ".join(problems),
                                         _fix_to(_nearest_key(section, name), value, data)))
    return found


def _nearest_key(section: str, name: str) -> str | None:
    """The valid key ``section.name`` was most likely meant to be."""
    sections = sorted({k.split(".", 1)[0] for k in KEYS})
    meant = section if section in sections else config_mod._nearest(section, sections)
    if meant and f"{meant}.{name}" in KEYS:
        return f"{meant}.{name}" if meant != section else None
    home = [k for k in KEYS if k.endswith(f".{name}")]
    if home:
        return home[0]
    if not meant:
        return None
    names = sorted(k.split(".", 1)[1] for k in KEYS if k.startswith(f"{meant}."))
    near = config_mod._nearest(name, names)
    return f"{meant}.{near}" if near else None


def _fix_to(key: str | None, value: Any, data: dict[str, Any]) -> str | None:
    """``key`` when ``value`` is right for it and the file does not set it already."""
    if key is None:
        return None
    section, name = key.split(".", 1)
    if isinstance(data.get(section), dict) and name in data[section]:
        return None
    try:
        config_mod._check(key, value, "settings")
    except ConfigInvalid:
        return None
    return key


def fix_mistake(path: Path, ident: str, action: str) -> str:
    """Remove the setting with a mistake ``ident`` (FileMistake.ident) from
    the file, or move its value to its ``fix_to`` key (``action`` "move").
    What was done, in a sentence; ConfigInvalid when it cannot be (the file
    changed meanwhile), and then nothing is changed."""
    with _saving:
        mistake = next((m for m in file_mistakes(path) if m.ident == ident), None)
        if mistake is None:
            raise ConfigInvalid("That mistake is no longer in the settings file "
                                "(fixed already?). Nothing was changed.")
        if action == "move" and mistake.fix_to is None:
            raise ConfigInvalid("That setting cannot be changed that way; remove it instead. "
                                "Nothing was changed.")
        _text, doc = _read_doc(path)
        shown = f"[{mistake.section}] {mistake.name}".strip() if mistake.section \
            else mistake.name
        if mistake.section and mistake.name:
            table = doc[mistake.section]
            value = table[mistake.name]
            del table[mistake.name]
            if not table and mistake.section not in {k.split(".", 1)[0] for k in KEYS}:
                del doc[mistake.section]
        elif mistake.section:
            value = None
            del doc[mistake.section]
        else:
            value = doc[mistake.name]
            del doc[mistake.name]
        if action == "move" and mistake.fix_to:
            section, name = mistake.fix_to.split(".", 1)
            if section not in doc:
                doc[section] = tomlkit.table()
            doc[section][name] = value
            done = f"'{shown}' is now '{mistake.fix_to}'."
        else:
            done = f"'{shown}' was removed."
        try:
            _write_checked(path, doc)
        except OSError as e:
            raise ConfigInvalid(f"{path}: could not be saved ({e}). Nothing was changed.") from e
        return done
