"""Content read again when its files change, without a restart.

The one place that does it, for every command that runs for long:
``voice serve`` (every room's satellite, and fixes made on the caregiver's
page) uses ``ContentReload`` directly; ``voice listen``, ``voice text`` and
``voice ptt`` through ``live_updates.LiveUpdates``, which adds what only
they have (the speech settings, the question log). A fix made on the
caregiver's page, or in a text editor, used to wait for a restart.

Before each question, the content files and folders are looked at (their
modification times and sizes: a few ``stat`` calls, no reading); when one
changed, the content is read again and the new matcher replaces the old in
one assignment, so a question is always answered from one whole version.

A file whose new version has a mistake keeps its answers from before the
change (``load_knowledge(earlier=...)``), the other files' changes are used,
and the mistake is told once, not at every question. A new file with a
mistake is left out as at start, and watched: once fixed it is read again.
Nothing read at all (every file broken) keeps everything as it was.

The recognizer follows (``follow``): Whisper's prompt is rebuilt at once,
PocketSphinx's language model in the background (``Recognizer.use_content``).

The settings files are watched too (``read_settings``): new content folders
and matching thresholds are used from the next question, the same way; the
new settings are ``cfg`` from then on (``LiveUpdates`` uses their speech
rate, volume and voice). The recognizer and the address are chosen at
start, so those need a restart.
"""

from __future__ import annotations

import argparse
import logging
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from voice import config as config_mod
from voice.config import NOT_READ, Config
from voice.content.loader import load_knowledge
from voice.errors import ContentInvalid, VoiceError
from voice.matching.matcher import Matcher

if TYPE_CHECKING:
    from voice.speech_in.base import Recognizer

log = logging.getLogger("voice.serve")

#: (path, modification time in ns, size) of each folder and file watched.
Signature = tuple[tuple[str, int | None, int | None], ...]


def _stat(path: str) -> tuple[str, int | None, int | None]:
    try:
        st = Path(path).stat()
    except OSError:
        return path, None, None
    return path, st.st_mtime_ns, st.st_size


def signature(folders: Iterable[str], files: Iterable[str]) -> Signature:
    """The folders' times change when a file is added, removed or replaced
    by a rename (the caregiver's page saves that way); the files' when one is
    written in place (most text editors). The size is kept too: two writes
    within one clock tick leave the time alone."""
    return tuple(_stat(p) for p in (*folders, *sorted(files)))


def settings_files(args: argparse.Namespace | None) -> list[Path]:
    """The settings files ``config_from_args`` reads, in its order."""
    files = [config_mod.user_config_dir() / "config.toml"]
    explicit = (getattr(args, "config", None) if args is not None else None) or os.environ.get(
        "VOICE_CONFIG")
    if explicit:
        files.append(Path(explicit))
    return files


@dataclass
class ContentReload:
    """The matcher in use (and the settings), read again when their files change."""

    cfg: Config
    matcher: Matcher
    #: Where a problem or a reload is told (the service's log; the listening
    #: commands print problems on stderr and say nothing of a reload).
    warn: Callable[[str], None] = log.warning
    info: Callable[[str], None] = log.info
    #: The settings as now (voice serve: ``config_from_args``), read again
    #: when one of ``settings_files`` changes; None: settings not watched.
    #: A VoiceError it raises keeps the settings from before.
    read_settings: Callable[[], Config] | None = None
    settings_files: tuple[Path, ...] = ()
    _sig: Signature = field(default=(), init=False)
    _settings_sig: Signature = field(default=(), init=False)
    #: The problems already told, by kind ("content", "settings"): each is
    #: told once while it lasts (fixed and made again, told again).
    _told: dict[str, set[str]] = field(default_factory=dict, init=False)
    _recognizers: list[Recognizer] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self._sig = self._now()
        self._settings_sig = signature((), map(str, self.settings_files))
        # Told at start by the command itself.
        self._told = {"content": set(map(_content_problem, self.matcher.kb.problems)),
                      "settings": set(map(_settings_problem, self.cfg.problems))}

    def follow(self, recognizer: Recognizer) -> None:
        """Tell ``recognizer`` each time the content is read again."""
        self._recognizers.append(recognizer)

    def _now(self) -> Signature:
        # The files left out are watched too: once fixed they are read again.
        kb = self.matcher.kb
        return signature(self.cfg.content_dirs, (*kb.files, *kb.left_out))

    def _settings_changed(self) -> bool:
        """Whether the settings that shape the matcher changed (then ``cfg`` is the new)."""
        now = signature((), map(str, self.settings_files))
        if self.read_settings is None or now == self._settings_sig:
            return False
        self._settings_sig = now
        try:
            cfg = self.read_settings()
        except VoiceError as e:
            # Not "the usual settings are used" (voice/config.py): here the
            # settings from before are kept.
            said = e.message.replace(f"; {NOT_READ}", "")
            self.warn(f"The settings were changed, but: {said} "
                      "The settings from before are used.")
            return False
        # A mistake is set aside, as at start (when read forgivingly).
        self._tell("settings", map(_settings_problem, cfg.problems))
        old, self.cfg = self.cfg, cfg
        return (cfg.content_dirs, cfg.answer_threshold, cfg.confirm_threshold) != (
            old.content_dirs, old.answer_threshold, old.confirm_threshold)

    def current(self) -> Matcher:
        """The matcher to answer the next question with."""
        if not self._settings_changed() and self._now() == self._sig:
            return self.matcher
        started = time.perf_counter()
        try:
            kb = load_knowledge(self.cfg.content_dirs, forgiving=True,
                                earlier=self.matcher.kb)
        except ContentInvalid as e:
            # Not one entry could be read: everything stays as it was.
            self._tell("content", (
                _content_problem(f"{line} The answers from before the change are used.")
                for line in e.message.splitlines()))
            self._sig = self._now()
            return self.matcher
        self.matcher = Matcher(kb, self.cfg.answer_threshold, self.cfg.confirm_threshold)
        self._sig = self._now()
        for recognizer in self._recognizers:
            recognizer.use_content(kb)  # Whisper at once; PocketSphinx in the background
        self._tell("content", map(_content_problem, kb.problems))
        self.info(f"the content changed: read again, {len(kb.entries)} entries from "
                  f"{len(kb.files)} files ({time.perf_counter() - started:.2f} s)")
        return self.matcher

    def _tell(self, kind: str, lines: Iterable[str]) -> None:
        """The problems of ``kind`` found now: each told unless it was last time."""
        now = tuple(lines)
        for line in now:
            if line not in self._told.get(kind, ()):
                self.warn(line)
        self._told[kind] = set(now)


def _content_problem(problem: str) -> str:
    return f"The content was changed, but: {problem}"


def _settings_problem(problem: str) -> str:
    return f"{problem} (set aside)"
