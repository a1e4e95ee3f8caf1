"""Whisper's model files: what is loaded is what was checked.

The four files are hashed against their pins and then loaded by CTranslate2
and faster-whisper; a file swapped in between must never run
(voice/speech_in/whisper/model_files.py). Real model files, real
CTranslate2, real espeak-ng speech. Each test swaps a file right after its
check, as tests/test_stop_word.py does for the "stop" model, whichever check
the loader uses (the path-based one in voice/models/verify.py, or the check
of the opened file).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from voice.errors import ModelMissing
from voice.models import verify
from voice.models.manifest import WHISPER_MODEL
from voice.speech_in.whisper import WhisperRecognizer, model_files

from .conftest import REPO
from .test_whisper_shared import _said

MODEL = REPO / "models" / WHISPER_MODEL
QUESTION = "can these disorders be cured"


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "models" / WHISPER_MODEL
    shutil.copytree(MODEL, folder)
    # A write in place is caught by the file's ctime; the copy's own writes
    # must be a clock tick (4 ms at most) older than the swap's.
    time.sleep(0.05)
    return folder


def _swap_after_check(monkeypatch: pytest.MonkeyPatch, swap: Any) -> None:
    """Calls swap(path) right after each model file is checked."""
    by_path = verify.file_problem
    opened = model_files.check_opened

    def by_path_then_swap(path: Path, *args: Any, **kwargs: Any) -> Any:
        result = by_path(path, *args, **kwargs)
        swap(Path(path))
        return result

    def opened_then_swap(path: Path, *args: Any, **kwargs: Any) -> Any:
        result = opened(path, *args, **kwargs)
        swap(Path(path))
        return result

    monkeypatch.setattr(verify, "file_problem", by_path_then_swap)
    monkeypatch.setattr(model_files, "check_opened", opened_then_swap, raising=False)


def test_a_folder_swapped_after_the_check_is_not_what_is_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Once the last file is checked, the model's folder is moved away and
    # another with junk files of the same names and sizes put in its place.
    # Loaded by name again, CTranslate2 would read the junk and fail; loaded
    # from the files that were checked, the model hears the question.
    folder = _copy(tmp_path)
    swapped: list[str] = []

    def junk(path: Path) -> None:
        swapped.append(path.name)
        if len(swapped) == 4:
            os.rename(folder, folder.with_name("checked"))
            folder.mkdir()
            for name in swapped:
                size = (folder.with_name("checked") / name).stat().st_size
                (folder / name).write_bytes(b"\0" * size)

    _swap_after_check(monkeypatch, junk)
    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    recognizer = WhisperRecognizer(folder)
    monkeypatch.undo()
    assert sorted(swapped) == ["config.json", "model.bin", "tokenizer.json", "vocabulary.txt"]
    assert (folder / "model.bin").read_bytes().strip(b"\0") == b""  # the name holds junk
    heard = recognizer.decode_heard(_said(tmp_path, QUESTION)).text
    assert "cured" in heard.lower(), heard
    assert not list(private.iterdir())  # the private folder of links is gone


def test_a_file_renamed_over_a_checked_one_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another valid config.json renamed over the checked one: the checked
    # file is what would be read, but a model file replaced during the load
    # is refused all the same (its link count, hence its ctime, moved), the
    # safe side, rather than loaded silently by name.
    folder = _copy(tmp_path)

    def rename_over(path: Path) -> None:
        if path.name == "config.json":
            other = path.with_name("other.json")
            other.write_bytes(path.read_bytes() + b" ")
            os.replace(other, path)

    _swap_after_check(monkeypatch, rename_over)
    with pytest.raises(ModelMissing) as e:
        WhisperRecognizer(folder)
    assert "config.json" in e.value.message and "\n" not in e.value.message


def test_a_file_written_in_place_while_loading_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # config.json changed in place (the same file, still valid JSON) right
    # after its check: CTranslate2 would load it without complaint, so the
    # loader must notice the write and refuse, in one line.
    folder = _copy(tmp_path)

    def rewrite(path: Path) -> None:
        if path.name == "config.json":
            with path.open("r+b") as f:  # the same inode: no new file
                f.seek(0, os.SEEK_END)
                f.write(b" ")

    _swap_after_check(monkeypatch, rewrite)
    with pytest.raises(ModelMissing) as e:
        WhisperRecognizer(folder)
    assert "config.json" in e.value.message and "\n" not in e.value.message
    assert "install.sh" in e.value.message


def test_without_proc_the_folder_is_loaded_by_name_with_one_line_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _copy(tmp_path)
    monkeypatch.setattr(model_files, "PROC_FD", tmp_path / "no-proc")
    with caplog.at_level(logging.WARNING, logger=model_files.__name__):
        recognizer = WhisperRecognizer(folder)
    lines = [r.getMessage() for r in caplog.records if r.name == model_files.__name__]
    assert len(lines) == 1 and "/proc/self/fd" in lines[0] and "\n" not in lines[0], lines
    heard = recognizer.decode_heard(_said(tmp_path, QUESTION)).text
    assert "cured" in heard.lower(), heard


def _open_model_files(folder: Path) -> list[str]:
    """This process's open files that are in ``folder``."""
    fds = Path("/proc/self/fd")
    out = []
    for fd in fds.iterdir():
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith(str(folder)):
                out.append(target)
    return out


def test_the_checked_files_are_closed_when_faster_whisper_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Checked, then faster-whisper cannot be imported: ModelMissing, and none
    # of the four checked files left open.
    from voice.speech_in.whisper import engine, shared_model

    folder = _copy(tmp_path)

    def missing() -> Any:
        raise ModelMissing("The Whisper speech recognizer (faster-whisper) is not installed.")

    monkeypatch.setattr(engine, "_faster_whisper", missing)
    with pytest.raises(ModelMissing, match="not installed") as caught:
        shared_model.whisper_model(folder)
    # Closed by the loader, not by the garbage collector once the error (and
    # its traceback, which holds them) is let go: a caller that keeps the
    # error keeps nothing open.
    assert _open_model_files(folder) == [], caught.value
