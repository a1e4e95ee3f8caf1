"""Decode audio with faster-whisper one 30-second window at a time.

faster-whisper's ``transcribe(word_timestamps=True)`` moves on to the end of
the last word it found and decodes again from there, so a 2 s question cost
two or three full 30 s windows (measured: 2-4 decodes per clip, 1.5-3.6 s on
this loaded machine instead of ~0.6 s), and the extra windows are where
"you" and "." were invented. Here each window of audio is encoded once and
decoded once (a beam of ``BEAM_SIZE``, no timestamps) with the content
prompt, with the same faster-whisper building blocks ``transcribe`` uses.

tiny.en was trained on 30 s windows only. CTranslate2 also encodes just the
audio (plus 1 s), 7x faster here, but on 60 spoken tuning questions 38 came
out differently and about 15 of those looped ("What are support groups?
What are support groups? ..."). A 15 s window (``QUESTION_WINDOW_S``, session
25) halved the cost of a question but found fewer right entries held out,
and doubled one-word replies ("five five"), so it is not used.

A word's probability is the mean of its tokens' probabilities in that same
decode (softmax of the returned logits; with a beam, which returns none, the
same tokens forced through the decoder after the same prompt).
faster-whisper's word probabilities come from a second, forced pass
without the prompt: there the one-word title "Introduction", decoded at
0.59 with the content prompt, scored 0.01-0.06, and 14 of 486 spoken
tuning questions lost every word to the guard.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

#: Audio samples per Whisper window (30 s at 16 kHz).
WINDOW = 30 * 16000

#: New tokens allowed per second of audio (plus ``MIN_TOKENS``). Speech runs
#: at about 3 words, 4 tokens, a second; a looping hallucination ("Non-neuridid
#: idid...") otherwise runs to the model's 448-token limit, 2.8 s here for a
#: 1.5 s question, before the guard drops it.
TOKENS_PER_SECOND = 8
MIN_TOKENS = 16

#: Beam width of the decode that chooses what was heard (1: greedy); the
#: engine uses it for the content prompt's decode only (engine.py). Tuning
#: halves, every 4th clip from the second (scripts/tune_hear17.py --variants
#: faq,faq/beam2 --stride 4 --offset 1, AVX2 path, 2026-12-04), greedy -> 2:
#: espeak-ng 179 clips right entry 100 -> 103 of 140, answered wrong 2 -> 2,
#: offered wrong 11 -> 7, out of scope declined 37 -> 38 of 39; natural
#: voices 55 clips right 38 -> 38, answered wrong 1 -> 0. Held out once
#: (495 of 1,100 clips, counts only): right 271 -> 279 of 406, answered
#: wrong 2 -> 2, offered wrong 34 -> 32, out of scope declined 86 -> 86 of
#: 89. Costs ~0.2 s more CPU per question (scripts/time_hear23_beam.py).
#: Wider was measured by branch hear17 (beam 5, beam 3 with patience 2: no
#: more right entries, 3 more wrong ones offered on 208 clips).
BEAM_SIZE = 2

#: Seconds of the window an utterance longer than a short reply is encoded in
#: (engine.py; short replies and the wake word's checks always use 30 s).
#: Measured at 15 (session 25, branch hear26) and left at 30: the encoder's
#: cost follows the window, not the speech, so 15 s halved the CPU time per
#: 2.7 s question (0.86 -> 0.41 s, RTF 0.319 -> 0.152; scripts/
#: benchmark_whisper.py --window 30 / 15, AVX2 path, load 13-15), and the
#: tuning halves found the same entries (scripts/tune_denoise.py --variants
#: raw,win-15+long --sets espeak,real,people --conditions all --stride 4:
#: right 163 -> 163 of 195, answered wrong 2 -> 2, offered wrong 7 -> 7), but
#: held out (same command with --heldout, counts only) right entries fell
#: 134 -> 128 of 174, answered wrong 2 -> 3, offered wrong 10 -> 13. 10 s
#: looped ("what kind of meal should i cook what kind of meal ..."); the
#: audio plus 1 s looped on about 15 of 60 (see the module's docstring).
#: 20 s (session 26, branch hear28; same tune_denoise.py command with win-20):
#: CPU RTF 0.258 -> 0.196 native, 0.280 -> 0.212 AVX2, but on the tuning halves
#: right 163 -> 161 of 195, answered wrong 2 -> 3, offered wrong 7 -> 8, so it
#: was not held out and stays off (docs/speech-in.md, "Session 26").
QUESTION_WINDOW_S = 30.0


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
    token_ids: tuple[int, ...] = ()
    """The text tokens (EOT left out)."""
    token_probs: tuple[float, ...] = ()
    """Each text token's probability (a word's is the mean of its tokens')."""
    decode_token: Callable[[list[int]], str] | None = field(default=None, repr=False,
                                                            compare=False)
    """The tokenizer's ``decode``, for ``token_logprobs``."""

    @functools.cached_property
    def token_logprobs(self) -> tuple[tuple[str, float], ...]:
        """Each text token and its log-probability (EOT left out): the wake
        check can score the phrase's words without its full stop (confirm.WORDS_FLOOR).
        Made when first read, not on every decode: only that check reads it."""
        if self.decode_token is None:
            return ()
        return tuple((self.decode_token([t]), float(np.log(max(p, 1e-9))))
                     for t, p in zip(self.token_ids, self.token_probs, strict=False))


class WindowDecoder:
    """Single-pass decoding (beam ``BEAM_SIZE``) of a loaded ``faster_whisper.WhisperModel``."""

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
        self._prompt_tokens = self.prompt_tokens(prompt)

    @property
    def prompt(self) -> list[int]:
        """The current prompt's tokens."""
        return self._prompt_tokens

    def decode(self, audio: np.ndarray) -> list[Segment]:
        """``audio``: 16 kHz mono float32 in -1..1; one Segment per 30 s window."""
        return [self._window(audio[i : i + WINDOW]) for i in range(0, max(len(audio), 1), WINDOW)]

    def decode_each(self, audio: np.ndarray, prompts: list[list[int]]) -> list[Segment]:
        """One window (at most 30 s) of ``audio``, encoded once and decoded after
        each of ``prompts`` (token lists; ``[]`` for none)."""
        encoded = self.encode(audio[:WINDOW])
        return [self.generate(encoded, min(len(audio), WINDOW), p) for p in prompts]

    def encode(self, audio: np.ndarray, seconds: float = 30.0) -> Any:
        """The encoder's output for one window of ``audio`` (the costly part):
        a window of ``seconds`` (mel frames padded as the 30 s one is) when
        the audio fits in it with a second to spare, else the full 30 s."""
        from faster_whisper.audio import pad_or_trim

        m = self._model
        features = m.feature_extractor(audio)
        full = m.feature_extractor.nb_max_frames
        frames = max(1, min(features.shape[-1] - 1, full))
        window = 2 * int(seconds * 50)  # even: the encoder halves it
        return m.encode(pad_or_trim(features[:, :frames],
                                    window if frames + 100 <= window < full else full))

    def prompt_tokens(self, text: str) -> list[int]:
        return self._tokenizer.encode(" " + text.strip()) if text else []

    def hypotheses(self, encoded: Any, samples: int, prompt_tokens: list[int],
                   n: int) -> list[tuple[str, float]]:
        """The ``n`` best texts of a beam search of width ``n`` over an ``encode()``d
        window, each with its length-normalised log-probability, best first
        (the decoder's alternatives to what ``generate`` chose)."""
        result = self._generate(encoded, samples, prompt_tokens, beam_size=n, num_hypotheses=n)
        return [(self._tokenizer.decode(list(ids)), float(score))
                for ids, score in zip(result.sequences_ids, result.scores, strict=True)]

    def _generate(self, encoded: Any, samples: int, prompt_tokens: list[int],
                  **options: Any) -> Any:
        """CTranslate2's ``generate`` over an ``encode()``d window of ``samples``
        samples after ``prompt_tokens``, with the options every decode here
        shares (no timestamps, the token budget, scores, the suppressed
        tokens) and ``options`` (the search): its one result."""
        m = self._model
        prompt = self._prompt(prompt_tokens)
        budget = MIN_TOKENS + int(TOKENS_PER_SECOND * samples / 16000)
        return m.model.generate(
            encoded, [prompt], max_length=min(m.max_length, len(prompt) + budget),
            return_scores=True, suppress_blank=True, suppress_tokens=self._suppress, **options,
        )[0]

    def _prompt(self, prompt_tokens: list[int]) -> list[int]:
        """The decoder's start: ``prompt_tokens`` and the task tokens."""
        return list(self._model.get_prompt(self._tokenizer, prompt_tokens,
                                           without_timestamps=True))

    def _window(self, audio: np.ndarray) -> Segment:
        return self.generate(self.encode(audio), len(audio), self._prompt_tokens, BEAM_SIZE)

    def generate(self, encoded: Any, samples: int, prompt_tokens: list[int],
                 beam: int = 1) -> Segment:
        """Decode an ``encode()``d window of ``samples`` samples after ``prompt_tokens``
        (cheap next to encoding: one window can be decoded with several prompts),
        by a beam of ``beam`` (1, greedy, unless asked: the wake word's checks
        were tuned on greedy decodes and gave other hearings with a beam of 2,
        e.g. "okay then" woke it; only the content prompt's decode asks for
        ``BEAM_SIZE``)."""
        from faster_whisper.transcribe import get_compression_ratio

        tok = self._tokenizer
        width = max(1, beam)
        greedy = width == 1
        result = self._generate(encoded, samples, prompt_tokens, beam_size=width,
                                return_no_speech_prob=True, return_logits_vocab=greedy)
        tokens = list(result.sequences_ids[0])
        # As faster-whisper recovers it from the length-normalised score.
        avg_logprob = result.scores[0] * len(tokens) / (len(tokens) + 1)
        text = tok.decode(tokens)
        if greedy:
            probs = [_probability(np.asarray(step), t)
                     for step, t in zip(result.logits[0], tokens, strict=False)]
        else:
            probs = self._forced(encoded, samples, prompt_tokens, tokens)
        words: list[Word] = []
        if tokens:
            split, word_tokens = tok.split_to_word_tokens(tokens)
            at = 0
            for word, its in zip(split, word_tokens, strict=True):
                ps = probs[at : at + len(its)]
                at += len(its)
                words.append(Word(word, float(np.mean(ps)) if ps else 0.0))
        return Segment(text, float(result.no_speech_prob), float(avg_logprob),
                       float(get_compression_ratio(text.strip())), tuple(words),
                       tuple(tokens), tuple(probs), tok.decode)

    def _forced(self, encoded: Any, samples: int, prompt_tokens: list[int],
                tokens: list[int]) -> list[float]:
        """Each of ``tokens``' probability forced through the decoder after the
        prompt (CTranslate2 ``align``): a beam search returns no logits. The
        greedy softmax gives the same figure for the same tokens, a little
        higher where it left suppressed tokens out (branches hear17, hear18)."""
        if not tokens:
            return []
        got = self._model.model.align(encoded, self._prompt(prompt_tokens), [tokens],
                                      [align_frames(samples)])
        return [float(p) for p in got[0].text_token_probs]


def align_frames(samples: int) -> int:
    """The mel frames ``align`` is told hold speech: the audio's own, not the
    window's 3,000. They only bound the alignment's time warp, which nothing
    here reads; the token probabilities are the same to the last bit, and the
    call costs less: measured (session 27, 8 questions of 2.7 s, content
    prompt, AVX2 path) 0.100 -> 0.063 s of CPU per question."""
    return max(1, min(samples // 160, 3000))


def _probability(logits: np.ndarray, token: int) -> float:
    """Softmax probability of ``token`` in one step's logits (suppressed tokens are -inf)."""
    x = logits.astype(np.float64).ravel()
    top = float(x.max())
    return float(np.exp(x[token] - top) / np.exp(x - top).sum())
