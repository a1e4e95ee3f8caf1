"""What the conversation answers: one Reply per thing the user says."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from voice.content.model import Entry
from voice.matching.matcher import Candidate
from voice.speech_out.base import VoiceSettings

ReplyOutcome = Literal["answer", "confirm", "no_match", "command", "emergency"]


@dataclass(frozen=True)
class Reply:
    """The assistant's turn, ready to speak and to print as JSON."""

    input: str
    """What the user said or typed."""
    outcome: ReplyOutcome
    """answer, confirm ("Did you mean ...?"), no_match, command, or emergency."""
    say: str
    """The exact words to speak ("" means stay silent, e.g. while asleep)."""
    settings: VoiceSettings
    """Rate, volume and voice in force after this reply."""
    match: Entry | None = None
    """The entry answered or offered."""
    score: float = 0.0
    """Matcher confidence 0-100 for ``match``."""
    answer: str | None = None
    """The entry's full text when answering."""
    alternatives: list[Candidate] = field(default_factory=list)
    """Other candidates, best first."""
    command: str | None = None
    """The voice command recognised, for outcome "command"."""
    stop_speaking: bool = False
    """Interrupt whatever is being spoken before saying this."""
    exit: bool = False
    """The user asked to quit the program."""
    asleep: bool = False
    """The assistant is asleep after this reply (only "wake up" is heard)."""
    more: bool = False
    """More of the answer is waiting ("Shall I go on?")."""
    learned: str | None = None
    """The user's own ways of asking: "added" (the words just confirmed were
    learned), "used" (answered from one), "removed" (after "that's wrong"),
    "cleared" (all forgotten)."""

    def to_json(self) -> dict[str, Any]:
        match = None
        if self.match is not None:
            match = {"id": self.match.id, "kind": self.match.kind, "title": self.match.title}
        return {
            "input": self.input,
            "query": self.input,
            "outcome": self.outcome,
            "match": match,
            "score": round(self.score, 1),
            "answer": self.answer,
            "say": self.say,
            "alternatives": [
                {"id": c.entry.id, "title": c.entry.title, "score": round(c.score, 1)}
                for c in self.alternatives
            ],
            "command": self.command,
            "rate": self.settings.rate,
            "volume": round(self.settings.volume, 2),
            "asleep": self.asleep,
            "more": self.more,
            "learned": self.learned,
        }
