"""The knowledge base: entries the assistant can answer with."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntryKind = Literal["faq", "section"]


@dataclass(frozen=True)
class Entry:
    """One answerable thing: an FAQ question or an article section."""

    id: str
    """Stable slug, unique across all content files."""
    kind: EntryKind
    """"faq" for a question with its answer, "section" for an article section."""
    title: str
    """The FAQ question or section title, exactly as written."""
    answer: str
    """The text read aloud, paragraphs separated by blank lines."""
    phrasings: tuple[str, ...] = ()
    """Other ways people ask for this entry, added by an editor."""
    keywords: tuple[str, ...] = ()
    """Words that point to this entry, added by an editor."""
    parent: str | None = None
    """Title of the enclosing section, for subsections."""
    source: str = ""
    """"file:line" where the entry starts, for messages."""


@dataclass(frozen=True)
class KnowledgeBase:
    """All entries from every content file, merged."""

    entries: tuple[Entry, ...]
    files: tuple[str, ...] = field(default=())
    """The files the entries came from."""
    left_out: tuple[str, ...] = field(default=())
    """Files left out for a mistake (``load_knowledge(forgiving=True)``)."""
    problems: tuple[str, ...] = field(default=())
    """One line per file left out: the file, the line and what to change."""

    def by_id(self, entry_id: str) -> Entry:
        for e in self.entries:
            if e.id == entry_id:
                return e
        raise KeyError(entry_id)
