"""Hands-free listening with a wake phrase (``voice listen``).

Nothing said in the room is taken as a question unless it starts with the
wake phrase, or starts within a short window after a reply (follow-ups:
"yes" to "Did you mean ...?", "go on", "repeat that") or after the phrase
said on its own (then the rising tone, and a generous wait for a slow
speaker to begin). Speech not addressed to the assistant is dropped without
a word: the TV must not be answered, nor told that it was not understood.
Except an emergency: a short unaddressed cry ("help, I can't breathe") gets
the emergency advice (voice/speech_in/wake/unaddressed.py).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import Any

import numpy as np

from voice.audio.capture import Utterance
from voice.audio.clip import RECOGNIZER_RATE, AudioClip
from voice.speech_in.base import RecognitionStream, Recognizer, Transcript
from voice.speech_in.wake.engine import WakeDetector
from voice.speech_in.wake.said_again import without_leading_phrase
from voice.speech_in.wake.unaddressed import (
    UnaddressedAlarm,
    acted_on,
    heard_line,
    short_enough,
)
from voice.turn_failure import heard_or_nothing

NOT_ADDRESSED = "(not addressed to me: say '{phrase}' first)"
WAITING = "Say '{phrase}' when you want to ask me something."


class WakeTurn:
    """One utterance heard while waiting for the wake phrase.

    The recognizer is only started once the phrase is heard, and fed from
    the phrase's end, so it neither works for the TV nor hears the phrase
    as part of the question.
    """

    def __init__(self, recognizer: Recognizer, detector: WakeDetector,
                 on_wake: Callable[[], None] | None = None) -> None:
        self.recognizer = recognizer
        self.detector = detector
        #: Run when the phrase is heard, before the recognizer starts (listen:
        #: content changed while it waited primes the recognizer for this question).
        self.on_wake = on_wake
        detector.reset()
        self._audio: list[np.ndarray] = []
        self._length = 0
        #: What the recognizer was fed, for a question decoded again with its rest.
        self._fed: list[np.ndarray] = []
        self.stream: RecognitionStream | None = None

    @property
    def woke(self) -> bool:
        return self.stream is not None

    def on_audio(self, clip: AudioClip) -> None:
        if self.stream is not None:
            self.stream.feed(clip)
            self._fed.append(np.asarray(clip.samples, dtype=np.int16).reshape(-1))
            return
        pcm = np.asarray(clip.samples, dtype=np.int16).reshape(-1)
        self._audio.append(pcm)
        self._length += len(pcm)
        if self.detector.feed(pcm):
            # Heard ``after`` seconds after the phrase ended (PocketSphinx
            # confirms 0.3 s later; the network wakes as it ends), which is
            # where the question begins.
            start = max(0, self._length - int(self.detector.after * RECOGNIZER_RATE))
            rest = np.concatenate(self._audio)[start:]
            self._audio.clear()
            if self.on_wake is not None:
                self.on_wake()
            self.stream = self.recognizer.stream()
            self.stream.feed(AudioClip(rest, RECOGNIZER_RATE, 1))
            self._fed = [rest]

    def restart(self) -> None:
        # The microphone vanished mid-utterance: start over.
        self.detector.reset()
        self._audio.clear()
        self._length = 0
        self._fed = []
        self.stream = None

    def audio(self, utt: Utterance) -> AudioClip:
        """The audio the question was decoded from: from the wake phrase's end."""
        if not self._fed:
            return utt.clip
        return AudioClip(np.concatenate(self._fed), RECOGNIZER_RATE, 1)

    def transcript(self, utt: Utterance) -> Transcript:
        if self.stream is None:
            return Transcript("", self.recognizer.name)
        return self.stream.finish()


class CryCheck:
    """An unaddressed utterance decoded in the background for a cry of an
    emergency, while the microphone listens again at once: decoded in the
    loop, the microphone was closed for the decode (1.5-3 s on a Pi), and a
    wake phrase said in that time ("do you want to ask it?" - "okay nabu,
    ...") was lost (tests/test_alarm15_background.py)."""

    def __init__(self, alarm: UnaddressedAlarm, utt: Utterance) -> None:
        self.cry: Transcript | None = None
        #: Set when a cry was heard: it ends the listening under way.
        self.found = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(alarm, utt),
                                        name="cry-check", daemon=True)
        self._thread.start()

    def _run(self, alarm: UnaddressedAlarm, utt: Utterance) -> None:
        try:
            self.cry = alarm.heard(utt)
        except Exception as e:  # a failed decode must not end hands-free listening
            print(f"(could not check that for an emergency: {e})", file=sys.stderr,
                  flush=True)
        if self.cry is not None:
            self.found.set()

    def running(self) -> bool:
        return self._thread.is_alive()

    def wait(self) -> Transcript | None:
        """The cry heard, once the decode is done (the recognizer is used by
        one at a time: PocketSphinx's streams share its decoder)."""
        self._thread.join()
        return self.cry


def run_with_wake(session: Any, detector: WakeDetector, follow_up: float,
                  emergencies: bool = True) -> int:
    """The hands-free loop of ``voice listen`` with the wake phrase on.

    ``session`` is listen's session (microphone, recognizer, assistant, cues).
    ``emergencies``: a short unaddressed cry of an emergency is answered.
    """
    from voice.cli.commands.listen import _Turn

    assistant = session.assistant
    mic = session.mic
    # Said aloud (and printed) before the microphone opens: a user who cannot
    # see the screen learns how to be heard.
    session.tell(WAITING.format(phrase=detector.phrase))
    window = 0.0  # seconds in which speech needs no wake phrase; 0: it does
    alarm = UnaddressedAlarm(session.recognizer) if emergencies else None
    check: CryCheck | None = None
    # As the recognizer declares it (base.Recognizer.decodes_alongside; a
    # wrapper that does not say waits):
    # PocketSphinx and Vosk decode with one decoder for all, so a question
    # waits until the check is done with it (a fraction of a second).
    # Whisper's model takes one call at a time by itself (shared_model.py);
    # waiting for its decode (seconds on a Pi) closed the microphone
    # meanwhile and lost the question said after the phrase.
    must_wait = not getattr(session.recognizer, "decodes_alongside", False)

    def cry_heard(wait: bool) -> Transcript | None:
        """The cry the check heard once it is done (waiting for it when
        ``wait``); None while it runs or when it heard none."""
        nonlocal check
        if check is None:
            return None
        if wait:
            check.wait()
        if check.running():
            return None
        cry, check = check.cry, None
        return cry

    def woken() -> None:
        if check is not None and must_wait:
            check.wait()  # a cry it heard ends this listening (check.found)
        session.refresh()

    while not assistant.wants_exit:
        session.follow_wait()  # "give me more time" said since the last question
        if window > 0:
            cry = cry_heard(must_wait)
            if cry is not None:
                _answer_cry(session, cry)
                window = 0.0
                continue
            session.refresh()  # content changed since the last answer
            turn: Any = _Turn(session.recognizer)
            listening = replace(mic, start_timeout=window)
        else:
            turn = WakeTurn(session.recognizer, detector, on_wake=woken)
            listening = mic
        session.turn = turn
        utt = listening.listen_until_heard(stop=check.found if check is not None else None,
                                           on_event=session.on_event, on_audio=turn.on_audio)
        if check is not None and check.found.is_set():
            # Someone in distress forgets the phrase: the emergency advice
            # first, whatever was being said meanwhile.
            cry = cry_heard(True)
            if cry is not None:
                _answer_cry(session, cry)
            window = 0.0
            continue
        if utt is None:
            window = 0.0  # nobody spoke in the window: wait for the phrase again
            continue
        if window <= 0 and not turn.woke:
            print(NOT_ADDRESSED.format(phrase=detector.phrase), file=sys.stderr, flush=True)
            if alarm is not None and short_enough(utt, alarm.max_seconds):
                # One check at a time (a Pi has little CPU to spare): only
                # talk faster than the decodes waits here.
                cry = cry_heard(True)
                if cry is not None:
                    _answer_cry(session, cry)
                    continue
                check = CryCheck(alarm, utt)
            continue
        cry = cry_heard(must_wait)
        if cry is not None:  # the emergency first; the question can be asked again
            _answer_cry(session, cry)
            window = 0.0
            continue
        said = heard_or_nothing(partial(turn.transcript, utt), session.recognizer.name)
        # "okay nabu, okay nabu, what should I eat": the phrase said again
        # (or in a follow-up window) is not part of the question.
        heard = without_leading_phrase(said, detector.phrase)
        if (window <= 0 or heard is not said) and not heard.text.strip():
            # The phrase on its own: the rising tone, then a generous wait.
            session.cue("listening")
            window = mic.start_timeout
            continue
        session.cue("stopped", blocking=False)
        if utt.cut:
            session.tell(session.cut_message())
        else:
            # "... spasms and" then a pause: the rest is waited for (listen.py).
            heard = session.rest_of(utt, heard)
        assistant.handle_heard(heard)
        session.after_reply()
        if not assistant.wants_exit:
            session.cue("listening")
        window = follow_up
    assistant.wait()
    return 0


def _answer_cry(session: Any, cry: Transcript) -> None:
    """The emergency advice to a cry said without the wake phrase, then
    waiting for the phrase as before. The microphone is closed while it
    speaks (after_reply), so it never hears its own "call your local
    emergency number"."""
    print(heard_line(cry), file=sys.stderr, flush=True)
    session.cue("stopped", blocking=False)
    said = acted_on(cry)
    if said != cry.text:  # "help!" alone: not the help command here
        session.assistant.handle_text(said, transcript=cry.text, heard=True)
    else:
        session.assistant.handle_heard(cry)
    session.after_reply()
    if not session.assistant.wants_exit:
        session.cue("listening")
