"""The one interface every speech recognizer here implements."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from voice.audio.clip import AudioClip

if TYPE_CHECKING:
    from voice.content.model import KnowledgeBase


@dataclass(frozen=True)
class Transcript:
    """What a recognizer heard."""

    text: str
    """Lower-case words, empty when nothing was recognised."""
    engine: str
    """Which recognizer produced it ("whisper", "vosk", "pocketsphinx")."""
    confidence: float | None = None
    """Engine confidence 0..1 where the engine gives one."""
    alternatives: list[str] = field(default_factory=list)
    """Other hypotheses, best first, where the engine gives them."""
    words: tuple[tuple[str, float], ...] = ()
    """Each word of ``text`` with the engine's confidence in it (0..1), where
    the engine gives one; empty otherwise."""
    instead_of: str | None = field(default=None, compare=False)
    """When Whisper took its emergency-prompt decode over its own choice
    (whisper/emergencies.with_emergency), what its own choice heard ("" when
    nothing); None otherwise, and for every other engine."""

    def sure_text(self, min_confidence: float) -> str:
        """``text`` without the words the engine is less sure of than ``min_confidence``.

        Without per-word confidences this is ``text`` unchanged.
        """
        if not self.words:
            return self.text
        return " ".join(w for w, c in self.words if c >= min_confidence)


class RecognitionStream(Protocol):
    """One utterance being decoded as audio arrives."""

    def feed(self, clip: AudioClip) -> str:
        """Add 16 kHz mono audio; return the partial text so far."""
        ...

    def finish(self) -> Transcript:
        """End the utterance and return the final transcript."""
        ...


class Recognizer(Protocol):
    """A loaded speech recognizer (load once, decode many utterances)."""

    name: str
    decodes_alongside: bool
    """Whether a stream may be started and fed while another decode of this
    recognizer runs (Whisper: its model takes one call at a time by itself,
    shared_model.py). False when all decodes share one decoder (PocketSphinx,
    Vosk): hands-free listening then waits for a background decode (the
    check of unaddressed speech for a cry) before it feeds the question."""

    def stream(self) -> RecognitionStream:
        """Start decoding a new utterance."""
        ...

    def transcribe(self, clip: AudioClip) -> Transcript:
        """Decode a whole clip (any rate; resampled to 16 kHz mono)."""
        ...

    def use_content(self, kb: KnowledgeBase | None) -> None:
        """Follow the content ``kb``, read again after a change while running.

        Engines primed with the content's words rebuild that from ``kb``
        (Whisper its prompt; PocketSphinx its language model and dictionary,
        in the background, used from the next utterance on); the others do
        nothing. Returns at once and never raises: a rebuild that fails keeps
        what the engine had, said in one logged line.
        """
        ...
