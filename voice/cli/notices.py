"""Start-up notices that are said aloud as well as printed."""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from voice.app import Assistant

Note = Callable[[str], None]

#: What was said once and must not be said at every start (see first_time()).
TOLD_FILE = "told.json"

#: The "for better accuracy run 'voice models download'" hint.
MODELS_HINT = "models-download-hint"

#: That listening keeps the last questions to learn the voice (said once).
LEARNING_NOTICE = "learning-notice"
LEARNING_SPOKEN = ("I will get used to your voice as we talk. To do that, I keep your "
                   "last 60 questions, on this device only. This can be switched off "
                   "in the settings.")

#: Where a path ends: up to the whitespace (or the closing punctuation) after it.
_PATH_END = r"\S*?(?=[.,;:!?)]*(?:\s|$))"

#: " at /a/path" or " in ~/a/path".
_PATH = re.compile(r" (?:at|in) ~?/" + _PATH_END)


def aloud(line: str, *known: str | Path) -> str:
    """``line`` as it is spoken: without file paths (the voice adaptation's,
    a damaged speech model's).

    The path helps a caregiver at the screen, so the printed line keeps it;
    read out it becomes a long run of "slash" words that buries the message.
    ``known``: folders a path in the line may start with (the configured
    model); like the adaptation and model folders they may contain spaces,
    which the general rule cannot see past.
    """
    from voice.config import default_models_dir
    from voice.speech_in.pocketsphinx.adaptation import default_transform_path

    for root in (default_transform_path(), default_models_dir(), *known):
        line = re.sub(r" (?:at|in) " + re.escape(str(root)) + _PATH_END, "", line)
    return _PATH.sub("", line)


def say_once(assistant: Assistant, key: str, text: str) -> None:
    """Say ``text`` the first time this user is to hear ``key`` (see first_time()).

    Nothing spoken (``--no-speak``) does not count as told.
    """
    if assistant.speaker is not None and first_time(key):
        assistant.speak(text, assistant.conversation.settings)


def recognizer_notices(assistant: Assistant, note: Note, model: str | None = None,
                       *, models_hint: bool = False) -> tuple[Note, Note]:
    """The ``announce`` and ``warn`` callbacks of ``load_recognizer`` for a
    listening command that prints its lines with ``note``.

    Routine lines (which recognizer, the adaptation in use) are printed only:
    the same words every morning would tire. What learning keeps, and with
    ``models_hint`` the advice to download the Vosk model, are said once per
    user. Something broken that was worked around (a damaged Vosk model or
    voice adaptation) is said every time, without its path (``model``: the
    configured Vosk model, see aloud()): someone who cannot see the screen
    would otherwise only notice that they are understood worse.
    """
    from voice.speech_in.select import LEARNING_LINE, POCKETSPHINX_LINE

    known = (model,) if model else ()

    def announce(line: str) -> None:
        note(line)
        if line == LEARNING_LINE:
            say_once(assistant, LEARNING_NOTICE, LEARNING_SPOKEN)
        elif models_hint and line == POCKETSPHINX_LINE:
            say_once(assistant, MODELS_HINT, aloud(line, *known))

    def warn(line: str) -> None:
        note(line)
        assistant.speak(aloud(line, *known), assistant.conversation.settings)

    return announce, warn


def told_path() -> Path:
    from voice.config import user_state_dir

    return user_state_dir() / TOLD_FILE


def first_time(key: str, path: Path | None = None) -> bool:
    """True the first time this user is to be told ``key``; remembered from then on.

    For hints worth hearing once but tiring every morning. Kept in the
    per-user state folder beside the voice settings. A missing or damaged
    file counts as never told, and one that cannot be written means telling
    again next time: repeating a hint is better than never giving it.
    """
    path = path or told_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        data = {}
    told = data.get("told") if isinstance(data, dict) else None
    keys = [k for k in told if isinstance(k, str)] if isinstance(told, list) else []
    if key in keys:
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, part = tempfile.mkstemp(prefix=".told-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"told": [*keys, key]}, f, indent=2)
                f.write("\n")
            os.replace(part, path)
        except BaseException:
            Path(part).unlink(missing_ok=True)
            raise
    except OSError:
        pass
    return True
