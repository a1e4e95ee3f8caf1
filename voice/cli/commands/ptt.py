"""``voice ptt``: push to talk, with the Pi's big button or the keyboard.

With ``--gpio PIN`` (or ``[ptt] button_pin``) the button on that GPIO pin is
used; without it, or when this is not a Raspberry Pi, the keyboard is (space
or Enter). ``GPIOZERO_PIN_FACTORY=mock`` gives gpiozero's mock pins, so the
real command can be tried and tested on any computer.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from voice.app import add_output_arguments, build_assistant
from voice.audio.clip import AudioClip
from voice.cli.notices import recognizer_notices
from voice.cli.options import (
    add_microphone_arguments,
    add_recognizer_arguments,
    config_from_args,
    seconds,
)
from voice.config import Config
from voice.content.model import KnowledgeBase
from voice.devices.gestures import GestureTiming, Mode
from voice.errors import DeviceUnavailable
from voice.speech_in.base import RecognitionStream, Recognizer, Transcript

NAME = "ptt"
HELP = "push to talk: press the button (or space) to ask, press again or pause to finish"
SPEAKS_ERRORS = True
ORDER = 30


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gpio", type=int, metavar="PIN",
                        help="GPIO number of the button, wired to GND (e.g. 17)")
    parser.add_argument("--led", type=int, metavar="PIN",
                        help="GPIO number of the status light (e.g. 27)")
    parser.add_argument("--pwm-led", action="store_true", default=None,
                        help="the light can be dimmed (PWM): pulse while speaking")
    parser.add_argument("--mode", choices=("hold", "toggle"),
                        help="toggle: press to start and to stop (default); hold: talk while held")
    parser.add_argument("--long-press", type=seconds, metavar="S",
                        help="holding this long stops the speech (toggle mode; default 1.5)")
    parser.add_argument("--double-press", type=seconds, metavar="S",
                        help="two presses within this time repeat the answer (default 0.6)")
    add_recognizer_arguments(parser)
    # The same microphone settings as listen, read by Microphone.from_config.
    # In hold mode the release ends the question, so --silence-timeout only
    # applies to toggle mode; --start-timeout still applies while the button
    # is held, so a hand resting on the button cannot leave the microphone
    # open for good (see voice.devices.session.NOTHING_HEARD_HELD).
    add_microphone_arguments(parser, "question", silence_note=" in toggle mode")
    add_output_arguments(parser)


def _note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    cfg = config_from_args(args, forgiving=True)  # a mistake in a file must not stop it
    timing = GestureTiming(long_press=cfg.long_press, double_press=cfg.double_press)

    from voice.audio.capture import Microphone
    from voice.devices.session import PushToTalkSession
    from voice.speech_in.select import load_recognizer_or_usual

    assistant = build_assistant(cfg, args, forgiving=True)

    # The "voice models download" hint is said once per user here, as before;
    # routine lines are printed only (see recognizer_notices).
    announce, warn = recognizer_notices(assistant, _note, cfg.model, models_hint=True)
    recognizer = load_recognizer_or_usual(cfg, announce=announce,
                                          kb=assistant.conversation.kb, warn=warn, learn=True)
    if assistant.live is not None:
        assistant.live.follow(recognizer)  # changed content primes it too
    from voice.matching.sound_alike import warm_up

    # In the background: the first doubtful spoken question need not wait
    # for the CMU dictionary.
    warm_up(assistant.conversation.matcher)
    mic = Microphone.from_config(cfg)
    # Whisper decodes whole utterances (~0.5 s here, more on a Pi): fed as the
    # question is spoken, it starts at the first pause, so the answer is
    # usually ready when the silence timeout ends instead of ~0.5 s after.
    streamed = _DecodedWhileListening(recognizer) if recognizer.name == "whisper" else None

    def listen(stop: Any, on_event: Any, end_on_silence: bool) -> Any:
        def status(name: str) -> None:
            if name == "listening":
                # The microphone is open now: the moment to speak (for the log too).
                _note("listening...")
            on_event(name)

        # Toggle mode ends on quiet: the pause the user chose by voice ("give
        # me more time": voice/conversation/waiting.py).
        mic.silence_timeout = assistant.conversation.settings.wait
        if streamed is not None:
            return streamed.listen(mic, stop, status, end_on_silence)
        return mic.listen(stop, status, end_on_silence=end_on_silence)

    cue = None
    if not args.no_cues:
        from voice.audio.cues import play_cue

        def cue(name: str) -> object:
            # Not held up by a speaker waking from standby: the microphone
            # opens after the "listening" cue (see play_cue).
            return play_cue(name, cfg.output_device, wait_at_most=name == "listening")

    def heard(transcript: Transcript) -> None:
        # For the journal and for a caregiver watching: what was understood.
        _note(f"heard: {transcript.text or '(nothing)'}")

    def before_listening() -> None:
        if assistant.live is not None:
            # Content changed since the last answer (a page added on the
            # caregiver's page): the recognizer follows it before this
            # question is heard, not after (a few stat calls when nothing did).
            assistant.live.refresh(assistant)

    session = PushToTalkSession(assistant, listen, streamed or recognizer, cue=cue,
                                on_transcript=heard, before_listening=before_listening)
    button, light, messages = _open_devices(cfg, args, session, timing)
    session.button = button
    session.hold = getattr(button, "mode", "toggle") == "hold"
    session.light = light
    interrupted = False
    try:
        for message in messages:
            assistant.say(message)
        session.run()
    except KeyboardInterrupt:
        interrupted = True
        raise
    finally:
        button.close()
        if light is not None:
            light.close()
        if interrupted or (getattr(button, "tty", False) and not assistant.wants_exit):
            # q at a terminal, or Ctrl-C: the user wants out now, not after
            # the answer (waiting for it kept q waiting 13 s).
            assistant.stop_speaking()
        else:
            # A spoken "Goodbye.", or piped input that ended: said in full.
            assistant.wait()
    return 0


class _DecodedWhileListening:
    """The recognizer for the push-to-talk session: ``transcribe(clip)`` of the
    utterance ``listen`` just recorded finishes the stream fed while it was
    spoken; any other clip is decoded as a whole."""

    def __init__(self, recognizer: Recognizer) -> None:
        self.recognizer = recognizer
        self.name = recognizer.name
        self._latest: tuple[AudioClip, RecognitionStream] | None = None

    def listen(self, mic: Any, stop: Any, on_event: Any, end_on_silence: bool) -> Any:
        stream = self.recognizer.stream()
        fed: list[bool] = []

        def on_audio(clip: AudioClip) -> None:
            fed.append(True)
            stream.feed(clip)

        self._latest = None
        utt = mic.listen(stop, on_event, on_audio=on_audio, end_on_silence=end_on_silence)
        if utt is not None and fed:
            self._latest = (utt.clip, stream)
        return utt

    def stream(self) -> RecognitionStream:
        return self.recognizer.stream()

    def transcribe(self, clip: AudioClip) -> Transcript:
        latest, self._latest = self._latest, None
        if latest is not None and latest[0] is clip:
            return latest[1].finish()
        return self.recognizer.transcribe(clip)

    def use_content(self, kb: KnowledgeBase | None) -> None:
        self.recognizer.use_content(kb)


def _open_devices(cfg: Config, args: argparse.Namespace, session: Any,
                  timing: GestureTiming) -> tuple[Any, Any, list[str]]:
    """The button (or keyboard), the light (or None), and what to say first."""
    from voice.devices.keyboard import HOLD_ON_KEYBOARD_MESSAGE, KeyboardButton, keyboard_help
    from voice.devices.push_to_talk import PushToTalk, default_pin_factory

    messages: list[str] = []
    factory = None
    if cfg.button_pin is not None or cfg.led_pin is not None:
        try:
            factory = default_pin_factory()
        except DeviceUnavailable as e:
            messages.append(e.message)
    light = None
    if factory is not None and cfg.led_pin is not None:
        from voice.devices.led import StatusLed

        try:
            light = StatusLed(cfg.led_pin, pwm=cfg.pwm_led, pin_factory=factory)
        except DeviceUnavailable as e:
            # A missing light must not stop the assistant: say so, carry on.
            messages.append(e.message)
    if factory is not None and cfg.button_pin is not None:
        mode: Mode = "hold" if cfg.mode == "hold" else "toggle"
        button = PushToTalk(cfg.button_pin, session.post, mode=mode, timing=timing,
                            pin_factory=factory)
        if mode == "hold":
            greeting = ("Hold the button while you ask your question. "
                        "Tap it to stop me talking; tap twice to hear the answer again.")
        else:
            greeting = ("Press the button and ask your question. Press again when you are done, "
                        "or just stop talking. Hold it to stop me talking; "
                        "press twice to hear the answer again.")
        return button, light, [*messages, greeting]
    keyboard = KeyboardButton(session.post, sys.stdin, timing=timing)
    greeting = keyboard_help(keyboard.tty)
    if cfg.mode == "hold":
        greeting = f"{HOLD_ON_KEYBOARD_MESSAGE} {greeting}"
    return keyboard, light, [*messages, greeting]
