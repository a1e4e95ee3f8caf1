"""``voice config``: every setting in force, and where each one came from."""

from __future__ import annotations

import argparse
import ast
import inspect
import itertools
import json
from dataclasses import fields, replace
from functools import lru_cache
from typing import Any

from voice import config as config_mod
from voice.cli.options import config_from_args
from voice.config import FIELD_TO_KEY, Config

NAME = "config"
HELP = "show every setting in force, where it came from, and the settings file to edit"
ORDER = 80


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--toml",
        action="store_true",
        help="print the settings in force as a TOML file (to save as your settings file)",
    )
    parser.add_argument(
        "--path", action="store_true", help="print only the path of your settings file"
    )


@lru_cache(maxsize=1)
def field_docs() -> dict[str, str]:
    """Config field -> its description, read from the docstrings in voice/config.py.

    The docstrings are the one place each setting is described; reading them
    keeps this listing and the code from drifting apart.
    """
    tree = ast.parse(inspect.getsource(Config))
    body = tree.body[0].body if isinstance(tree.body[0], ast.ClassDef) else []
    docs: dict[str, str] = {}
    for stmt, nxt in itertools.pairwise(body):
        if (
            isinstance(stmt, ast.AnnAssign)
            and isinstance(stmt.target, ast.Name)
            and isinstance(nxt, ast.Expr)
            and isinstance(nxt.value, ast.Constant)
            and isinstance(nxt.value.value, str)
        ):
            text = " ".join(nxt.value.value.split())
            # "[section] name: what it does" -> "what it does"
            if text.startswith("[") and ": " in text:
                text = text.split(": ", 1)[1]
            docs[stmt.target.id] = text
    return docs


def toml_value(value: Any) -> str:
    """A Python setting as a TOML value (JSON strings are valid TOML basic strings)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return repr(value)


def _by_section(cfg: Config) -> dict[str, list[tuple[str, str, Any]]]:
    """section -> [(key name, field name, value)] in Config order."""
    sections: dict[str, list[tuple[str, str, Any]]] = {}
    for f in fields(Config):
        if f.name not in FIELD_TO_KEY:
            continue
        section, key = FIELD_TO_KEY[f.name].split(".", 1)
        sections.setdefault(section, []).append((key, f.name, getattr(cfg, f.name)))
    return sections


def render_toml(cfg: Config, *, comments: bool = True) -> str:
    """The settings as a TOML file; unset (none) settings appear commented out."""
    lines: list[str] = []
    docs = field_docs()
    for section, items in _by_section(cfg).items():
        lines.append(f"[{section}]")
        for key, name, value in items:
            if comments:
                lines.append(f"# {docs.get(name, '')}")
            if value is None:
                # TOML has no "none": leaving the key out is how to say it.
                lines.append(f"# {key} = (not set)")
            else:
                lines.append(f"{key} = {toml_value(value)}")
        lines.append("")
    return "\n".join(lines)


#: Source of a speech setting the user changed by voice ("slower", "louder").
CHOSEN_BY_VOICE = "chosen by voice"


def with_voice_choices(cfg: Config) -> Config:
    """``cfg`` with the rate, volume, voice and pause the assistant really uses.

    "Slower" or "louder" said to the assistant is kept for the next start and
    wins over a default; without this a caregiver asking why it speaks so
    slowly would read "rate = 150 (default)" here.
    """
    from voice.app import CHOSEN_BY_VOICE as BY_VOICE
    from voice.app import voice_settings

    settings, path = voice_settings(cfg, persisted=True)
    changed = {key: getattr(settings, name) for name, key in BY_VOICE.items()
               if getattr(settings, name) != getattr(cfg, key)}
    if not changed:
        return cfg
    sources = dict(cfg.sources)
    for name in changed:
        sources[name] = f"{CHOSEN_BY_VOICE}, kept in {path}"
    return replace(cfg, **changed, sources=sources)


def describe_source(source: str) -> str:
    if source in ("default", "command line") or source.startswith(CHOSEN_BY_VOICE):
        return source
    return f"from {source}"


def render_listing(cfg: Config) -> str:
    user_file = config_mod.user_config_dir() / "config.toml"
    exists = "exists" if user_file.is_file() else "not created yet"
    lines = [
        f"Your settings file: {user_file} ({exists}).",
        "To change a setting, put it in that file under its [section], for example:",
        "  [speech_out]",
        "  rate = 130",
        "'voice config --toml' prints all settings in that form.",
        "",
    ]
    docs = field_docs()
    for section, items in _by_section(cfg).items():
        lines.append(f"[{section}]")
        for key, name, value in items:
            shown = "(not set)" if value is None else toml_value(value)
            where = describe_source(cfg.sources.get(name, "default"))
            lines.append(f"  {key} = {shown}    ({where})")
            lines.append(f"      {docs.get(name, '')}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def run(args: argparse.Namespace) -> int:
    if args.path:
        print(config_mod.user_config_dir() / "config.toml")
        return 0
    cfg = config_from_args(args)
    # --toml is for saving as a settings file: what was chosen by voice stays
    # out of it, or "slower" would no longer be kept at the next start.
    print(render_toml(cfg) if args.toml else render_listing(with_voice_choices(cfg)), end="")
    return 0
