"""The user's learned phrasings, kept between runs on this device only.

Stored as JSON in ``voice.config.user_state_dir() / "phrasings.json"``,
beside the voice settings. A missing file means none learned yet. A damaged
file is moved aside (``phrasings.json.damaged``) and reported in one line;
the assistant goes on without it, never with a traceback.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from voice.config import user_state_dir
from voice.conversation.personal import PersonalPhrasings, Phrasing

FILE_NAME = "phrasings.json"
FORMAT = 1


def default_path() -> Path:
    return user_state_dir() / FILE_NAME


def _phrasing(item: Any) -> Phrasing:
    if not isinstance(item, dict):
        raise ValueError("an item is not an object")
    words, entry_id = item.get("words"), item.get("entry_id")
    learned = item.get("learned", "")
    if not (isinstance(words, str) and words.strip() and isinstance(entry_id, str)
            and entry_id and isinstance(learned, str)):
        raise ValueError("an item lacks its words or entry")
    return Phrasing(words, entry_id, learned)


def load_phrasings(path: Path | None = None) -> tuple[PersonalPhrasings, str | None]:
    """The stored phrasings, and a one-line message when the file was damaged
    (it is then renamed ``<name>.damaged`` and an empty set is returned)."""
    path = path or default_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("phrasings"), list):
            raise ValueError("not a list of phrasings")
        items = [_phrasing(x) for x in data["phrasings"]]
    except FileNotFoundError:
        return PersonalPhrasings(), None
    except (OSError, UnicodeDecodeError, ValueError) as e:  # JSONDecodeError is a ValueError
        aside = path.with_name(path.name + ".damaged")
        try:
            os.replace(path, aside)
            where = f"moved to {aside}"
        except OSError:
            where = "left where it is"
        return PersonalPhrasings(), (
            f"The ways of asking you taught me could not be read ({path}: {e}); "
            f"the file was {where} and I start without them."
        )
    return PersonalPhrasings(items), None


def save_phrasings(phrasings: PersonalPhrasings, path: Path | None = None) -> str | None:
    """Write atomically; returns a one-line message when it cannot be written."""
    path = path or default_path()
    data = {
        "format": FORMAT,
        "phrasings": [{"words": p.words, "entry_id": p.entry_id, "learned": p.learned}
                      for p in phrasings.items],
    }
    tmp = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".phrasings-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1, ensure_ascii=False)
            f.write("\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        return f"Could not save the ways of asking you taught me in {path} ({e})."
    return None
