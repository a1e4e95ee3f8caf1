"""Changes made while the assistant runs, picked up before the next question.

The caregiver's page (or a text editor) saves the settings file and the
content files; the running assistant notices on the next question, by the
files' modification times, and uses them without a restart: new entries and
phrasings, the speech rate, volume and voice, and the question log switch.
The recognizer in use follows changed content too (``follow``: Whisper's
prompt, PocketSphinx's language model; ``Recognizer.use_content``).
Microphone, button and recognizer settings are read when a listening command
starts, so those need a restart (the caregiver's page says so).

A change with a mistake in it is not used: the assistant says so once and
keeps what it had, so a half-finished edit never silences it.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from voice import config as config_mod
from voice.config import Config
from voice.content.loader import load_knowledge
from voice.conversation import Reply
from voice.errors import VoiceError
from voice.matching.matcher import Matcher
from voice.services import question_log
from voice.services.content_reload import Signature, signature

if TYPE_CHECKING:
    from voice.app import Assistant
    from voice.speech_in.base import Recognizer



def settings_files(args: argparse.Namespace | None) -> list[Path]:
    """The settings files ``config_from_args`` reads, in its order."""
    files = [config_mod.user_config_dir() / "config.toml"]
    explicit = (getattr(args, "config", None) if args is not None else None) or os.environ.get(
        "VOICE_CONFIG")
    if explicit:
        files.append(Path(explicit))
    return files


def content_signature(cfg: Config, files: tuple[str, ...]) -> Signature:
    """The content folders (a file added or replaced changes its folder's
    time) and every content file read, as ``voice serve`` watches them."""
    return signature(cfg.content_dirs, files)


@dataclass
class LiveUpdates:
    """Hooks the Assistant runs around each question it answers."""

    args: argparse.Namespace | None
    cfg: Config
    content_files: tuple[str, ...]
    _settings_sig: Signature = field(default=(), init=False)
    _content_sig: Signature = field(default=(), init=False)
    #: Content problems already told (None: those at start, not yet looked at).
    _told: set[str] | None = field(default=None, init=False)
    #: Told each new content (``follow``).
    _recognizers: list[Recognizer] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self._settings_sig = self._settings_now()
        self._content_sig = content_signature(self.cfg, self.content_files)

    def follow(self, recognizer: Recognizer) -> None:
        """Tell ``recognizer`` each time the content is read again."""
        self._recognizers.append(recognizer)

    def _settings_now(self) -> Signature:
        return signature((), map(str, settings_files(self.args)))

    # -- before a question --------------------------------------------------

    def before(self, assistant: Assistant) -> None:
        self._reload(assistant)
        if question_log.needs_announcement(self.cfg.question_log):
            assistant.say(question_log.ANNOUNCEMENT)
            question_log.mark_announced()

    def refresh(self, assistant: Assistant) -> None:
        """Only the changes (no announcement): before the microphone opens, so
        the recognizer is primed for content changed since the last question."""
        self._reload(assistant)

    def _reload(self, assistant: Assistant) -> None:
        settings_sig = self._settings_now()
        cfg = self.cfg
        if settings_sig != self._settings_sig:
            self._settings_sig = settings_sig
            try:
                from voice.cli.options import config_from_args

                cfg = config_from_args(self.args) if self.args is not None else config_mod.load()
            except VoiceError as e:
                _notice(f"The settings were changed, but: {e.message} "
                        "I keep the settings I had.")
                return
        content_sig = content_signature(cfg, self.content_files)
        matching = (cfg.content_dirs, cfg.answer_threshold, cfg.confirm_threshold)
        if content_sig != self._content_sig or matching != (
                self.cfg.content_dirs, self.cfg.answer_threshold, self.cfg.confirm_threshold):
            self._content_sig = content_sig
            # Forgiving, as at start: a file broken since then (left out) no
            # longer keeps a fix made in another file from being used, and a
            # file whose new version has a mistake keeps its earlier answers
            # (voice/services/content_reload.py does the same for voice serve).
            told = (self._told if self._told is not None
                    else set(assistant.conversation.kb.problems))
            try:
                kb = load_knowledge(cfg.content_dirs, forgiving=True,
                                    earlier=assistant.conversation.kb)
            except VoiceError as e:
                _notice(f"The content was changed, but: {e.message} "
                        "I keep the answers I had.")
                return
            for problem in kb.problems:
                if problem not in told:  # each once while it lasts
                    _notice(f"The content was changed, but: {problem}")
            self._told = set(kb.problems)
            matcher = Matcher(kb, cfg.answer_threshold, cfg.confirm_threshold)
            # The files left out are watched too: once fixed they are read again.
            self.content_files = kb.files + kb.left_out
            self._content_sig = content_signature(cfg, self.content_files)
            assistant.conversation.kb = matcher.kb
            assistant.conversation.matcher = matcher
            for recognizer in self._recognizers:
                recognizer.use_content(matcher.kb)  # primed for the new words from now on
        if cfg is not self.cfg:
            self._apply_voice(assistant, cfg)
            self.cfg = cfg

    def _apply_voice(self, assistant: Assistant, cfg: Config) -> None:
        """A new rate, volume or voice in the settings file is used from now on."""
        from voice.app import voice_settings

        persisted = assistant.settings_path is not None
        old, _ = voice_settings(self.cfg, persisted)
        new, _ = voice_settings(cfg, persisted)
        if new != old:
            assistant.conversation.use_settings(new)

    # -- after a question ---------------------------------------------------

    def after(self, reply: Reply) -> None:
        if not self.cfg.question_log or reply.outcome not in question_log.LOGGED_OUTCOMES:
            return
        import time

        entry = reply.match
        try:
            question_log.record(question_log.LoggedQuestion(
                time=time.time(), text=reply.input, outcome=reply.outcome,
                entry_id=entry.id if entry else None,
                entry_title=entry.title if entry else None, score=round(reply.score, 1)))
        except OSError as e:
            _notice(f"Could not keep the question in the log ({e.strerror}).")


def _notice(text: str) -> None:
    # Printed, not spoken: it is for whoever edits the files, and the user
    # would not know what to do with it.
    print(f"voice: {text}", file=sys.stderr, flush=True)
