"""A speaker that prints: for ``--no-speak`` and when there is no speaker."""

from __future__ import annotations

import sys
from typing import TextIO

from voice.speech_out.base import VoiceSettings


class PrintOnlySpeaker:
    """Writes each answer as one line of text instead of speaking it."""

    def __init__(self, out: TextIO | None = None, echo: bool = True) -> None:
        # Looked up at each call when not given, so pytest's capsys and a
        # redirected sys.stdout both see the text.
        self._out = out
        self.echo = echo
        """False when the caller prints every reply itself (voice.app does):
        printing again would show each answer twice and break --json output."""

    @property
    def speaking(self) -> bool:
        return False

    def say(self, text: str, settings: VoiceSettings) -> None:
        text = text.strip()
        if text and self.echo:
            out = self._out or sys.stdout
            print(text, file=out, flush=True)

    def stop(self) -> None:
        """Nothing to stop: printing is instant."""
