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
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np

from voice.audio.capture import Utterance
from voice.audio.clip import RECOGNIZER_RATE, AudioClip
from voice.speech_in.base import RecognitionStream, Recognizer, Transcript
from voice.speech_in.wake.engine import WakeDetector
from voice.speech_in.wake.said_again import without_leading_phrase
from voice.speech_in.wake.unaddressed import UnaddressedAlarm, heard_line

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
        self.stream: RecognitionStream | None = None

    @property
    def woke(self) -> bool:
        return self.stream is not None

    def on_audio(self, clip: AudioClip) -> None:
        if self.stream is not None:
            self.stream.feed(clip)
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

    def restart(self) -> None:
        # The microphone vanished mid-utterance: start over.
        self.detector.reset()
        self._audio.clear()
        self._length = 0
        self.stream = None

    def transcript(self, utt: Utterance) -> Transcript:
        if self.stream is None:
            return Transcript("", self.recognizer.name)
        return self.stream.finish()


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
    while not assistant.wants_exit:
        if window > 0:
            session.refresh()  # content changed since the last answer
            turn: Any = _Turn(session.recognizer)
            listening = replace(mic, start_timeout=window)
        else:
            turn = WakeTurn(session.recognizer, detector, on_wake=session.refresh)
            listening = mic
        session.turn = turn
        utt = listening.listen_until_heard(on_event=session.on_event, on_audio=turn.on_audio)
        if utt is None:
            window = 0.0  # nobody spoke in the window: wait for the phrase again
            continue
        if window <= 0 and not turn.woke:
            cry = alarm.heard(utt) if alarm is not None else None
            if cry is None:
                print(NOT_ADDRESSED.format(phrase=detector.phrase), file=sys.stderr,
                      flush=True)
                continue
            # Someone in distress forgets the phrase: the emergency advice,
            # then waiting for the phrase as before. The microphone is
            # closed while it speaks (after_reply), so it never hears its
            # own "call your local emergency number".
            print(heard_line(cry), file=sys.stderr, flush=True)
            session.cue("stopped", blocking=False)
            assistant.handle_heard(cry)
            session.after_reply()
            if not assistant.wants_exit:
                session.cue("listening")
            continue
        said = turn.transcript(utt)
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
        assistant.handle_heard(heard)
        session.after_reply()
        if not assistant.wants_exit:
            session.cue("listening")
        window = follow_up
    assistant.wait()
    return 0
