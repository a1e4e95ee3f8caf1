"""Which engine hears the wake phrase, behind one small interface.

A phrase with a neural model ("okay nabu", "hey jarvis", "hey mycroft",
"alexa": voice/speech_in/wake/micro.py) is heard by it ("okay nabu"'s
eager spots confirmed by Whisper, confirm.py); any other phrase by
PocketSphinx keyword spotting confirmed by a language model (detector.py).
When the neural model cannot be used (package missing, a byte of the model
changed) the user is told in one line and PocketSphinx listens instead, for
the same phrase when its words are in its dictionary, else for the default
phrase, which the line names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal, Protocol

import numpy as np

from voice.errors import ModelMissing
from voice.speech_in.wake.micro import load_micro, micro_model_for

#: What PocketSphinx listens for when the neural model of a phrase it cannot
#: spot is unusable.
FALLBACK_PHRASE = "hey assistant"
FALLING_BACK = "{problem} Say '{phrase}' to wake me instead."


class WakeDetector(Protocol):
    """Feed 16 kHz mono int16 audio; True once the phrase was heard."""

    phrase: str
    after: float
    """Seconds between the end of the phrase and the moment :meth:`feed`
    says True (the question starts that far back)."""

    def feed(self, pcm: np.ndarray) -> bool: ...

    def reset(self) -> None: ...


def engine_for(phrase: str) -> Literal["micro", "pocketsphinx"]:
    """The engine that listens for ``phrase`` when everything is installed."""
    return "micro" if micro_model_for(phrase) else "pocketsphinx"


def load_wake_detector(phrase: str, kb: Any = None,
                       tell: Callable[[str], None] | None = None) -> WakeDetector:
    """The detector for ``phrase``; a neural model that cannot be used is
    ``tell``-ed in one line and PocketSphinx listens instead."""
    from voice.speech_in.wake.detector import wake_detector

    if engine_for(phrase) == "micro":
        from voice.speech_in.wake.confirm import load_confirmer

        try:
            # Spots confirmed by Whisper where measured ("okay nabu"); without
            # the Whisper model the network decides alone, as before.
            model = micro_model_for(phrase)
            confirmer = load_confirmer(model.phrase) if model else None
            return load_micro(phrase, confirmer=confirmer)
        except ModelMissing as e:
            fallback = phrase if spottable(phrase) else FALLBACK_PHRASE
            if tell is not None:
                tell(FALLING_BACK.format(problem=e.message, phrase=fallback))
            phrase = fallback
    return wake_detector(phrase, kb=kb)


def spottable(phrase: str) -> bool:
    """PocketSphinx's dictionary has every word of ``phrase``."""
    from voice.speech_in.wake.phrase import unknown_words

    return not unknown_words(phrase)
