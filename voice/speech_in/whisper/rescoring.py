"""How well the audio fits a text: Whisper's own likelihood, for checking a
repair of what it heard against what was said.

Whisper tiny.en writes some rare content words as everyday ones it is sure
of: "acupuncture" as "acute puncture" (puncture at 0.87), "electromyography"
as "electron geography". A reading of such words by their sound
(voice/matching/sound_alike.py ``heard_readings``) is only a guess; the
audio decides. The encoder's output for the utterance is kept with the
transcript (``WhisperTranscript.scorer``), and a text is scored by forcing it
through the decoder (CTranslate2 ``Whisper.align``: each token's probability
given the audio and the tokens before it): the sum of the log-probabilities
of its tokens and of the end of text. What was heard scores highest or close
to it (greedy decoding picks the likeliest token step by step); a repair
that fits the sounds scores close to it, a repair the audio does not carry
far below ("What is the weather like toxin?" 20 nats under "... today?").

No prompt: the content prompt already pulled the decode once; the forced
pass asks the audio alone (and costs a quarter of the time: the decoder
attends to two start tokens instead of ~80 of prompt). Measured on six
spoken tuning questions: the true words scored within 1.3 nats of what was
heard, or above it, with no prompt; within 1.8 with the content prompt.

Only ever used when the matcher would otherwise decline (voice.conversation.
heard.understood), so a question that matches pays nothing.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from voice.speech_in.base import Transcript

#: A token probability never counts below this (log of 0 is no score).
_FLOOR = 1e-9

#: Encoder frames (20 ms each) kept after the end of the audio when texts
#: are scored against the speech alone (``AudioScorer.fits``): 0.5 s, as
#: scripts/tune_rescoring.py measured it.
_AFTER_SPEECH = 25


@dataclass(frozen=True)
class Fit:
    """How well the audio fits one text (``AudioScorer.fits``)."""

    nats: float
    """The sum of the log-probabilities of its tokens and of the end of text."""
    tokens: int
    """How many tokens that sum is over (the end of text included)."""

    @property
    def per_token(self) -> float:
        return self.nats / max(1, self.tokens)


class AudioScorer:
    """Scores texts against one utterance's encoded audio (see the module)."""

    def __init__(self, model: Any, tokenizer: Any, encoded: Any, samples: int,
                 ends_with: str = "",
                 others: Callable[[], Sequence[tuple[str, float]]] | None = None) -> None:
        self._model = model
        self._tokenizer = tokenizer
        self._encoded = encoded
        self._frames = max(1, min(samples // 160, 3000))
        #: The heard text's last punctuation ("?" or "."), given every text alike.
        self._ends_with = ends_with
        self._lock = threading.Lock()
        self._known: dict[str, float] = {}
        self._cut: tuple[Any, int] | None = None
        #: The beam search's texts of the same encoding (whisper/alternatives.py),
        #: searched when first asked for: a question heard surely that matches
        #: nothing (voice/conversation/heard.py SURE_ALTERNATIVES_AGREE).
        self._others = others
        self._searched: Sequence[tuple[str, float]] | None = None

    @property
    def seconds(self) -> float:
        """How long the scored audio is (at most the 30 s window)."""
        return self._frames / 100

    def alternatives(self, heard: str) -> tuple[str, ...]:
        """The decoder's other hearings of this audio, without ``heard`` (as
        ``Transcript.alternatives``), searched once; () when none can be."""
        if self._others is None:
            return ()
        from voice.speech_in.whisper.alternatives import alternatives_of

        with self._lock:
            if self._searched is None:
                self._searched = list(self._others())
            searched = self._searched
        return alternatives_of(searched, heard)

    def render(self, text: str) -> str:
        """``text`` (our lower-case words) as Whisper writes a sentence: a
        capital first letter, "I" as a word, the heard text's end punctuation.
        Every text is written the same way, so their scores compare."""
        words = ["I" + w[1:] if w == "i" or w.startswith("i'") else w for w in text.split()]
        if words:
            words[0] = words[0][:1].upper() + words[0][1:]
        return " " + " ".join(words) + self._ends_with

    def loglik(self, texts: Sequence[str]) -> list[float]:
        """Each of ``texts``'s log-probability given the audio (nats, <= 0)."""
        out = []
        for text in texts:
            with self._lock:
                known = self._known.get(text)
            if known is None:
                known = self._score(text)
                with self._lock:
                    self._known[text] = known
            out.append(known)
        return out

    def fits(self, texts: Sequence[str]) -> list[Fit]:
        """Each of ``texts`` scored against the speech alone: the encoder's
        output cut to the audio's frames (plus ``_AFTER_SPEECH``), so the
        decoder's cross-attention reads a few hundred frames instead of 1,500.
        Measured on one 2.5 s clip (2026-12-02, loaded machine): 7 ms a text
        instead of 25 ms. The scores differ from ``loglik``'s (the decoder
        never saw such a short window), so compare them only with each other
        (the heard text scored the same way). Batching texts in one call
        was slower (1.07 s for 40 against 0.27 s one by one)."""
        speech, frames = self._speech()
        return [self._align(speech, frames, text) for text in texts]

    def _speech(self) -> tuple[Any, int]:
        """The encoder output cut to the speech, and its frame count (mel frames)."""
        with self._lock:
            if self._cut is None:
                import ctranslate2
                import numpy as np

                keep = min(self._frames // 2 + _AFTER_SPEECH, 1500)
                self._cut = (ctranslate2.StorageView.from_array(np.ascontiguousarray(
                    np.asarray(self._encoded)[:, :keep])), min(self._frames, 2 * keep))
            return self._cut

    def _score(self, text: str) -> float:
        return self._align(self._encoded, self._frames, text).nats

    def _align(self, encoded: Any, frames: int, text: str) -> Fit:
        """``text`` (rendered) and the end of text scored against ``encoded``."""
        tok, m = self._tokenizer, self._model
        ids = [*tok.encode(self.render(text)), tok.eot]
        start = m.get_prompt(tok, [], without_timestamps=True)
        probs = m.model.align(encoded, start, [ids], [frames])[0].text_token_probs
        return Fit(float(sum(math.log(max(float(p), _FLOOR)) for p in probs)), len(ids))


@dataclass(frozen=True, eq=False)
class WhisperTranscript(Transcript):
    """A Whisper transcript that can score other texts against its audio.
    Equal to a plain ``Transcript`` of the same words: the scorer is a means,
    not part of what was heard."""

    scorer: AudioScorer | None = field(default=None, compare=False, repr=False)
    """How well the audio fits a text (None: no audio kept, e.g. a cached transcript)."""

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Transcript):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name)
                   for f in fields(Transcript) if f.compare)

    __hash__ = Transcript.__hash__


def scorer_of(heard: Transcript) -> AudioScorer | None:
    """``heard``'s audio scorer, when its engine kept one."""
    return getattr(heard, "scorer", None)


def without_audio(heard: Transcript) -> Transcript:
    """``heard`` as a plain ``Transcript``: the same words, its encoded audio
    (2.3 MB for tiny.en) let go. For transcripts kept after their question."""
    if scorer_of(heard) is None:
        return heard
    return Transcript(**{f.name: getattr(heard, f.name) for f in fields(Transcript) if f.init})
