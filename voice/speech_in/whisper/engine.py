"""The Whisper recognizer: load a verified model, decode whole utterances.

Whisper encodes a 30 s window whatever the utterance's length (0.4-0.6 s
here, estimated 1.5-3 s on a Raspberry Pi 4), so it cannot stream (a 15 s
window halved that and lost right entries: decoder.QUESTION_WINDOW_S). The live
path hides that cost: the stream starts decoding in a worker thread at the
first pause (``SPECULATE_AFTER`` of quiet), while the end-pointer is still
waiting out its silence timeout; when the utterance ends with no more
speech, that result is used, and when the user speaks on, it is dropped.

Nothing here touches the network: HF_HUB_OFFLINE is set before
faster_whisper is imported, the model is opened from a local folder with
``local_files_only``, and tokenizer.json is one of the verified files (without
it faster-whisper would fetch a tokenizer from the hub).
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from voice.audio.clip import RECOGNIZER_RATE, AudioClip
from voice.content.model import KnowledgeBase
from voice.errors import ModelMissing
from voice.speech_in.base import Transcript
from voice.speech_in.gate import SpeechGate
from voice.speech_in.whisper import decoder as whisper_decoder
from voice.speech_in.whisper import noise_gate
from voice.speech_in.whisper.alternatives import HYPOTHESES, acts_on_its_own, alternatives_of
from voice.speech_in.whisper.decoder import WINDOW, WindowDecoder
from voice.speech_in.whisper.emergencies import EMERGENCY_PROMPT, may_be_emergency, with_emergency
from voice.speech_in.whisper.guard import Heard, heard_from
from voice.speech_in.whisper.prompt import build_prompt
from voice.speech_in.whisper.rescoring import AudioScorer, WhisperTranscript
from voice.speech_in.whisper.shared_model import whisper_model
from voice.speech_in.whisper.short_replies import (
    COMMAND_PROMPT,
    REQUEST_PROMPT,
    SHORT_REPLY_PROMPT,
    is_short,
    surest,
)
from voice.speech_in.whisper.trailing_word import with_trailing_word

ENGINE = "whisper"

log = logging.getLogger("voice.speech_in")

#: Two threads: the machine's (and a Pi 4's usable) cores for one decode.
CPU_THREADS = 2

#: Seconds of trailing quiet after which decoding starts, before the
#: end-pointer has decided the question is over (as PocketSphinx's final
#: pass). The end-pointer waits 2 s by default and a decode takes ~0.6 s, so
#: the text is usually ready when it is asked for.
SPECULATE_AFTER = 0.4


def _faster_whisper() -> Any:
    # Before the import: huggingface_hub reads it once, at import time.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    try:
        import faster_whisper
    except ImportError as e:
        raise ModelMissing(
            "The Whisper speech recognizer (faster-whisper) is not installed. "
            "Run scripts/install.sh."
        ) from e
    return faster_whisper


def _samples16k(clip: AudioClip) -> np.ndarray:
    if clip.rate != RECOGNIZER_RATE or clip.channels != 1:
        clip = clip.resampled(RECOGNIZER_RATE)
    return np.asarray(clip.samples, dtype=np.int16).reshape(-1)


def _may_offer_others(heard: Heard) -> bool:
    """Whether the app would try alternatives for ``heard``: only when it is
    doubtful (voice.conversation.heard.ALTERNATIVES_WHEN_DOUBTFUL), so a question heard
    surely does not pay for the beam search (a sixth to a third more CPU time
    per question). Imported here, not at the top: heard.py imports the
    matcher, which a bare engine does not need."""
    from voice.conversation.heard import ALTERNATIVES_WHEN_DOUBTFUL, is_doubtful

    return not ALTERNATIVES_WHEN_DOUBTFUL or is_doubtful(
        Transcript(heard.text, ENGINE, words=heard.words))


class _Guess:
    """One decode of the utterance so far, in a worker thread."""

    def __init__(self, owner: WhisperRecognizer, speech: np.ndarray) -> None:
        self.samples = len(speech)
        self._result: Transcript | None = None
        self._thread = threading.Thread(target=self._run, args=(owner, speech),
                                        daemon=True, name="whisper-guess")
        self._thread.start()

    def _run(self, owner: WhisperRecognizer, speech: np.ndarray) -> None:
        self._result = owner.decode(speech)

    @property
    def done(self) -> bool:
        return not self._thread.is_alive()

    def result(self) -> Transcript | None:
        self._thread.join()
        return self._result


class WhisperStream:
    """One utterance; see ``RecognitionStream``. Obtain from ``stream()``.

    Long silences are trimmed by the same gate as PocketSphinx's (0.2 s kept
    around speech): what is left is what Whisper sees, and an utterance in
    which the gate heard no speech at all is not decoded.
    """

    def __init__(self, owner: WhisperRecognizer) -> None:
        self._owner = owner
        self._open = True
        self._gate = SpeechGate()
        self._speech: list[np.ndarray] = []
        self._speech_samples = 0
        self._quiet = 0
        self._guess: _Guess | None = None

    def feed(self, clip: AudioClip) -> str:
        if not self._open:
            raise RuntimeError("this utterance is finished; start a new stream()")
        pushed = _samples16k(clip)
        speech = self._gate.push(pushed)
        if len(speech):
            self._speech.append(speech)
            self._speech_samples += len(speech)
            self._quiet = 0
        else:
            self._quiet += len(pushed)
        self._maybe_guess()
        guess = self._guess
        # Whisper has no partial result; a finished guess is the best there is.
        if guess is not None and guess.done:
            result = guess.result()
            return result.text if result is not None else ""
        return ""

    def _whole(self, tail: np.ndarray) -> np.ndarray:
        return np.concatenate([*self._speech, tail]) if self._speech else tail

    def _maybe_guess(self) -> None:
        heard = self._speech_samples + len(self._gate.peek_tail())
        if self._guess is not None and self._guess.samples != heard:
            self._guess = None  # the user spoke on: that guess is stale
        if (self._guess is None and self._gate.heard_speech
                and self._quiet >= SPECULATE_AFTER * RECOGNIZER_RATE):
            self._guess = _Guess(self._owner, self._whole(self._gate.peek_tail()))

    def finish(self) -> Transcript:
        if not self._open:
            raise RuntimeError("this utterance is already finished")
        self._open = False
        if not self._gate.heard_speech:
            return Transcript("", ENGINE)
        whole = self._whole(self._gate.flush())
        guess = self._guess
        result = guess.result() if guess is not None and guess.samples == len(whole) else None
        return result if result is not None else self._owner.decode(whole)


class WhisperRecognizer:
    """faster-whisper with a verified tiny.en folder; see the module docstring.

    Raises ModelMissing, in words with the way to repair it, when the folder
    is missing, a file differs from its pinned size or SHA-256 (checked in
    full at every load, before the engine reads a byte), or it cannot load.
    """

    name = ENGINE
    decodes_alongside = True  # its model takes one call at a time by itself (shared_model.py)

    def __init__(self, model_dir: str | Path, kb: KnowledgeBase | None = None) -> None:
        folder = Path(model_dir)
        # The process's one copy, shared with the wake phrase's confirmation
        # and barge-in's quick look (shared_model.py).
        self._model = whisper_model(folder)
        self.model_dir = folder
        self._decoder = WindowDecoder(self._model)
        self._short_prompt = self._decoder.prompt_tokens(SHORT_REPLY_PROMPT)
        self._command_prompt = self._decoder.prompt_tokens(COMMAND_PROMPT)
        self._request_prompt = self._decoder.prompt_tokens(REQUEST_PROMPT)
        self._emergency_prompt = self._decoder.prompt_tokens(EMERGENCY_PROMPT)
        self._lock = threading.Lock()
        self.prompt = ""
        self.use_content(kb)

    def use_content(self, kb: KnowledgeBase | None) -> None:
        """Build the initial prompt from ``kb``; called again when the content
        changes (``Recognizer.use_content``). Cheap (the tokenizer only), so
        done at once; not under the decode lock, so a decode under way (in a
        guess thread, or serve's worker) never holds it up: that decode keeps
        the prompt it started with, the next one uses the new prompt."""
        try:
            prompt = build_prompt(kb, self._decoder.count_tokens)
            self._decoder.set_prompt(prompt)  # one assignment of the token list
        except Exception as e:  # keep hearing with the old prompt
            log.warning("The content changed, but Whisper's prompt could not be rebuilt "
                        "(%s); it keeps the one it had.", e)
            return
        self.prompt = prompt

    def stream(self) -> WhisperStream:
        return WhisperStream(self)

    def transcribe(self, clip: AudioClip) -> Transcript:
        s = self.stream()
        s.feed(clip)
        return s.finish()

    def decode_heard(self, speech: np.ndarray) -> Heard:
        """What Whisper heard in 16 kHz int16 ``speech``, hallucinations dropped."""
        return self._decode_heard(speech)[0]

    def _decode_heard(self, speech: np.ndarray) -> tuple[Heard, AudioScorer | None]:
        """``decode_heard``, with a scorer of other texts against the same
        encoded audio (rescoring.py) when words were kept from one window."""
        audio = speech.astype(np.float32) / 32768.0
        short = is_short(len(audio))  # a topic number, "yes", "stop"...: see short_replies
        urgent = may_be_emergency(len(audio))  # "I can't breathe": see emergencies
        dec = self._decoder
        # One prompt for the whole decode, though use_content may swap it meanwhile.
        prompt = dec.prompt
        with self._lock:
            if len(audio) > WINDOW:  # over 30 s: window by window, no extra decodes
                return heard_from(dec.decode(audio)), None
            # A short reply keeps the 30 s window whatever QUESTION_WINDOW_S says:
            # in a 15 s one real people's digits were heard right 75 -> 57 of 82.
            encoded = dec.encode(audio, 30.0 if short else whisper_decoder.QUESTION_WINDOW_S)
            prompts = [prompt]
            prompts += ([self._short_prompt, self._command_prompt, self._request_prompt]
                        if short else [])
            prompts += [self._emergency_prompt] if urgent else []
            # The beam (decoder.BEAM_SIZE) for the content prompt's decode only:
            # with every decode a beam of 2, real people's digits (short-reply
            # prompts) were heard right 75 -> 72 of 82; the others stay greedy.
            segments = [dec.generate(encoded, len(audio), p,
                                        whisper_decoder.BEAM_SIZE if i == 0 else 1)
                        for i, p in enumerate(prompts)]
            heard = surest(*segments[:4]) if short else heard_from(segments[:1])
            if short:
                heard = replace(heard, prompted=tuple(heard_from([s]).text
                                                      for s in segments[:4]))
            heard = with_emergency(heard, segments[1:]) if urgent else heard
            # Keeping the encoding costs nothing until a repair is checked
            # (only when the matcher would decline: voice/conversation/heard.py).
            raw = segments[0].text.strip()
            scorer = AudioScorer(self._model, dec._tokenizer, encoded, len(audio),
                                 raw[-1] if raw[-1:] in ("?", ".", "!") else "",
                                 others=lambda: dec.hypotheses(encoded, len(audio), prompt,
                                                               HYPOTHESES))
            if not heard.words or acts_on_its_own(heard.text) or not _may_offer_others(heard):
                return heard, scorer
            # Not a command, number or emergency, and heard doubtfully: the
            # decoder's other guesses, offered when this matches nothing
            # (alternatives.py).
            others = dec.hypotheses(encoded, len(audio), prompt, HYPOTHESES)
        return replace(heard, alternatives=alternatives_of(others, heard.text)), scorer

    def decode(self, speech: np.ndarray) -> Transcript:
        # What the user says to the assistant: longer utterances over steady
        # noise are gated first (noise_gate.py: held out, right entries 524 ->
        # 542 of 696, answered wrong 13 -> 12). decode_heard (barge-in's
        # stretches under the assistant's own voice) stays ungated: not measured.
        speech = noise_gate.cleaned(speech, is_short(len(speech)))
        heard, scorer = self._decode_heard(speech)
        if scorer is not None and not is_short(len(speech)):
            # "what can I eat to help and ...": the "and" a slow speaker
            # stops on, which the decode leaves out (trailing_word.py).
            heard = with_trailing_word(heard, scorer)
        words = heard.words
        confidence = sum(p for _, p in words) / len(words) if words else None
        return WhisperTranscript(heard.text, ENGINE, confidence,
                                 alternatives=list(heard.alternatives), words=words,
                                 scorer=scorer if words else None,
                                 instead_of=getattr(heard, "instead_of", None))
