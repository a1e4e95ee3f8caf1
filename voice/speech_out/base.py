"""The one interface every way of speaking implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class VoiceSettings:
    """How the assistant speaks, and how long it waits; persisted per user."""

    rate: int = 150
    """Words per minute (espeak-ng's unit)."""
    volume: float = 0.9
    """0.0 to 1.0."""
    voice: str = "en-us"
    """espeak-ng voice name."""
    wait: float = 2.0
    """Seconds of quiet that end a spoken question ([audio] silence_timeout).
    Not a speech setting, but chosen by voice the same way ("give me more
    time": voice/conversation/waiting.py) and kept in the same file."""


class Speaker(Protocol):
    """Speaks text aloud (or to files); can be stopped at once."""

    def say(self, text: str, settings: VoiceSettings) -> None:
        """Speak ``text``; returns when done or when stopped."""
        ...

    def stop(self) -> None:
        """Stop speaking now (safe from another thread)."""
        ...

    @property
    def speaking(self) -> bool:
        """True while audio is being produced."""
        ...
