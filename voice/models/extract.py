"""Unpack a model archive (zip or tar.gz) without letting it write outside its folder.

Every member is checked before anything is written: an absolute path, a
``..`` component, a link pointing out of the folder, or a device file makes
the whole archive rejected, so a hostile or broken archive leaves nothing behind.
"""

from __future__ import annotations

import shutil
import stat
import tarfile
import zipfile
from pathlib import Path, PurePosixPath

from voice.errors import ModelDownloadFailed


class UnsafeArchive(ModelDownloadFailed):
    """The archive tries to write outside its folder, or holds something a model never has."""


#: Refuse archives that would unpack to more than this (a "zip bomb" filling the SD card).
MAX_UNPACKED = 8 * 1024**3


def _member_path(name: str) -> PurePosixPath:
    """The member's path relative to the target, or UnsafeArchive."""
    unified = name.replace("\\", "/")
    path = PurePosixPath(unified)
    if (
        path.is_absolute()
        or unified.startswith("/")
        or (len(unified) > 1 and unified[1] == ":")  # C:/... from an archive made on Windows
        or ".." in path.parts
    ):
        raise UnsafeArchive(
            f"The model archive is unsafe: it contains the path '{name}', which points outside "
            "its folder. Nothing was installed; the file was deleted."
        )
    return path


def _link_escapes(member: PurePosixPath, target: str) -> bool:
    # Resolve lexically inside a pretend root: a link is fine only if it stays below it.
    if target.startswith("/") or (len(target) > 1 and target[1] == ":"):
        return True
    depth = len(member.parent.parts)
    for part in PurePosixPath(target.replace("\\", "/")).parts:
        if part == "..":
            depth -= 1
            if depth < 0:
                return True
        elif part != ".":
            depth += 1
    return False


def _too_big(total: int) -> UnsafeArchive:
    return UnsafeArchive(
        f"The model archive would unpack to {total / 1e9:.1f} GB, more than any model needs. "
        "Nothing was installed; the file was deleted."
    )


def _extract_zip(archive: Path, dest: Path) -> None:
    with zipfile.ZipFile(archive) as zf:
        infos = zf.infolist()
        total = 0
        for info in infos:
            _member_path(info.filename)
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                # Zip links are not portable and Vosk's zips have none, so any link is suspect.
                raise UnsafeArchive(
                    f"The model archive is unsafe: '{info.filename}' is a link. "
                    "Nothing was installed; the file was deleted."
                )
            total += info.file_size
        if total > MAX_UNPACKED:
            raise _too_big(total)
        for info in infos:
            out = dest.joinpath(*_member_path(info.filename).parts)
            if info.is_dir():
                out.mkdir(parents=True, exist_ok=True)
                continue
            out.parent.mkdir(parents=True, exist_ok=True)
            # Reading through ZipFile.open checks each member's CRC: a corrupt archive raises here.
            with zf.open(info) as src, out.open("wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)


def _extract_tar(archive: Path, dest: Path) -> None:
    with tarfile.open(archive, "r:*") as tf:
        members = tf.getmembers()
        total = 0
        for m in members:
            path = _member_path(m.name)
            if m.issym() or m.islnk():
                # Hard link names are archive paths, symlink targets are relative to the link.
                target = m.linkname
                if m.islnk():
                    escapes = _link_escapes(PurePosixPath("top"), target)
                else:
                    escapes = _link_escapes(path, target)
                if escapes:
                    raise UnsafeArchive(
                        f"The model archive is unsafe: '{m.name}' links to '{target}', outside "
                        "its folder. Nothing was installed; the file was deleted."
                    )
            elif not (m.isfile() or m.isdir()):
                raise UnsafeArchive(
                    f"The model archive is unsafe: '{m.name}' is a device or pipe, which no model "
                    "contains. Nothing was installed; the file was deleted."
                )
            total += m.size
        if total > MAX_UNPACKED:
            raise _too_big(total)
        # The stdlib "data" filter re-checks the same rules as a second line of defence.
        tf.extractall(dest, filter="data")


def extract_archive(archive: Path, dest: Path) -> None:
    """Unpack ``archive`` into the existing folder ``dest``.

    Raises UnsafeArchive for a hostile archive, ModelDownloadFailed for a
    damaged or unknown one, and OSError for a disk problem. On error ``dest``
    may hold a partial tree, which the caller (who made ``dest`` as a
    temporary folder) removes.
    """
    try:
        if zipfile.is_zipfile(archive):
            _extract_zip(archive, dest)
        elif tarfile.is_tarfile(archive):
            _extract_tar(archive, dest)
        else:
            raise ModelDownloadFailed(
                "The downloaded file is neither a zip nor a tar.gz archive, so it is not a model. "
                "Nothing was installed; the file was deleted."
            )
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, OSError) as e:
        if isinstance(e, OSError) and e.errno is not None:
            # A real disk problem (full, read-only) is not the archive's fault: the
            # caller keeps the archive and says so.
            raise
        raise ModelDownloadFailed(
            f"The model archive is damaged ({e}). Nothing was installed; the file was deleted. "
            "Please try again."
        ) from e


def model_root(unpacked: Path) -> Path:
    """The model folder inside an unpacked archive: its single top folder, if it has one."""
    entries = [p for p in unpacked.iterdir() if p.name not in ("__MACOSX",)]
    if len(entries) == 1 and entries[0].is_dir() and not entries[0].is_symlink():
        return entries[0]
    return unpacked

