"""A quick first look for "stop": Whisper on the stretch alone, not 30 s.

Whisper encodes a 30 s window however short the audio: 0.4 s on an idle
machine, 0.9 s on this loaded one, for a one-second "stop". Encoding only
the stretch plus 1 s of silence takes 20-70 ms here, but tiny.en was trained
on 30 s windows and then repeats itself ("Stop. Stop. Stop.") or mishears
(real people's "stop" as "start", "star", "D U D": 7 of 10 heard as stop,
espeak-ng's 5 of 5; the assistant's own words came out as its own words).
So it only ever says yes: a stretch it hears as nothing but "stop", surely
enough, stops the answer at once; anything else goes on to the full decode
(voice/audio/barge_in.py), which has the last word.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import numpy as np

from voice.speech_in.whisper.decoder import WindowDecoder

#: Taken only at or above this avg_logprob: real "stop"s heard right scored
#: -0.21 to -0.80; the assistant's own fragments -0.31 to -1.33.
SURE_LOGPROB = -0.9
#: Silence after the stretch, as the full window would have.
PAD_SECONDS = 1.0

_WORD = re.compile(r"[a-z']+")


class QuickStop:
    """A second copy of the Whisper model (the recognizer's own is private to
    it) that decodes short stretches with a short encoding."""

    def __init__(self, model_dir: Path, cpu_threads: int = 2) -> None:
        os.environ["HF_HUB_OFFLINE"] = "1"  # before the import: never the network
        from faster_whisper import WhisperModel

        self._model = WhisperModel(str(model_dir), device="cpu", compute_type="int8",
                                   cpu_threads=cpu_threads, num_workers=1,
                                   local_files_only=True)
        self._decoder = WindowDecoder(self._model)

    def text(self, speech: np.ndarray) -> tuple[str, float]:
        """What it heard in 16 kHz int16 ``speech``, and its avg_logprob."""
        audio = np.concatenate([speech.astype(np.float32) / 32768.0,
                                np.zeros(int(PAD_SECONDS * 16000), dtype=np.float32)])
        features = self._model.feature_extractor(audio)
        encoded = self._model.encode(features[:, : features.shape[-1] - 1])
        segment = self._decoder.generate(encoded, 0, [])
        return segment.text, segment.avg_logprob

    def heard_stop(self, speech: np.ndarray) -> bool:
        text, logprob = self.text(speech)
        return is_only_stop(text) and logprob >= SURE_LOGPROB


def is_only_stop(text: str) -> bool:
    """Nothing but "stop", however often ("Stop. Stop. Stop" is its loop)."""
    words = _WORD.findall(text.lower())
    return bool(words) and set(words) == {"stop"}


def load_quick_stop(model_dir: Path) -> Any:
    """A QuickStop, or None when the model cannot be loaded (the full decode
    still hears "stop", only later)."""
    from voice.speech_in.whisper.model_files import model_problem

    if model_problem(model_dir):  # the bytes are checked at every load
        return None
    try:
        return QuickStop(model_dir)
    except Exception:  # CTranslate2's own errors: fall back to the full decode
        return None
