"""Wires the pure conversation to a speaker and an output stream.

Every front end (text, listen, push-to-talk, ask) goes through ``Assistant``,
so every mode speaks, prints, persists voice settings and can be interrupted
the same way.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from voice.config import Config
from voice.content.loader import load_knowledge
from voice.conversation import Conversation, Reply
from voice.conversation.heard import (  # noqa: F401 (also imported from here)
    ALTERNATIVES_WHEN_DOUBTFUL,
    SURE_ANSWER,
    SURE_WORD,
    is_doubtful,
    query_of,
    sure_answer_for,
    sure_word_for,
    surely_heard,
    understood,
)
from voice.conversation.personal import PersonalPhrasings
from voice.matching.matcher import Matcher
from voice.services.live_updates import LiveUpdates
from voice.speech_in.base import Transcript
from voice.speech_out.base import Speaker, VoiceSettings
from voice.turn_failure import failed_reply

#: Seconds of speech in which a recognizer that heard nothing is told it
#: was too much at once, not asked to "say it again" (a user repeating one
#: sentence for 28 s: Whisper's loop guard drops it all). A question of
#: LONG_QUESTION_WORDS (20) words takes 8 s at 150 words a minute, 12 s
#: for a slow speaker.
LONG_SPEECH_SECONDS = 12.0


class Assistant:
    """The conversation plus how its replies reach the user."""

    def __init__(
        self,
        conversation: Conversation,
        speaker: Speaker | None,
        out: TextIO | None = None,
        json_lines: bool = False,
        settings_path: Path | None = None,
        phrasings_path: Path | None = None,
    ) -> None:
        self.conversation = conversation
        #: Where the user's learned ways of asking persist (None: not persisted).
        self.phrasings_path = phrasings_path
        self._phrasings_saved = conversation.phrasings.version
        #: None prints only (``--no-speak``).
        self.speaker = speaker
        self.out = out or sys.stdout
        #: Print one JSON object per reply instead of the spoken words.
        self.json_lines = json_lines
        #: Where voice settings persist between runs (None: not persisted).
        self.settings_path = settings_path
        self.wants_exit = False
        #: Seconds of speech in the utterance about to be answered, when the
        #: listener timed it (ListenSession.on_event); used once.
        self.speech_seconds = 0.0
        self._thread: threading.Thread | None = None
        #: Changed by stop_speaking(): speech queued in an earlier turn is dropped.
        self._turn = 0
        self._saved: VoiceSettings | None = conversation.settings
        #: Picks up changed content and settings and keeps the question log
        #: (voice/services/live_updates.py); None: neither.
        self.live: LiveUpdates | None = None

    @property
    def asleep(self) -> bool:
        return self.conversation.asleep

    def reply_to(self, text: str, doubtful: bool = False, heard: bool = False,
                 sure: frozenset[str] = frozenset(), long_speech: bool = False) -> Reply:
        """The conversation's reply, spoken and printed (``heard``: from a
        recognizer; ``sure``: the words it heard surely, see surely_heard;
        ``long_speech``: nothing heard in a long stretch of speech)."""
        try:
            reply = self.conversation.respond(text, doubtful, heard, sure,
                                              long_speech=long_speech)
        except Exception as e:  # one line no rule foresaw must not end the assistant
            reply = failed_reply(text, e, self.conversation.settings)
        if reply.stop_speaking:
            # Silence what was being said, but keep this reply's own unread
            # parts: "Shall I go on?" "Yes." got "All right. What else ...".
            self.stop_speaking(forget_parts=False)
        self.wants_exit = self.wants_exit or reply.exit
        self._persist(reply.settings)
        self._persist_phrasings()
        return reply

    def handle_heard(self, heard: Transcript, source: str | None = None,
                     cut: bool = False, seconds: float | None = None) -> dict[str, Any]:
        """Answer a spoken question from what the recognizer heard (``source``:
        the file it came from, added to the JSON reply as ``file``; ``cut``:
        the question was cut off at the longest question allowed, so what it
        asked may be in the part not heard: offered, never answered outright;
        ``seconds``: how long the speech was, else ``speech_seconds``)."""
        if seconds is None:
            seconds = self.speech_seconds
        self.speech_seconds = 0.0
        text, doubtful = understood(heard, self.conversation.matcher)
        return self.handle_text(text, transcript=heard.text,
                                doubtful=doubtful or cut, heard=True,
                                extra={"file": source} if source is not None else None,
                                sure=surely_heard(heard),
                                long_speech=cut or seconds >= LONG_SPEECH_SECONDS)

    def handle_text(self, text: str, transcript: str | None = None,
                    doubtful: bool = False, extra: dict[str, Any] | None = None,
                    heard: bool = False, sure: frozenset[str] = frozenset(),
                    long_speech: bool = False) -> dict[str, Any]:
        """Answer one utterance or typed line; returns the JSON-ready reply."""
        if self.live is not None:
            self.live.before(self)
        reply = self.reply_to(text, doubtful, heard, sure, long_speech)
        if self.live is not None:
            self.live.after(reply, transcript)
        data = {**(extra or {}), **reply.to_json()}
        if transcript is not None:
            data["transcript"] = transcript
        self.emit(data, reply.say)
        if reply.say:
            self.speak(reply.say, reply.settings)
        return data

    def emit(self, data: dict[str, Any], say: str) -> None:
        if self.json_lines:
            print(json.dumps(data, ensure_ascii=False), file=self.out, flush=True)
        elif say:
            print(say, file=self.out, flush=True)

    def say(self, text: str) -> None:
        """A status message (not a reply): printed on stderr and spoken."""
        print(text, file=sys.stderr, flush=True)
        self.speak(text, self.conversation.settings)

    def speak(self, text: str, settings: VoiceSettings) -> None:
        """Speak in the background so "stop" (or a long press) can interrupt.

        Queued after what is being said, and returns at once: waiting here
        for the last answer to end held up the next typed line (or button
        press), so a "stop" or "I can't breathe" typed during a long list of
        topics was not read until the list was over.
        """
        if self.speaker is None:
            return
        speaker, before, turn = self.speaker, self._thread, self._turn

        def speak_in_turn() -> None:
            if before is not None:
                before.join()
            if turn == self._turn:  # not stopped while waiting its turn
                speaker.say(text, settings)

        self._thread = threading.Thread(target=speak_in_turn, name="speak", daemon=True)
        self._thread.start()

    def stop_speaking(self, forget_parts: bool = True) -> None:
        """Silence it now (``forget_parts``: the user stopped the answer, so
        its unread parts wait for a "go on"; False: only the sound stops)."""
        # A new turn: what is queued is dropped, not said after the stop.
        self._turn += 1
        if self.speaker is not None:
            self.speaker.stop()
        if forget_parts:
            self.conversation.stop()
        thread = self._thread
        while thread is not None and thread.is_alive():
            thread.join(0.05)
            if self.speaker is not None:
                # A queued reply that began just as the turn changed.
                self.speaker.stop()
        self._thread = None

    def repeat_last(self) -> None:
        """The button's double press, the 'r' key: as saying "repeat".
        It only spoke the last reply again: with nothing said yet it was
        silent, and nothing was printed for a user reading the screen."""
        if self.asleep:
            if self.conversation.last_say:
                self.stop_speaking()
                self.speak(self.conversation.last_say, self.conversation.settings)
            return
        self.handle_text("repeat")

    def wait(self) -> None:
        """Block until the current speech has finished."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    @property
    def speaking(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _persist(self, settings: VoiceSettings) -> None:
        if self.settings_path is None or settings == self._saved:
            return
        from voice.speech_out.settings_store import save_voice_settings

        save_voice_settings(settings, self.settings_path)
        self._saved = settings


    def _persist_phrasings(self) -> None:
        phrasings = self.conversation.phrasings
        if self.phrasings_path is None or phrasings.version == self._phrasings_saved:
            return
        import datetime

        from voice.conversation.personal_store import save_phrasings

        phrasings.stamp(datetime.date.today().isoformat())
        problem = save_phrasings(phrasings, self.phrasings_path)
        if problem:
            print(f"voice: {problem}", file=sys.stderr, flush=True)
        self._phrasings_saved = phrasings.version


def load_matcher(cfg: Config, forgiving: bool = False) -> Matcher:
    kb = load_knowledge(cfg.content_dirs, forgiving=forgiving)
    return Matcher(kb, cfg.answer_threshold, cfg.confirm_threshold)


#: The settings the user changes by voice: VoiceSettings' field -> Config's
#: (the pause is the settings' silence_timeout: "give me more time").
CHOSEN_BY_VOICE = {"rate": "rate", "volume": "volume", "voice": "voice",
                   "wait": "silence_timeout"}


def voice_settings(cfg: Config, persisted: bool) -> tuple[VoiceSettings, Path | None]:
    """Settings from config, overlaid by what the user last chose by voice.

    Flags and config given explicitly win over the persisted choice.
    """
    base = VoiceSettings(rate=cfg.rate, volume=cfg.volume, voice=cfg.voice,
                         wait=float(cfg.silence_timeout))
    if not persisted:
        return base, None
    from voice.config import user_state_dir
    from voice.speech_out.settings_store import load_voice_settings

    path = user_state_dir() / "voice-settings.json"
    stored = load_voice_settings(base, path)
    chosen = {
        name: getattr(base, name)
        for name, key in CHOSEN_BY_VOICE.items()
        if cfg.sources.get(key, "default") != "default"
    }
    return replace(stored, **chosen), path


def usual_voice_settings(cfg: Config, settings: VoiceSettings) -> VoiceSettings:
    """What "normal speed", "normal volume" and "back to normal" go back
    to: the settings file's rate, volume and voice (or the defaults),
    whatever was said since. A configured voice espeak-ng cannot use at all
    keeps the one in use (checked_voice has said why)."""
    voice = settings.voice
    if cfg.voice != voice:
        # Only then is espeak-ng asked (a subprocess, once a process): the
        # same voice needs no check, and `voice text --no-speak` starts
        # without it as before.
        from voice.speech_out.voices import voice_problem

        problem = voice_problem(cfg.voice)
        voice = cfg.voice if problem is None or not problem[1] else voice
    return replace(settings, rate=cfg.rate, volume=cfg.volume, voice=voice)


def add_output_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags every speaking command shares."""
    parser.add_argument("--no-speak", action="store_true", help="print only, do not speak")
    parser.add_argument(
        "--speak-to", metavar="DIR", type=Path,
        help="write each spoken reply as a numbered WAV file in DIR instead of playing it",
    )
    parser.add_argument("--rate", type=int, help="speech rate in words per minute")
    parser.add_argument("--volume", type=float, help="speech volume 0.0 to 1.0")
    parser.add_argument("--voice", help="espeak-ng voice, e.g. en-us")
    parser.add_argument("--output-device", help="part of the speaker's name")


def build_assistant(cfg: Config, args: argparse.Namespace, json_lines: bool = False,
                    persist: bool = True, forgiving: bool = False) -> Assistant:
    """The assistant for a command, with the speaker its flags ask for
    (``forgiving``: a content file with a mistake is left out, said, not fatal)."""
    matcher = load_matcher(cfg, forgiving=forgiving)
    no_speak = bool(getattr(args, "no_speak", False))
    speak_to = getattr(args, "speak_to", None)
    settings, path = voice_settings(cfg, persisted=persist and speak_to is None)
    speaker: Speaker | None = None
    if not no_speak:
        from voice.speech_out.factory import make_speaker
        from voice.speech_out.voices import checked_voice, where_set

        # A misspelt --voice was silently spoken in espeak-ng's default voice.
        settings = checked_voice(settings, lambda m: print(m, file=sys.stderr, flush=True),
                                 where=where_set(cfg.sources.get("voice", "default")))

        # The assistant prints every reply itself; the speaker only speaks.
        speaker = make_speaker(cfg, speak_to=speak_to, no_speak=False,
                               notify=lambda m: print(m, file=sys.stderr, flush=True),
                               echo=False)
        prepare = getattr(speaker, "prepare", None)
        if prepare is not None:
            # Start the synthesiser with the user's saved rate and voice now,
            # not on the first answer.
            prepare(settings)
    phrasings, phrasings_path = learned_phrasings(persisted=path is not None)
    conversation = Conversation(matcher.kb, matcher, settings, phrasings=phrasings,
                                usual=usual_voice_settings(cfg, settings))
    assistant = Assistant(conversation, speaker, json_lines=json_lines, settings_path=path,
                          phrasings_path=phrasings_path)
    # The files left out are watched too: once fixed they are read again.
    assistant.live = LiveUpdates(args, cfg, matcher)
    from voice.cli.shutdown import on_stop

    on_stop(assistant.stop_speaking)  # quitting or Ctrl-C silences it at once
    if cfg.problems:
        # Running with the usual values beats not running for someone who
        # cannot fix the file; the lines are for whoever can (`voice config`).
        for line in cfg.problems:
            print(f"voice: {line}", file=sys.stderr, flush=True)
        assistant.say(SETTINGS_SET_ASIDE)
        assistant.wait()  # heard in full, not cut short by the first answer
    if matcher.kb.problems:
        for line in matcher.kb.problems:
            print(f"voice: {line}", file=sys.stderr, flush=True)
        assistant.say(CONTENT_LEFT_OUT)
        assistant.wait()
    return assistant


#: Said at start when a content file was left out for a mistake.
CONTENT_LEFT_OUT = ("Some of my content has a mistake, so I have left that file out and "
                    "cannot answer from it until it is fixed. The line to fix is shown "
                    "by 'voice topics'.")
#: Said at start when a settings file has mistakes (config.load(forgiving=True)).
SETTINGS_SET_ASIDE = ("Some of my settings have a mistake, so I am using the usual values "
                      "for those. The lines to fix are shown by 'voice config'.")


def learned_phrasings(persisted: bool) -> tuple[PersonalPhrasings, Path | None]:
    """The user's learned ways of asking, kept beside the voice settings.

    A damaged file is set aside and reported in one line; the assistant goes on.
    """
    if not persisted:
        return PersonalPhrasings(), None
    from voice.conversation.personal_store import default_path, load_phrasings

    path = default_path()
    phrasings, problem = load_phrasings(path)
    if problem:
        print(f"voice: {problem}", file=sys.stderr, flush=True)
    return phrasings, path
