"""What is installed in the models folder, and which model would be used.

Only local files are read here: nothing in this module touches the network,
so the recognizers can call it at start-up on an offline device.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from voice.config import default_models_dir
from voice.models.manifest import MODELS, guess_lang

#: Written into each model folder by ``voice models download``.
SIDECAR = "voice-model.json"


@dataclass(frozen=True)
class InstalledModel:
    """One model folder found in the models folder."""

    name: str
    """Folder name."""
    kind: str
    """"vosk" for a folder Vosk can load, "whisper" for a faster-whisper
    (CTranslate2) folder, "unknown" otherwise."""
    lang: str
    """Language tag such as "en-us"; empty when it cannot be told."""
    size: int
    """Bytes on disk (files followed through symlinks)."""
    path: Path
    """The model folder."""
    source: str = ""
    """Where it was downloaded from, if ``voice models download`` installed it."""


def models_dir(cfg: Any = None) -> Path:
    """Folder holding the models: $VOICE_MODELS_DIR, else the repository's models/.

    ``cfg`` may be a Config; if a ``models_dir`` setting is ever added to it, it
    wins (read with getattr so this keeps working before and after).
    """
    configured = getattr(cfg, "models_dir", "") if cfg is not None else ""
    return Path(configured) if configured else default_models_dir()


def looks_like_vosk_model(path: Path) -> bool:
    """True if ``path`` has the files Vosk needs: an acoustic model and its config.

    Vosk's maintainers: am/final.mdl is always there, except in old layouts that
    keep final.mdl at the top (vosk-model-small-pt-0.3).
    """
    if not path.is_dir():
        return False
    has_am = (path / "am" / "final.mdl").is_file() or (path / "final.mdl").is_file()
    has_conf = (path / "conf" / "model.conf").is_file() or (path / "conf" / "mfcc.conf").is_file()
    has_graph = (path / "graph").is_dir() or (path / "HCLG.fst").is_file()
    return has_am and (has_conf or has_graph)


def looks_like_whisper_model(path: Path) -> bool:
    """True if ``path`` has a CTranslate2 Whisper model's files (not that they verify)."""
    return all((path / n).is_file() for n in ("model.bin", "config.json", "vocabulary.txt"))


def read_sidecar(path: Path) -> dict[str, Any]:
    """The metadata the installer left in a model folder; {} when none or unreadable."""
    try:
        data = json.loads((path / SIDECAR).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _readme_lang(path: Path) -> str:
    # Vosk models ship a README whose first line names the language
    # ("Small Korean for Vosk ..."); the pip-packaged ones live in a folder just called "model".
    try:
        with (path / "README").open(encoding="utf-8", errors="replace") as f:
            first = f.readline().lower()
    except OSError:
        return ""
    for word, tag in (("english", "en"), ("korean", "ko"), ("german", "de"), ("french", "fr"),
                      ("spanish", "es"), ("russian", "ru"), ("chinese", "cn")):
        if word in first:
            return tag
    return ""


def _lang_of(path: Path, meta: dict[str, Any]) -> str:
    lang = meta.get("lang")
    if isinstance(lang, str) and lang:
        return lang
    spec = MODELS.get(path.name)
    if spec is not None:
        return spec.lang
    return guess_lang(path.name) or _readme_lang(path)


def _size_of(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path, followlinks=True):
        for f in files:
            try:
                total += (Path(root) / f).stat().st_size
            except OSError:
                continue  # a dangling link counts as nothing rather than breaking the listing
    return total


def installed_models(models_root: Path) -> list[InstalledModel]:
    """Every model folder in ``models_root``, by name. Hidden and temporary folders are skipped."""
    if not models_root.is_dir():
        return []
    found = []
    for entry in sorted(models_root.iterdir(), key=lambda p: p.name):
        # Dot-folders are the installer's temporary and replaced folders.
        if entry.name.startswith(".") or not entry.is_dir():
            continue
        meta = read_sidecar(entry)
        kind = ("vosk" if looks_like_vosk_model(entry)
                else "whisper" if looks_like_whisper_model(entry) else "unknown")
        source = meta.get("url")
        found.append(
            InstalledModel(
                name=entry.name,
                kind=kind,
                lang=_lang_of(entry, meta),
                size=_size_of(entry),
                path=entry,
                source=source if isinstance(source, str) else "",
            )
        )
    return found


def _lang_rank(model_lang: str, wanted: str) -> int | None:
    model_lang, wanted = model_lang.lower(), wanted.lower()
    if model_lang == wanted:
        return 0
    if model_lang and model_lang.split("-")[0] == wanted.split("-")[0]:
        return 1
    return None


def find_vosk_model(
    models_root: Path, lang: str = "en", *, any_language: bool = False
) -> Path | None:
    """The Vosk model folder to use for ``lang``, or None when none is installed.

    Exact language first ("en-us"), then the same base language ("en" matches
    "en-us"); among equals the name that sorts last, i.e. usually the newest
    version. A model in another or an unknown language is only returned with
    ``any_language``: an English assistant listening through a Korean model
    hears nothing useful, and PocketSphinx's English model does better.
    """
    candidates = [m for m in installed_models(models_root) if m.kind == "vosk"]
    ranked = [(_lang_rank(m.lang, lang), m) for m in candidates]
    matching = [(r, m) for r, m in ranked if r is not None]
    if matching:
        best_rank = min(r for r, _ in matching)
        return max((m for r, m in matching if r == best_rank), key=lambda m: m.name).path
    if any_language and candidates:
        return max(candidates, key=lambda m: m.name).path
    return None
