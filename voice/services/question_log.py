"""The question log: what was asked, kept only when turned on.

Off by default (``[questions] log`` in the settings). When on, each question
the assistant answers, offers or cannot answer is one JSON line in the user's
state folder, kept for ``KEEP_DAYS`` days, so a caregiver can see which
questions went unanswered and add them as phrasings. Voice commands ("stop",
"louder") are not questions and are never kept. Nothing leaves the device.

The user is told aloud, once, that questions are being kept: the first time
the assistant answers after logging was turned on. Turning it off deletes
that reminder's marker, so turning it on again is said again.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

from voice.config import user_state_dir

#: Days a question is kept; older ones are dropped when the log is written.
KEEP_DAYS = 30

#: What is said once when the log is on.
ANNOUNCEMENT = (
    "Please note: your caregiver has turned on the question log. "
    "The questions you ask are now kept on this device for 30 days, "
    "so that the answers can be improved. Nothing is sent anywhere."
)

#: Outcomes that are questions (not commands) and so are kept.
LOGGED_OUTCOMES = ("answer", "confirm", "no_match", "emergency")

#: Sort order on the caregiver's page: unanswered first.
OUTCOME_ORDER = {"no_match": 0, "confirm": 1, "emergency": 2, "answer": 3}


@dataclass(frozen=True)
class LoggedQuestion:
    """One question as kept in the log."""

    time: float
    """Unix time it was asked."""
    text: str
    """The question as matched (typed, or heard)."""
    outcome: str
    """answer, confirm ("Did you mean ...?"), no_match or emergency."""
    entry_id: str | None = None
    """The entry answered or offered, if any."""
    entry_title: str | None = None
    score: float = 0.0


def log_path() -> Path:
    return user_state_dir() / "questions.jsonl"


def marker_path() -> Path:
    """Exists once the user has been told that questions are kept."""
    return user_state_dir() / "questions-announced"


def record(question: LoggedQuestion, path: Path | None = None) -> None:
    """Append one question (and drop those older than KEEP_DAYS now and then)."""
    path = path or log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as f:
        f.write(json.dumps(asdict(question), ensure_ascii=False) + "\n")
    os.chmod(path, 0o600)
    # Pruning rewrites the file; doing it when the first line is old enough
    # keeps most writes a plain append.
    questions = read(path, days=None)
    if questions and questions[0].time < time.time() - KEEP_DAYS * 86400:
        _rewrite(path, [q for q in questions if q.time >= time.time() - KEEP_DAYS * 86400])


def read(path: Path | None = None, days: float | None = KEEP_DAYS) -> list[LoggedQuestion]:
    """Questions of the last ``days`` days (all with None), oldest first.

    A damaged line is skipped: the log is a help, never a reason to fail.
    """
    path = path or log_path()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (FileNotFoundError, UnicodeDecodeError):
        return []
    since = 0.0 if days is None else time.time() - days * 86400
    out: list[LoggedQuestion] = []
    for line in lines:
        try:
            data = json.loads(line)
            q = LoggedQuestion(
                time=float(data["time"]), text=str(data["text"]),
                outcome=str(data["outcome"]), entry_id=data.get("entry_id"),
                entry_title=data.get("entry_title"), score=float(data.get("score", 0.0)),
            )
        except (ValueError, KeyError, TypeError):
            continue
        if q.time >= since:
            out.append(q)
    return out


def unanswered_first(questions: Iterable[LoggedQuestion]) -> list[LoggedQuestion]:
    """Unanswered, then offered, then emergencies, then answered; newest first in each."""
    return sorted(questions, key=lambda q: (OUTCOME_ORDER.get(q.outcome, 9), -q.time))


def delete(path: Path | None = None) -> None:
    (path or log_path()).unlink(missing_ok=True)


def _rewrite(path: Path, questions: list[LoggedQuestion]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("".join(json.dumps(asdict(q), ensure_ascii=False) + "\n"
                           for q in questions), encoding="utf-8")
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def needs_announcement(enabled: bool, marker: Path | None = None) -> bool:
    """True once after the log was turned on; turning it off resets that."""
    marker = marker or marker_path()
    if not enabled:
        marker.unlink(missing_ok=True)
        return False
    return not marker.exists()


def mark_announced(marker: Path | None = None) -> None:
    marker = marker or marker_path()
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text(time.strftime("%Y-%m-%d %H:%M:%S\n"), encoding="utf-8")
