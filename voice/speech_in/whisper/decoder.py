"""Decode audio with faster-whisper one 30-second window at a time.

faster-whisper's ``transcribe(word_timestamps=True)`` moves on to the end of
the last word it found and decodes again from there, so a 2 s question cost
two or three full 30 s windows (measured: 2-4 decodes per clip, 1.5-3.6 s on
this loaded machine instead of ~0.6 s), and the extra windows are where
"you" and "." were invented. Here each window of audio is encoded once,
decoded greedily once (beam 1, no timestamps) with the content prompt, and
its tokens are aligned once to get each word's probability, with the same
faster-whisper building blocks ``transcribe`` uses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

#: Audio samples per Whisper window (30 s at 16 kHz).
WINDOW = 30 * 16000


@dataclass(frozen=True)
class Word:
    word: str
    probability: float


@dataclass(frozen=True)
class Segment:
    """What one window gave, with the figures the guard judges it by."""

    text: str
    no_speech_prob: float
    avg_logprob: float
    compression_ratio: float
    words: tuple[Word, ...]


class WindowDecoder:
    """Greedy, single-pass decoding of a loaded ``faster_whisper.WhisperModel``."""

    def __init__(self, model: Any) -> None:
        from faster_whisper.tokenizer import Tokenizer
        from faster_whisper.transcribe import get_suppressed_tokens

        self._model = model
        self._tokenizer = Tokenizer(model.hf_tokenizer, model.model.is_multilingual,
                                    task="transcribe", language="en")
        self._suppress = list(get_suppressed_tokens(self._tokenizer, (-1,)) or ())
        self._prompt_tokens: list[int] = []

    def count_tokens(self, text: str) -> int:
        return len(self._tokenizer.encode(text))

    def set_prompt(self, prompt: str) -> None:
        self._prompt_tokens = self._tokenizer.encode(" " + prompt.strip()) if prompt else []

    def decode(self, audio: np.ndarray) -> list[Segment]:
        """``audio``: 16 kHz mono float32 in -1..1; one Segment per 30 s window."""
        return [self._window(audio[i : i + WINDOW]) for i in range(0, max(len(audio), 1), WINDOW)]

    def _window(self, audio: np.ndarray) -> Segment:
        from faster_whisper.audio import pad_or_trim
        from faster_whisper.transcribe import get_compression_ratio

        m, tok = self._model, self._tokenizer
        features = m.feature_extractor(audio)
        frames = max(1, min(features.shape[-1] - 1, m.feature_extractor.nb_max_frames))
        encoded = m.encode(pad_or_trim(features[:, :frames]))
        prompt = m.get_prompt(tok, self._prompt_tokens, without_timestamps=True)
        result = m.model.generate(
            encoded, [prompt], beam_size=1, max_length=m.max_length,
            return_scores=True, return_no_speech_prob=True,
            suppress_blank=True, suppress_tokens=self._suppress,
        )[0]
        tokens = [t for t in result.sequences_ids[0] if t < tok.eot]
        # As faster-whisper recovers it from the length-normalised score.
        avg_logprob = result.scores[0] * len(tokens) / (len(tokens) + 1)
        text = tok.decode(tokens)
        words: tuple[Word, ...] = ()
        if tokens:
            aligned = m.find_alignment(tok, [tokens], encoded, frames)[0]
            words = tuple(Word(w["word"], float(w["probability"])) for w in aligned)
        return Segment(text, float(result.no_speech_prob), float(avg_logprob),
                       float(get_compression_ratio(text.strip())), words)
