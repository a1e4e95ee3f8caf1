"""One Whisper model in memory, shared by everything in the process that decodes with it.

``voice listen`` with the default settings decodes with Whisper tiny.en in
three places: the recognizer (engine.py), barge-in's quick look for "stop"
(voice/speech_in/wake/quick_stop.py) and the wake phrase's confirmation
(voice/speech_in/wake/confirm.py). Each used to load its own copy, and hash
the model's 78 MB for it; now the first to ask checks every file's size and
SHA-256 and loads exactly the files it checked (model_files.py: opened
once, hashed from that open file, then handed to CTranslate2 through
/proc/self/fd, so a file swapped in after the check is never loaded), and
the others get that same model
(scripts/benchmark_memory.py: peak memory in docs/speech-in.md). A folder
whose files were changed since (another size, mtime or inode) is checked and
loaded again; a model nobody holds any more is freed.

Threads: the recognizer decodes in a worker thread at the first pause, and
barge-in judges what it heard in a thread of its own, so two calls can come
at once. CTranslate2 with one worker (``num_workers=1``) queues them and runs
one at a time; measured here with four threads decoding four different
clips three times each through one model: every text the same as decoded
alone, and the whole taking the sum of the single decodes (13.8 s against
3 x 4.7 s). Each call into CTranslate2 is made under one lock as well, so
that stays true whatever the worker count. Its calls release the GIL while
they run (a Python loop in another thread kept going, gaps of at most 54 ms
on this loaded machine, during those decodes), and the "stop" model
(stop_word.py) runs on the microphone's thread without this lock: it never
waits for a decode.
"""

from __future__ import annotations

import threading
import weakref
from pathlib import Path
from typing import Any

from voice.errors import ModelMissing
from voice.models.manifest import WHISPER_FILES
from voice.speech_in.whisper.model_files import REPAIR, open_checked

#: One worker: calls are queued, and the weights' working memory is allocated once.
WORKERS = 1

_loaded: weakref.WeakValueDictionary[tuple[Any, ...], Any] = weakref.WeakValueDictionary()
_loading = threading.Lock()
loads = 0
"""Models loaded in this process (verified and read from disk)."""


class _OneCallAtATime:
    """A CTranslate2 Whisper model whose methods are entered one call at a time."""

    def __init__(self, model: Any, lock: threading.RLock) -> None:
        self._model = model
        self._lock = lock

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._model, name)
        if not callable(attr):
            return attr
        lock = self._lock

        def call(*args: Any, **kwargs: Any) -> Any:
            with lock:
                return attr(*args, **kwargs)

        return call


def _key(folder: Path) -> tuple[Any, ...]:
    """The folder and its files' identity: the same key means the same bytes
    as when they were checked, unless changed in place with size and mtime
    restored (the check at load is what the model's trust rests on)."""
    stats = []
    for pin in WHISPER_FILES:
        try:
            s = (folder / pin.name).stat()
        except OSError:
            return (str(folder), None)
        stats.append((s.st_ino, s.st_size, s.st_mtime_ns))
    return (str(folder.resolve()), tuple(stats))


def whisper_model(folder: Path) -> Any:
    """The process's ``faster_whisper.WhisperModel`` for ``folder``: loaded once
    every file has its pinned size and SHA-256, then handed to every caller.

    Raises ModelMissing, in words with the way to repair it, when the folder
    is missing, a file differs, or it cannot be loaded.
    """
    global loads
    folder = Path(folder)
    with _loading:
        key = _key(folder)
        model = _loaded.get(key) if key[1] is not None else None
        if model is not None:
            return model
        # Every byte checked from files opened once, and the engine given
        # those open files: never the names again (model_files.py).
        checked, problem = open_checked(folder)
        if checked is None:
            raise ModelMissing(f"{problem} {REPAIR}")
        from voice.audio.priority import run_lowered  # CTranslate2's threads below the audio's
        from voice.speech_in.whisper.engine import CPU_THREADS, _faster_whisper

        with checked:  # closed on every path, faster-whisper missing too
            fw = _faster_whisper()
            try:
                with checked.as_folder() as files:
                    model = run_lowered(lambda: fw.WhisperModel(
                        str(files), device="cpu", compute_type="int8", cpu_threads=CPU_THREADS,
                        num_workers=WORKERS, local_files_only=True))
            except Exception as e:  # CTranslate2 raises RuntimeError/ValueError of its own
                raise ModelMissing(
                    f"The Whisper speech model in {folder} could not be loaded ({e}). {REPAIR}"
                ) from e
            problem = checked.changed()
        if problem:
            del model
            raise ModelMissing(f"{problem} {REPAIR}")
        model.model = _OneCallAtATime(model.model, threading.RLock())
        loads += 1
        _loaded[key] = model
        return model
