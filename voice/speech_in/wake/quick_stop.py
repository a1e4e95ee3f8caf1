"""A quick first look for "stop": Whisper on the stretch alone, not 30 s.

Whisper encodes a 30 s window however short the audio: 0.4 s on an idle
machine, 0.9 s on this loaded one, for a one-second "stop". Encoding only
the stretch plus 1 s of silence takes 20-70 ms here, but tiny.en was trained
on 30 s windows and then repeats itself ("Stop. Stop. Stop.") or mishears
(real people's "stop" over an answer's residual echo as "start", "star",
"step"; the assistant's own words came out as its own words). So it only
ever says yes: a stretch it hears as nothing but "stop", surely enough, or
as nothing but "stop" and its sound-alikes while "stop" itself was a likely
first word (the probability of the " stop" token at the first step of the
same decode), stops the answer at once; anything else goes on to the full
decode (voice/audio/barge_in.py), which has the last word. A sound-alike of
a word the assistant is itself saying is its own (barge_in.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

#: Taken only at or above this avg_logprob: real "stop"s heard right scored
#: -0.21 to -0.80; the assistant's own fragments -0.31 to -1.33.
SURE_LOGPROB = -0.9
#: Silence after the stretch, as the full window would have.
PAD_SECONDS = 1.0
#: Tokens decoded at most: "Stop. Stop. Stop." needs 6; more is a sentence.
MAX_TOKENS = 16

_WORD = re.compile(r"[a-z']+")
#: What tiny.en on a short window makes of real people's "stop" over the
#: answer's residual echo ("step, step, step", "start", "star"). Taken only
#: together with ALIKE_STOP_PROBABILITY, and never when the assistant itself
#: is saying that word (voice/audio/barge_in.py's own-word rule).
SOUND_ALIKES = frozenset({"stop", "stops", "stopped", "stob", "stopp", "step", "start", "star"})
#: Otherwise (a sound-alike, or an unsure "stop") it counts when "stop" had
#: at least this probability as the first word, however unsure the decode as
#: a whole. Tuning half of the real "stop"s over answers (benchmark_barge_in.py
#: --clips tuning, 3 runs): "step"/"start" decodes had 0.012-0.29 at
#: avg_logprob -0.3 to -2.0, "stop" ones 0.32-0.79; the assistant's own voice
#: (1282 espeak-ng fragments of 0.3-1.5 s from 8 answers, uncancelled) at most
#: 0.011, and none of those decodes was a sound-alike.
ALIKE_STOP_PROBABILITY = 0.01
#: Outside the benchmark (QuickStop.keep_looks), ``looks`` keeps only about
#: its last this many: it took one per stretch of voice heard over an answer
#: (a peek at each pause, then the stretch's end) for as long as a `voice
#: listen` session ran, and nothing in `voice listen` reads more than the last
#: (``last_text``). As barge-in's own figures (FIGURES_KEPT, branch barge13).
LOOKS_KEPT = 500
#: How "stop" starts a decode, as tokens (" stop", " Stop", "stop", ...).
_STOP_SPELLINGS = (" stop", " Stop", " STOP", "stop", "Stop")


@dataclass(frozen=True)
class Look:
    """What the quick look heard in one stretch."""

    text: str
    avg_logprob: float
    stop_probability: float
    """Whisper's probability that the stretch's first word is "stop" (the
    first token, before the free decode commits to "start" or "star")."""


class QuickStop:
    """The recognizer's Whisper model (the process's one copy,
    voice/speech_in/whisper/shared_model.py) decoding short stretches with a
    short encoding. Raises ModelMissing when the model cannot be used."""

    def __init__(self, model_dir: Path) -> None:
        from voice.speech_in.whisper.shared_model import whisper_model

        self._model = whisper_model(model_dir)  # checked byte for byte when first loaded
        from faster_whisper.tokenizer import Tokenizer
        from faster_whisper.transcribe import get_suppressed_tokens

        self._tokenizer = Tokenizer(self._model.hf_tokenizer, False, task="transcribe",
                                    language="en")
        self._suppress = list(get_suppressed_tokens(self._tokenizer, (-1,)) or ())
        self._stop_tokens = sorted({self._tokenizer.encode(s)[0] for s in _STOP_SPELLINGS})
        self.looks: list[Look] = []
        """The looks taken: about the last LOOKS_KEPT, or every one with
        ``keep_looks`` (benchmark)."""
        self.keep_looks = False
        """Keep every look (benchmark: it reads them by index)."""

    def look(self, speech: np.ndarray) -> Look:
        """What it heard in 16 kHz int16 ``speech``: a greedy decode without
        a prompt (as WindowDecoder's) that also keeps the first step's logits."""
        m, tok = self._model, self._tokenizer
        audio = np.concatenate([speech.astype(np.float32) / 32768.0,
                                np.zeros(int(PAD_SECONDS * 16000), dtype=np.float32)])
        features = m.feature_extractor(audio)
        encoded = m.encode(features[:, : features.shape[-1] - 1])
        prompt = m.get_prompt(tok, [], without_timestamps=True)
        result = m.model.generate(
            encoded, [prompt], beam_size=1, max_length=len(prompt) + MAX_TOKENS,
            return_scores=True, return_logits_vocab=True,
            suppress_blank=True, suppress_tokens=self._suppress,
        )[0]
        tokens = list(result.sequences_ids[0])
        # As faster-whisper recovers it from the length-normalised score.
        avg_logprob = float(result.scores[0]) * len(tokens) / (len(tokens) + 1)
        p = 0.0
        if result.logits and len(result.logits[0]):
            x = np.asarray(result.logits[0][0]).astype(np.float64).ravel()
            e = np.exp(x - x.max())
            p = float(e[self._stop_tokens].sum() / e.sum())
        look = Look(tok.decode(tokens), avg_logprob, p)
        self.looks.append(look)
        if not self.keep_looks and len(self.looks) > 2 * LOOKS_KEPT:
            del self.looks[:-LOOKS_KEPT]  # amortised: once per LOOKS_KEPT looks
        return look

    @property
    def last_text(self) -> str:
        """What the last look heard ("" before any)."""
        return self.looks[-1].text if self.looks else ""

    def text(self, speech: np.ndarray) -> tuple[str, float]:
        """What it heard in 16 kHz int16 ``speech``, and its avg_logprob."""
        look = self.look(speech)
        return look.text, look.avg_logprob

    def heard_stop(self, speech: np.ndarray) -> str | None:
        """The words taken for "stop" ("stop", "step"...), or None."""
        return taken_for_stop(self.look(speech))


def taken_for_stop(look: Look) -> str | None:
    """The words of ``look`` when it is "stop": nothing but "stop" or its
    sound-alikes, and either "stop" alone, surely enough (avg_logprob), or
    "stop" a likely first word. None otherwise."""
    words = set(_WORD.findall(look.text.lower()))
    if not words or not words <= SOUND_ALIKES:
        return None
    sure = words == {"stop"} and look.avg_logprob >= SURE_LOGPROB
    if not sure and look.stop_probability < ALIKE_STOP_PROBABILITY:
        return None
    return " ".join(sorted(words))


def is_only_stop(text: str) -> bool:
    """Nothing but "stop", however often ("Stop. Stop. Stop" is its loop)."""
    words = _WORD.findall(text.lower())
    return bool(words) and set(words) == {"stop"}


def load_quick_stop(model_dir: Path) -> Any:
    """A QuickStop, or None when the model cannot be loaded (the full decode
    still hears "stop", only later)."""
    try:
        return QuickStop(model_dir)
    except Exception:  # a missing or changed file, CTranslate2's own errors: the full decode
        return None
