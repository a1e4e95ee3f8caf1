"""The push-to-talk loop: button events -> microphone -> recognizer -> assistant.

Everything is passed in (the assistant, a listen function, the recognizer,
the button, the light), so the loop runs the same with the Pi's button, the
keyboard, a test's MockFactory pin, and with or without a status LED.

Threads: the button (or keyboard) and the microphone each put what happens on
one queue; the loop in ``run`` handles it all in order on the caller's
thread, so the assistant is never driven from two threads at once.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol

from voice.devices.gestures import ButtonEvent
from voice.errors import VoiceError
from voice.speech_in.base import Transcript
from voice.turn_failure import heard_or_nothing

NOTHING_HEARD = "I didn't hear a question. Press the button when you are ready, and ask again."
#: Hold mode, nobody spoke within the start timeout: the button is still down
#: (a release would have ended the capture first), so "press" would not do.
NOTHING_HEARD_HELD = ("I didn't hear a question. Let go of the button, and hold it again "
                      "when you are ready to ask.")
NOT_CAUGHT = "Sorry, I didn't catch that. Press the button and try again."
TRY_AGAIN = "Then press the button to ask again."
CUT_OFF = "That was a long question, so I stopped listening after {seconds:.0f} seconds."
#: How long the light shows "error" after something went wrong (seconds).
ERROR_SHOWN_FOR = 5.0


class AssistantLike(Protocol):
    """What the loop needs from ``voice.app.Assistant``."""

    wants_exit: bool

    def handle_heard(self, heard: Transcript, source: str | None = None,
                     cut: bool = False) -> dict[str, Any]: ...

    def say(self, text: str) -> None: ...

    def stop_speaking(self, forget_parts: bool = True) -> None: ...

    def repeat_last(self) -> None: ...


class RecognizerLike(Protocol):
    def transcribe(self, clip: Any) -> Transcript: ...


class ButtonLike(Protocol):
    def listening_ended(self) -> None: ...


class LightLike(Protocol):
    def show(self, state: Any) -> None: ...


#: listen(stop, on_event, end_on_silence) -> voice.audio.capture.Utterance or None.
ListenFn = Callable[[threading.Event, Callable[[str], None], bool], Any]


@dataclass
class _Capture:
    """One listening turn running on its own thread."""

    stop: threading.Event
    """Set to end the capture (button released / pressed again)."""
    cancelled: bool = False
    """True when its audio is to be thrown away (a tap in hold mode, quitting)."""


@dataclass(frozen=True)
class _Heard:
    """What a capture thread returns to the loop."""

    capture: _Capture
    utterance: Any = None
    """voice.audio.capture.Utterance, or None when nobody spoke in time."""
    error: VoiceError | None = None


class PushToTalkSession:
    """Runs until the input ends, the user says goodbye, or ``close()``."""

    def __init__(
        self,
        assistant: AssistantLike,
        listen: ListenFn,
        recognizer: RecognizerLike,
        *,
        hold: bool = False,
        light: LightLike | None = None,
        cue: Callable[[str], object] | None = None,
        on_transcript: Callable[[Transcript], None] | None = None,
        clock: Callable[[], float] | None = None,
        before_listening: Callable[[], None] | None = None,
    ) -> None:
        import time

        self.assistant = assistant
        self.listen = listen
        self.recognizer = recognizer
        #: Hold mode: the release ends the question, not silence.
        self.hold = hold
        self.light = light
        self.cue = cue
        self.on_transcript = on_transcript
        #: Run at each press, before the microphone opens (``voice ptt``:
        #: content changed since the last answer primes the recognizer now).
        self.before_listening = before_listening
        self.button: ButtonLike | None = None
        self.events: queue.Queue[ButtonEvent | _Heard | None] = queue.Queue()
        self._clock = clock or time.monotonic
        self._capture: _Capture | None = None
        self._error_until = 0.0
        self._thinking = False

    def post(self, event: ButtonEvent) -> None:
        """The button's callback: thread-safe, returns at once."""
        self.events.put(event)

    def close(self) -> None:
        self.events.put(None)

    def run(self) -> None:
        self._show()
        while not self.assistant.wants_exit:
            try:
                item = self.events.get(timeout=0.2)
            except queue.Empty:
                self._show()
                continue
            if item is None or (isinstance(item, ButtonEvent) and item.name == "quit"):
                break
            if isinstance(item, _Heard):
                self._heard(item)
            else:
                self._button(item)
            self._show()
        self._stop_capture(cancel=True)

    # -- handlers ---------------------------------------------------------

    def _button(self, event: ButtonEvent) -> None:
        name = event.name
        if name == "start_listening":
            self._start_capture()
        elif name == "stop_listening":
            self._stop_capture(cancel=False)
        elif name == "cancel_listening":
            self._stop_capture(cancel=True)
            self.assistant.stop_speaking()
        elif name == "stop_speaking":
            self.assistant.stop_speaking()
        elif name == "repeat":
            self.assistant.repeat_last()

    def _start_capture(self) -> None:
        if self._capture is not None:
            return
        # The microphone would hear the assistant, and the user wants the floor
        # (to answer "Shall I go on?", perhaps: the unread parts stay).
        self.assistant.stop_speaking(forget_parts=False)
        self._error_until = 0.0
        if self.light is not None:
            self.light.show("listening")
        if self.before_listening is not None:
            # Here, on the loop's thread, never beside the assistant's use
            # elsewhere; before the cue, so no word said after it is lost.
            self.before_listening()
        if self.cue is not None:
            self.cue("listening")
        capture = _Capture(threading.Event())
        self._capture = capture
        threading.Thread(target=self._listen, args=(capture,), name="ptt-listen",
                         daemon=True).start()

    def _listen(self, capture: _Capture) -> None:
        try:
            utterance = self.listen(capture.stop, lambda _name: None, not self.hold)
            heard = _Heard(capture, utterance)
        except VoiceError as e:
            heard = _Heard(capture, error=e)
        except Exception as e:  # never leave the loop waiting for a dead thread
            heard = _Heard(capture, error=VoiceError(
                f"Listening failed ({type(e).__name__}). Press the button to try again."))
        # Before the result is queued, so the very next press starts a new turn.
        if self.button is not None:
            self.button.listening_ended()
        self.events.put(heard)

    def _stop_capture(self, cancel: bool) -> None:
        capture = self._capture
        if capture is None:
            return
        capture.cancelled = capture.cancelled or cancel
        capture.stop.set()

    def _heard(self, heard: _Heard) -> None:
        if heard.capture is self._capture:
            self._capture = None
        if heard.capture.cancelled:
            return
        if self.cue is not None:
            self.cue("stopped")
        if heard.error is not None:
            self._error(f"{heard.error.message} {TRY_AGAIN}")
            return
        utt = heard.utterance
        if utt is None:
            # The start timeout ran out.
            self.assistant.say(NOTHING_HEARD_HELD if self.hold else NOTHING_HEARD)
            return
        if not getattr(utt, "heard_speech", True):
            self.assistant.say(NOTHING_HEARD)
            return
        self._thinking = True
        self._show()
        try:
            transcript = heard_or_nothing(partial(self.recognizer.transcribe, utt.clip),
                                          getattr(self.recognizer, "name", ""))
        except VoiceError as e:
            self._error(e.message)
            return
        finally:
            self._thinking = False
        if self.on_transcript is not None:
            self.on_transcript(transcript)
        if not transcript.text.strip():
            self.assistant.say(NOT_CAUGHT)
            return
        if getattr(utt, "cut", False):
            # The limit counts from the start of speech, not of listening:
            # "after 32 seconds" for a 30-second limit would puzzle anyone.
            speech = utt.listened - (getattr(utt, "speech_start", None) or 0.0)
            self.assistant.say(CUT_OFF.format(seconds=speech))
            # What it asked may be in the part not heard: offered, not answered.
            self.assistant.handle_heard(transcript, cut=True)
            return
        self.assistant.handle_heard(transcript)

    def _error(self, message: str) -> None:
        self._error_until = self._clock() + ERROR_SHOWN_FOR
        if self.cue is not None:
            self.cue("error")
        self.assistant.say(message)

    def _show(self) -> None:
        if self.light is None:
            return
        if self._capture is not None:
            state = "listening"
        elif self._thinking:
            state = "thinking"
        elif getattr(self.assistant, "speaking", False):
            state = "speaking"
        elif self._clock() < self._error_until:
            state = "error"
        else:
            state = "asleep"
        self.light.show(state)
