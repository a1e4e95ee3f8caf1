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
keeps what it had, so a half-finished edit never silences it. The watching
and reading again is ``content_reload.ContentReload``'s, the same as for
``voice serve``; this adds what only the assistant on this device has: the
speech settings, the question log and its spoken notice.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import InitVar, dataclass, field
from typing import TYPE_CHECKING

from voice import config as config_mod
from voice.config import Config
from voice.conversation import Reply
from voice.errors import ConfigInvalid
from voice.matching.matcher import Matcher
from voice.services import question_log
from voice.services.content_reload import ContentReload, settings_files

if TYPE_CHECKING:
    from voice.app import Assistant
    from voice.speech_in.base import Recognizer


@dataclass
class LiveUpdates:
    """Hooks the Assistant runs around each question it answers."""

    args: argparse.Namespace | None
    cfg: Config
    #: The matcher the assistant starts with (its content's files are watched).
    matcher: InitVar[Matcher]
    #: Watches the content and settings files and reads them again (the
    #: same as ``voice serve``'s); its ``cfg`` is the newest settings.
    reload: ContentReload = field(init=False)

    def __post_init__(self, matcher: Matcher) -> None:
        self.reload = ContentReload(self.cfg, matcher, warn=_notice, info=_quiet,
                                    read_settings=self._read_settings,
                                    settings_files=tuple(settings_files(self.args)))

    def _read_settings(self) -> Config:
        """The changed settings; ConfigInvalid when the change brings a mistake.

        A new mistake keeps the settings the assistant has (a rate typed
        half-way is not replaced by the usual one). A mistake it already set
        aside does not: read strictly, an old `rat = 120` made every later
        change refused, so the rate a caregiver saved on the page (which
        says "Saved" and that saving works meanwhile) was never used until a
        restart, and the user was not told.
        """
        from voice.cli.options import config_from_args

        cfg = (config_from_args(self.args, forgiving=True) if self.args is not None
               else config_mod.load(forgiving=True))
        known = {_unnumbered(p) for p in self.reload.cfg.problems}
        new = [p for p in cfg.problems if _unnumbered(p) not in known]
        if new:
            raise ConfigInvalid("\n".join(new))
        return cfg

    def follow(self, recognizer: Recognizer) -> None:
        """Tell ``recognizer`` each time the content is read again."""
        self.reload.follow(recognizer)

    # -- before a question --------------------------------------------------

    def before(self, assistant: Assistant) -> None:
        self.refresh(assistant)
        if question_log.needs_announcement(self.cfg.question_log):
            assistant.say(question_log.ANNOUNCEMENT)
            question_log.mark_announced()

    def refresh(self, assistant: Assistant) -> None:
        """Only the changes (no announcement): also before the microphone
        opens, so the recognizer is primed for content changed since the last
        question (a few ``stat`` calls when nothing changed)."""
        matcher = self.reload.current()
        conversation = assistant.conversation
        if matcher is not conversation.matcher:
            conversation.kb, conversation.matcher = matcher.kb, matcher
        cfg = self.reload.cfg
        if cfg is not self.cfg:
            self._apply_voice(assistant, cfg)
            self.cfg = cfg

    def _apply_voice(self, assistant: Assistant, cfg: Config) -> None:
        """A new rate, volume or voice in the settings file is used from now on."""
        from voice.app import usual_voice_settings, voice_settings

        persisted = assistant.settings_path is not None
        old, _ = voice_settings(self.cfg, persisted)
        new, _ = voice_settings(cfg, persisted)
        if new != old:
            assistant.conversation.use_settings(new, usual_voice_settings(cfg, new))

    # -- after a question ---------------------------------------------------

    def after(self, reply: Reply, heard: str | None = None) -> None:
        """Log the question when the log is on. ``heard``: what the recognizer
        heard, kept when none of it could be matched (its words broke off
        where barely heard words were left out: voice/conversation/heard.py),
        so the caregiver sees what was asked instead of an empty line."""
        if not self.cfg.question_log or reply.outcome not in question_log.LOGGED_OUTCOMES:
            return
        text = reply.input.strip() or (heard or "").strip()
        if not text:
            return
        import time

        entry = reply.match
        try:
            question_log.record(question_log.LoggedQuestion(
                time=time.time(), text=text, outcome=reply.outcome,
                entry_id=entry.id if entry else None,
                entry_title=entry.title if entry else None, score=round(reply.score, 1)))
        except OSError as e:
            _notice(f"Could not keep the question in the log ({e.strerror}).")


def _unnumbered(problem: str) -> str:
    """A set-aside mistake without its line number: a line added above it
    (the page adds a setting) moves the same mistake to another line."""
    return re.sub(r", line \d+:", ":", problem)


def _notice(text: str) -> None:
    # Printed, not spoken: it is for whoever edits the files, and the user
    # would not know what to do with it.
    print(f"voice: {text}", file=sys.stderr, flush=True)


def _quiet(_text: str) -> None:
    """A reload that went well is not announced (``voice serve`` logs it)."""
