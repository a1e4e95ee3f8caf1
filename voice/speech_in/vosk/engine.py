"""Vosk (Kaldi) recognizer: a model folder, streaming, optional grammar.

Two Vosk behaviours shape this module (MACHINE-NOTES, re-checked here):
- A grammar that is not a non-empty JSON array of strings SEGFAULTS the
  process, so every grammar is validated and its unknown words dropped first.
- A folder with the right layout but a damaged file loads "successfully" and
  only fails when a recognizer is created, so loading creates one at once:
  a broken model is reported at start-up, not at the first question.

The ``vosk`` import stays inside this module (engine imports are lazy).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from voice.audio.clip import RECOGNIZER_RATE, AudioClip
from voice.errors import ModelMissing
from voice.speech_in.base import Transcript

if TYPE_CHECKING:
    from voice.content.model import KnowledgeBase

ENGINE = "vosk"
UNK = "[unk]"

_HOW_TO_GET = "Run 'voice models download' to install one, or choose PocketSphinx."


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Silence the C++ library's own error lines while it loads.

    Kaldi writes "ERROR (VoskAPI...)" to file descriptor 2 even with
    SetLogLevel(-1); the user gets our spoken message instead.
    """
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


@dataclass(frozen=True)
class CheckedGrammar:
    """A grammar that is safe to hand to Vosk."""

    phrases: tuple[str, ...]
    """Phrases whose every word the model knows (plus "[unk]" where it has one)."""
    dropped: tuple[str, ...]
    """Phrases removed because the model does not know a word of them."""

    def json(self) -> str:
        return json.dumps(list(self.phrases), ensure_ascii=False)


def check_grammar(grammar: object, knows: Any, add_unk: bool = False) -> CheckedGrammar:
    """Validate ``grammar`` for a model; ``knows(word) -> bool``.

    Raises ValueError (never reaches Vosk) when the grammar is not a
    non-empty list of strings or when no phrase of it is usable.
    """
    if isinstance(grammar, str) or not isinstance(grammar, Sequence):
        raise ValueError("a grammar is a list of phrases (strings)")
    if not all(isinstance(p, str) for p in grammar):
        raise ValueError("every phrase of a grammar must be a string")
    kept: list[str] = []
    dropped: list[str] = []
    seen: set[str] = set()
    for raw in grammar:
        phrase = " ".join(raw.lower().split())
        if not phrase or phrase in seen:
            continue
        seen.add(phrase)
        if phrase == UNK:
            continue  # added below only when the model has it
        if all(knows(w) for w in phrase.split()):
            kept.append(phrase)
        else:
            dropped.append(phrase)
    if not kept:
        raise ValueError(
            "none of the grammar's phrases use only words this speech model knows"
            if dropped
            else "the grammar is empty"
        )
    if (add_unk or UNK in seen) and knows(UNK):
        kept.append(UNK)
    return CheckedGrammar(tuple(kept), tuple(dropped))


def _said(word: str) -> bool:
    # "[unk]" and other bracketed tokens (the Korean model emits "[4]") are
    # not words the user said.
    return not (word.startswith("[") and word.endswith("]"))


def _words_of(result: dict[str, Any]) -> list[tuple[str, float]]:
    """The words of a final result with their confidences (needs SetWords(True))."""
    words: list[tuple[str, float]] = []
    for w in result.get("result", []):
        word = str(w.get("word", ""))
        if word and _said(word):
            # Kaldi's "conf" is a lattice posterior, so 0..1 already; clamp
            # anyway so a rounding error can never break the Transcript's promise.
            words.append((word, min(1.0, max(0.0, float(w.get("conf", 0.0))))))
    return words


def _text_of(result: dict[str, Any], key: str = "text") -> str:
    return " ".join(w for w in str(result.get(key, "")).split() if _said(w))


class VoskStream:
    """One utterance; see ``RecognitionStream``. Obtain from ``stream()``."""

    def __init__(self, owner: VoskRecognizer) -> None:
        self._owner = owner
        self._open = True
        self._done: list[str] = []
        self._words: list[tuple[str, float]] = []

    def _check(self) -> Any:
        if not self._open:
            raise RuntimeError("this utterance is finished; start a new stream()")
        if self._owner._active is not self:
            raise RuntimeError("a newer stream() replaced this one")
        return self._owner._rec

    def feed(self, clip: AudioClip) -> str:
        if clip.rate != RECOGNIZER_RATE or clip.channels != 1:
            clip = clip.resampled(RECOGNIZER_RATE)
        with self._owner._lock:
            rec = self._check()
            if rec.AcceptWaveform(clip.pcm_bytes()):
                # Vosk found a pause inside the question: keep that part.
                seg = json.loads(rec.Result())
                if _text_of(seg):
                    self._done.append(_text_of(seg))
                    self._words.extend(_words_of(seg))
                partial = ""
            else:
                partial = _text_of(json.loads(rec.PartialResult()), "partial")
        return " ".join([*self._done, partial]).strip()

    def finish(self) -> Transcript:
        with self._owner._lock:
            rec = self._check()
            self._open = False
            self._owner._active = None
            final = json.loads(rec.FinalResult())
            rec.Reset()
        if _text_of(final):
            self._done.append(_text_of(final))
            self._words.extend(_words_of(final))
        text = " ".join(self._done).strip()
        confs = [c for _, c in self._words]
        conf = sum(confs) / len(confs) if confs and text else None
        words = tuple(self._words)
        if " ".join(w for w, _ in words) != text:
            # Never disagree with the text: matching would then drop or keep
            # the wrong words, so fall back to the whole text.
            words = ()
        return Transcript(text, ENGINE, conf, words=words)


class VoskRecognizer:
    """A Vosk model folder, loaded once; optionally limited to a grammar.

    ``grammar`` is a list of words or phrases; words the model does not know
    are dropped (see ``grammar_dropped``) and "[unk]" is added where the model
    has it, so speech outside the grammar is not forced into grammar words.
    """

    name = ENGINE
    decodes_alongside = False  # a newer stream() ends the one before

    def __init__(
        self,
        model_path: str | Path,
        grammar: list[str] | None = None,
        *,
        rate: int = RECOGNIZER_RATE,
    ) -> None:
        path = Path(model_path)
        if not path.is_dir():
            raise ModelMissing(f"No speech model was found at {path}. {_HOW_TO_GET}")
        try:
            import vosk
        except ImportError as e:  # pragma: no cover - the package is a dependency
            raise ModelMissing(
                "The Vosk speech recognizer is not installed. Run scripts/install.sh."
            ) from e
        vosk.SetLogLevel(-1)
        self._vosk = vosk
        self.model_path = path
        self.rate = rate
        damaged = (
            f"The speech model at {path} is damaged or incomplete. "
            "Run 'voice models download' again to replace it, or choose PocketSphinx."
        )
        try:
            with _quiet_stderr():
                # Always a path: Model(lang=...) or Model() would download.
                self._model = vosk.Model(str(path))
        except Exception as e:  # vosk raises bare Exception("Failed to create a model")
            raise ModelMissing(damaged) from e
        self.grammar: CheckedGrammar | None = None
        if grammar is not None:
            self.grammar = check_grammar(grammar, self.knows, add_unk=True)
        try:
            with _quiet_stderr():
                self._rec = self._new_recognizer()
        except Exception as e:  # a damaged graph only shows up here
            raise ModelMissing(damaged) from e
        self._lock = threading.RLock()
        self._active: VoskStream | None = None

    def with_grammar(self, grammar: list[str] | None) -> VoskRecognizer:
        """Another recognizer on the same loaded model (no second 500 MB load)."""
        other = object.__new__(VoskRecognizer)
        other._vosk, other._model = self._vosk, self._model
        other.model_path, other.rate = self.model_path, self.rate
        other.grammar = None if grammar is None else check_grammar(grammar, self.knows, True)
        other._rec = other._new_recognizer()
        other._lock = threading.RLock()
        other._active = None
        return other

    @property
    def grammar_dropped(self) -> tuple[str, ...]:
        return self.grammar.dropped if self.grammar else ()

    @property
    def has_unk(self) -> bool:
        return self.knows(UNK)

    def knows(self, word: str) -> bool:
        """Whether the model's vocabulary has ``word`` (vosk_model_find_word != -1)."""
        return int(self._model.vosk_model_find_word(word)) != -1

    def _new_recognizer(self) -> Any:
        if self.grammar is not None:
            rec = self._vosk.KaldiRecognizer(self._model, float(self.rate), self.grammar.json())
        else:
            rec = self._vosk.KaldiRecognizer(self._model, float(self.rate))
        rec.SetWords(True)
        rec.SetPartialWords(True)
        return rec

    def stream(self) -> VoskStream:
        with self._lock:
            if self._active is not None:
                self._active._open = False
                self._rec.Reset()
            s = VoskStream(self)
            self._active = s
            return s

    def transcribe(self, clip: AudioClip) -> Transcript:
        s = self.stream()
        s.feed(clip)
        return s.finish()

    def use_content(self, kb: KnowledgeBase | None) -> None:
        """Nothing to rebuild: the assistant runs Vosk's full vocabulary, which
        does not depend on the content (``grammar``, used by benchmarks only,
        stays the one given)."""

