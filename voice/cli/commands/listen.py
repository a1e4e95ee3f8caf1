"""`voice listen`: hands-free questions on the microphone, answered aloud.

Listen, recognise, answer, and listen again, until the user says goodbye.
Nothing needs a hand: the end of a question is found by the pause after it,
a rising tone says "I'm listening", a falling one "I heard you", and every
problem (no microphone, microphone unplugged) is said aloud with what to do.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from functools import partial
from typing import Any

import numpy as np

from voice.app import Assistant, add_output_arguments, build_assistant
from voice.audio.capture import EVENT_MESSAGES, Microphone, Utterance
from voice.audio.clip import RECOGNIZER_RATE, AudioClip
from voice.audio.devices import NO_MICROPHONE, find_input_device
from voice.cli.notices import recognizer_notices
from voice.cli.options import (
    add_microphone_arguments,
    add_recognizer_arguments,
    config_from_args,
)
from voice.config import Config
from voice.errors import ConfigInvalid
from voice.speech_in.base import RecognitionStream, Recognizer, Transcript
from voice.turn_failure import heard_or_nothing

NAME = "listen"
HELP = "listen on the microphone and answer spoken questions (hands-free)"
SPEAKS_ERRORS = True
ORDER = 20

READY = "Listening..."
STILL_WAITING = "I'm still listening. Ask your question whenever you are ready."
CUT_OFF = "That was a long question, so I stopped listening after {seconds} seconds."
NO_MIC_AT_START = NO_MICROPHONE + " I will keep trying."
MIC_AT_LAST = "I can hear the microphone now. Ask your question whenever you are ready."
STOPPED = "(stopped: I heard '{heard}') by the {how}"
MAYBE_EMERGENCY = "(also heard as '{heard}': said how to get the emergency advice)"
WAITING_FOR_REST = "(waiting for the rest of '{heard}')"
#: Pauses after "and" waited through in one question ("spasms and ... sleep
#: and ... pain"); then what was heard is answered.
MAX_RESTS = 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--once", action="store_true",
                        help="answer one question, then exit")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object per reply (with the transcript)")
    parser.add_argument("--no-wake", action="store_true",
                        help="answer everything heard, without the wake phrase")
    parser.add_argument("--no-barge-in", action="store_true",
                        help="do not listen for \"stop\" while an answer is read")
    add_recognizer_arguments(parser)
    add_microphone_arguments(parser, "question")
    add_output_arguments(parser)


class _Turn:
    """One question: recognition runs while the user is still speaking."""

    def __init__(self, recognizer: Recognizer) -> None:
        self.recognizer = recognizer
        self.stream: RecognitionStream | None = None

    def on_audio(self, clip: AudioClip) -> None:
        if self.stream is None:
            self.stream = self.recognizer.stream()
        self.stream.feed(clip)

    def restart(self) -> None:
        # The microphone vanished mid-question: what was fed is incomplete.
        self.stream = None

    def audio(self, utt: Utterance) -> AudioClip:
        """The audio the question was decoded from."""
        return utt.clip

    def transcript(self, utt: Utterance) -> Transcript:
        if self.stream is None:
            # Stopped before speech was detected: decode what there is.
            if not utt.clip.duration:
                return Transcript("", self.recognizer.name)
            return self.recognizer.transcribe(utt.clip)
        return self.stream.finish()


class _Session:
    """The hands-free loop: owns the microphone, recognizer and assistant."""

    def __init__(self, cfg: Config, args: argparse.Namespace, assistant: Assistant,
                 recognizer: Recognizer) -> None:
        self.cfg = cfg
        self.assistant = assistant
        self.recognizer = recognizer
        self.mic = Microphone.from_config(cfg)
        self.cues = not args.no_cues
        self.ever_listened = False
        self.speech_began: float | None = None
        self.warm_up_due = not args.once  # the sound index, at the first open microphone
        self.turn = _Turn(recognizer)
        self.barge: Any = None
        if (cfg.barge_in and not args.no_barge_in and not args.once
                and _speaks_aloud(assistant)):
            self.barge, problem = _barge_in(cfg, _whisper(recognizer))
            if problem:
                # Barge-in is on but cannot work: printed, and said once per start
                # (someone who cannot see the screen would wait for it in vain).
                from voice.cli.notices import aloud

                print(problem, file=sys.stderr, flush=True)
                assistant.speak(aloud(problem), assistant.conversation.settings)
                assistant.wait()  # said before the microphone opens

    def cue(self, name: str, blocking: bool = True) -> None:
        if self.cues and not self.assistant.asleep:
            from voice.audio.cues import play_cue

            # The microphone opens after "listening": not later than the cue's
            # own length, however long the speaker takes to wake (see play_cue).
            play_cue(name, device=self.cfg.output_device, blocking=blocking,
                     wait_at_most=name == "listening")

    def on_event(self, name: str) -> None:
        # How long the question was spoken, for the answer: nothing heard in
        # a long one is not met with "say it again" (LONG_SPEECH_SECONDS).
        if name == "speech-started":
            self.speech_began = time.monotonic()
        elif name == "speech-ended" and self.speech_began is not None:
            self.assistant.speech_seconds = time.monotonic() - self.speech_began
            self.speech_began = None
        if name == "listening":
            if self.warm_up_due:
                # After the start cue and the open microphone, never before them.
                self.warm_up_due = False
                _warm_up_sound_alike(self.assistant)
            self.ever_listened = True
            print(READY, file=sys.stderr, flush=True)
        elif name == "microphone-lost":
            self.turn.restart()
            self.cue("error")
            self.tell(EVENT_MESSAGES[name] if self.ever_listened else NO_MIC_AT_START)
        elif name == "microphone-back":
            self.tell(EVENT_MESSAGES[name] if self.ever_listened else MIC_AT_LAST)
            self.cue("listening")

    def tell(self, text: str) -> None:
        """Say a status message and let it finish before the microphone opens
        again, so the assistant never hears (and answers) itself."""
        self.assistant.say(text)
        self.assistant.wait()

    def refresh(self) -> None:
        """Content changed since the last answer: the recognizer follows it
        before the next question is heard (a few stat calls when nothing did)."""
        if self.assistant.live is not None:
            self.assistant.live.refresh(self.assistant)

    def follow_wait(self) -> None:
        """The next question ends on the pause the user chose by voice ("give
        me more time": voice/conversation/waiting.py), from the settings at
        first."""
        self.mic.silence_timeout = self.assistant.conversation.settings.wait

    def listen(self) -> Utterance | None:
        self.refresh()
        self.follow_wait()
        self.turn = _Turn(self.recognizer)
        return self.mic.listen_until_heard(on_event=self.on_event, on_audio=self.turn.on_audio)

    def answer(self, utt: Utterance | None) -> dict[str, Any]:
        heard = Transcript("", "")
        if utt is not None:
            heard = heard_or_nothing(partial(self.turn.transcript, utt), self.recognizer.name)
        if utt is not None and utt.cut:
            self.tell(self.cut_message())
        elif utt is not None:
            heard = self.rest_of(utt, heard)
        return self.assistant.handle_heard(heard, cut=utt is not None and utt.cut)

    def rest_of(self, utt: Utterance, heard: Transcript) -> Transcript:
        """``heard``, or, when it stops on "and", "or", "but", "because"...
        (unfinished.trails_off), it and the rest said within
        ``unfinished_wait`` seconds, decoded as one question.

        A slow speaker's "what helps with spasms and ... ... sleep" was split
        at the pause: the part heard was answered or offered, and "sleep" was
        a question of its own (docs/loose-ends.md, session 23). The rising
        tone says it still listens; nothing said in time: the part heard is
        answered as before. An emergency is never kept waiting."""
        from voice.conversation.unfinished import trails_off
        from voice.matching.emergency import is_emergency

        wait = float(self.cfg.unfinished_wait)
        audio = self.turn.audio(utt)
        for _ in range(MAX_RESTS):
            if wait <= 0 or not trails_off(heard.text) or is_emergency(heard.text):
                break
            print(WAITING_FOR_REST.format(heard=heard.text), file=sys.stderr, flush=True)
            self.cue("listening")
            rest = replace(self.mic, start_timeout=wait).listen_until_heard(
                on_event=self.on_event)
            if rest is None:
                break
            self.cue("stopped", blocking=False)
            audio = AudioClip(np.concatenate([audio.to_mono().samples.reshape(-1),
                                              rest.clip.to_mono().samples.reshape(-1)]),
                              RECOGNIZER_RATE, 1)
            both = self.recognizer.transcribe(audio)
            if not both.text.strip():
                break
            heard = both
        return heard

    def cut_message(self) -> str:
        return CUT_OFF.format(seconds=round(self.mic.max_utterance))

    def after_reply(self) -> str | None:
        """Until the reply has been said. Never listen for a question while
        talking (the microphone would hear the answer); with barge-in, only
        for "stop" or the wake phrase, with the assistant's own voice taken
        out. Returns "stop"/"wake"/"pause"/"emergency" when that stopped the answer."""
        if self.barge is None:
            self.assistant.wait()
            return None
        heard = self.barge.watch(self.assistant)
        self.assistant.wait()
        if heard is not None:
            print(STOPPED.format(heard=heard, how=self.barge.taken_by), file=sys.stderr,
                  flush=True)
        if heard == "stop" and self.barge.maybe_emergency:
            # "stop", also read as an emergency by the emergency prompt's
            # decode alone (barge_in.STOP_OR_EMERGENCY): the way to the
            # advice in one line, not the advice read to someone who said stop.
            from voice.conversation.phrases import STOPPED_MAYBE_EMERGENCY

            print(MAYBE_EMERGENCY.format(heard=self.barge.maybe_emergency), file=sys.stderr,
                  flush=True)
            self.tell(STOPPED_MAYBE_EMERGENCY)
        if heard in ("pause", "emergency"):
            # "wait" / "hold on" over the answer: stopped with its unread
            # parts kept, and said so, as a typed "wait" is ("Say 'go on'...").
            # Words of an emergency ("help, I can't breathe"): the answer
            # stopped, the emergency advice said now, not after it.
            said = self.barge.order_text
            self.assistant.handle_text(said, transcript=said, heard=True)
            self.assistant.wait()
        return heard


def _whisper(recognizer: Recognizer) -> Any:
    """Whisper for hearing "stop" over an answer: the session's recognizer
    when it is Whisper, else loaded now; None (said on stderr) when its
    model is not installed (the stop-word model may still hear "stop")."""
    from voice.speech_in.whisper import WhisperRecognizer

    if isinstance(recognizer, WhisperRecognizer):
        return recognizer
    from voice.config import default_models_dir
    from voice.errors import ModelMissing
    from voice.speech_in.whisper.model_files import model_folder

    try:
        return WhisperRecognizer(model_folder(default_models_dir()))
    except ModelMissing as e:
        print(f"{e.message} Without it, saying 'stop' over an answer is heard by the "
              "stop-word model only.", file=sys.stderr, flush=True)
        return None


def _speaks_aloud(assistant: Assistant) -> bool:
    """Answers are played on a speaker (not printed, not written to files)."""
    from voice.speech_out.tts_speaker import TtsSpeaker

    return isinstance(assistant.speaker, TtsSpeaker)


#: Said when barge-in is on but nothing can hear "stop" (then answers play to their end).
NO_BARGE_IN = ("Saying 'stop' will not stop my answers: {why} To repair it, run "
               "scripts/install.sh.")


def _barge_in(cfg: Config, whisper: Any) -> tuple[Any, str]:
    """Barge-in for this session (the stop-word model and/or Whisper hear
    "stop"), or None and why it cannot work, to be said."""
    from voice.audio.barge_in import BargeIn
    from voice.audio.echo import EchoUnavailable, SpeexEchoCanceller
    from voice.speech_in.wake.quick_stop import load_quick_stop
    from voice.speech_in.wake.stop_word import REPAIR, load_stop_spotter

    try:
        SpeexEchoCanceller().close()
    except EchoUnavailable as e:
        return None, NO_BARGE_IN.format(why=f"{e}.")
    spotter, problem = load_stop_spotter(check=cfg.stop_check)
    if spotter is None and whisper is None:
        print(problem, file=sys.stderr, flush=True)
        return None, NO_BARGE_IN.format(why="the Whisper speech model and the 'stop' word "
                                            "model are missing or damaged.")
    if problem:
        # A damaged file is refused in one line; Whisper still hears "stop".
        print(f"{problem} Saying 'stop' still stops an answer, a little later. {REPAIR}",
              file=sys.stderr, flush=True)
    wake = cfg.wake_phrase if cfg.wake_word and whisper is not None else ""
    quick = load_quick_stop(whisper.model_dir) if whisper is not None else None
    # A second copy hears what it plays: its own voice that sounds like "stop".
    own = load_stop_spotter(check=cfg.stop_check)[0] if spotter is not None else None
    return BargeIn(whisper, device=cfg.input_device, wake_phrase=wake, quick=quick,
                   spotter=spotter, own_spotter=own), ""


def _load_recognizer(cfg: Config, assistant: Assistant) -> Recognizer:
    from voice.speech_in.select import load_recognizer_or_usual

    announce, warn = recognizer_notices(
        assistant, lambda line: print(line, file=sys.stderr, flush=True), cfg.model)
    # The assistant has the content loaded already; the recognizer adapts to it.
    recognizer = load_recognizer_or_usual(cfg, announce, kb=assistant.conversation.kb,
                                          warn=warn, learn=True)
    if assistant.live is not None:
        assistant.live.follow(recognizer)  # changed content primes it too
    # Finished before the microphone opens, so it is not heard (and answered).
    assistant.wait()
    return recognizer


#: Said when the wake phrase in the settings cannot be listened for.
WAKE_PHRASE_UNUSABLE = ("The wake phrase in the settings cannot be used: {problem}. "
                        "Until it is changed, say '{phrase}' to wake me.")


def run(args: argparse.Namespace) -> int:
    cfg = config_from_args(args, forgiving=True)  # a mistake in a file must not stop it
    if args.once:
        # Fail fast, before the slow recognizer load: one-shot use is scripted,
        # and main() turns MicrophoneUnavailable into one clear line, exit 2.
        find_input_device(cfg.input_device)
    assistant = build_assistant(cfg, args, json_lines=args.json, persist=not args.once,
                                forgiving=True)
    session = _Session(cfg, args, assistant, _load_recognizer(cfg, assistant))
    if args.once:
        return _once(session)
    if cfg.wake_word and not args.no_wake:
        from voice.speech_in.wake.engine import load_wake_detector
        from voice.speech_in.wake.listening import run_with_wake

        # The neural model for its phrase ("okay nabu"), else PocketSphinx
        # confirmed by its language model, not Whisper: Whisper tiny.en heard
        # espeak-ng's "hey assistant" as "hey that's it" (benchmark_wake.py).
        # An unusable model is said in one line, and PocketSphinx listens.
        try:
            detector = load_wake_detector(cfg.wake_phrase, kb=assistant.conversation.kb,
                                          tell=session.tell)
        except ConfigInvalid as e:
            # A wake phrase set on the caregiver's page with a word PocketSphinx
            # lacks ("hey robbie") stopped the assistant (on a Pi: the error
            # said every few seconds); the usual phrase still lets the user in.
            session.tell(WAKE_PHRASE_UNUSABLE.format(problem=e.message,
                                                     phrase=Config.wake_phrase))
            detector = load_wake_detector(Config.wake_phrase, kb=assistant.conversation.kb,
                                          tell=session.tell)
        session.cue("listening")
        return run_with_wake(session, detector, cfg.follow_up,
                             emergencies=cfg.unaddressed_emergencies)
    waited_before = False
    session.cue("listening")
    while not assistant.wants_exit:
        utt = session.listen()
        if utt is None:
            # Nobody spoke: keep listening quietly. A word the first time tells
            # the user it is still on; repeating it would only nag.
            if not waited_before:
                waited_before = True
                session.tell(STILL_WAITING)
            continue
        session.cue("stopped", blocking=False)
        session.answer(utt)
        # Never listen for a question while talking: only for "stop".
        session.after_reply()
        if not assistant.wants_exit:
            session.cue("listening")
    assistant.wait()
    return 0


def _warm_up_sound_alike(assistant: Assistant) -> None:
    """The first doubtful spoken question would wait for the sound index (24
    ms, median of 5, loaded machine; 191 ms before the compact dictionary:
    docs/loose-ends.md): build it in the background now, while the user begins."""
    from voice.matching.sound_alike import warm_up

    warm_up(assistant.conversation.matcher)


def _once(session: _Session) -> int:
    """One question; exactly one JSON object (or reply) printed, exit 0 even
    when nothing was heard (the reply then says so)."""
    if session.cues:
        session.cue("listening")
    # No waiting for a microphone that vanishes: see run().
    session.turn = _Turn(session.recognizer)
    utt = session.mic.listen(on_event=session.on_event, on_audio=session.turn.on_audio)
    if utt is not None:
        session.cue("stopped", blocking=False)
    session.answer(utt)
    session.assistant.wait()
    return 0
