"""Where the Whisper model lives, and whether its bytes can be trusted."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from voice.models.manifest import WHISPER_FILES, WHISPER_MODEL, PinnedFile
from voice.models.verify import folder_problems

log = logging.getLogger(__name__)

#: How to get a good copy back, said after every problem with the model.
REPAIR = (f"To repair it, run scripts/install.sh, or 'voice models download {WHISPER_MODEL}' "
          "on a computer with internet.")

#: Where Linux shows this process's open files as paths: a link there opens
#: the very file a descriptor holds, whatever its name points to by then.
PROC_FD = Path("/proc/self/fd")


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
    return _damaged(folder, problems[0])


def _damaged(folder: Path, problem: str) -> str:
    return (f"The Whisper speech model in {folder} is damaged ({problem}), "
            "so it was not used.")


def _identity(st: os.stat_result) -> tuple[int, ...]:
    """What changes when a file's bytes do: a write in place moves its ctime,
    which no one but the clock can set back."""
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


@dataclass
class CheckedFile:
    """One model file, opened once and checked from that open file."""

    pin: PinnedFile
    file: BinaryIO
    identity: tuple[int, ...]


def check_opened(path: Path, pin: PinnedFile) -> tuple[CheckedFile | None, str | None]:
    """``path`` opened once, its size and SHA-256 read from that open file:
    (the open file, None), or (None, what is wrong, in the words of
    voice/models/verify.py)."""
    try:
        # O_NONBLOCK: a FIFO under a model file's name must not hang the open.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        return None, f"{pin.name} is missing"
    except IsADirectoryError:
        return None, f"{pin.name} is not a file"
    except OSError as e:
        return None, f"{pin.name} cannot be read ({e.strerror or e})"
    f = os.fdopen(fd, "rb")
    problem: str | None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            problem = f"{pin.name} is not a file"
        elif st.st_size != pin.size:
            problem = f"{pin.name} has {st.st_size} bytes instead of {pin.size}"
        else:
            h = hashlib.sha256()
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
            problem = (None if h.hexdigest() == pin.sha256 else
                       f"{pin.name} has been changed (its SHA-256 does not match)")
    except OSError as e:
        problem = f"{pin.name} cannot be read ({e.strerror or e})"
    if problem:
        f.close()
        return None, problem
    return CheckedFile(pin, f, _identity(st)), None


class CheckedModel:
    """The model's files, each opened once and checked byte for byte from that
    open file; the engine is then given exactly those files (``as_folder``),
    not their names again, so a file swapped in after the check is never
    loaded, and one written in place meanwhile is caught (``changed``)."""

    def __init__(self, folder: Path, files: list[CheckedFile]) -> None:
        self.folder = folder
        self.files = files

    @contextmanager
    def as_folder(self) -> Iterator[Path]:
        """A private folder (mode 0700) whose every file is a link to one of
        the checked open files, through /proc/self/fd; removed on leaving.
        Without /proc (not Linux) the model's own folder, said in one line."""
        if not PROC_FD.is_dir():
            log.warning("No /proc/self/fd here: the Whisper model in %s is loaded by its "
                        "file names after the check (a file swapped meanwhile is caught "
                        "only if it was written in place).", self.folder)
            yield self.folder
            return
        private = Path(tempfile.mkdtemp(prefix="voice-whisper-"))
        try:
            for checked in self.files:
                os.symlink(PROC_FD / str(checked.file.fileno()), private / checked.pin.name)
            yield private
        finally:
            shutil.rmtree(private, ignore_errors=True)

    def changed(self) -> str:
        """Why the model just loaded cannot be trusted ("" when no checked file
        was written to since its check)."""
        for checked in self.files:
            if _identity(os.fstat(checked.file.fileno())) != checked.identity:
                return _damaged(self.folder, f"{checked.pin.name} was changed while it "
                                             "was loaded")
        return ""

    def close(self) -> None:
        for checked in self.files:
            checked.file.close()

    def __enter__(self) -> CheckedModel:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_checked(folder: Path) -> tuple[CheckedModel | None, str]:
    """Every file of the model in ``folder`` opened and checked: (the open
    files, "") or (None, why it cannot be used, as ``model_problem`` says it)."""
    if not folder.exists():
        return None, f"The Whisper speech model is not installed in {folder}."
    if not folder.is_dir():
        return None, _damaged(folder, f"{folder} does not exist")
    files: list[CheckedFile] = []
    for pin in WHISPER_FILES:
        checked, problem = check_opened(folder / pin.name, pin)
        if checked is None:
            for f in files:
                f.file.close()
            return None, _damaged(folder, problem or pin.name)
        files.append(checked)
    return CheckedModel(folder, files), ""
