"""Finding entries for a line: typed (typos corrected and offered) or heard
(a word no dictionary knows is a mishearing), by id, or the entries the
content answers a few set questions with."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from voice.content.model import Entry
from voice.matching.matcher import MatchResult
from voice.matching.spelling import typed_match

if TYPE_CHECKING:
    from voice.conversation.conversation import Conversation


def match(talk: Conversation, text: str, doubtful: bool, heard: bool,
          sure: Collection[str]) -> MatchResult:
    """What the matcher finds for ``text``: heard, or typed (typos corrected)."""
    if heard:
        return talk.matcher.match(text, doubtful=doubtful, heard=heard, sure=sure)
    # Typed: a word no dictionary knows is a typo, corrected and offered.
    return typed_match(talk.matcher, talk.speller, text, doubtful)


def entries_answering(talk: Conversation, queries: Sequence[str]) -> list[Entry]:
    """The entries the content answers ``queries`` with, each once."""
    entries: list[Entry] = []
    for query in queries:
        result = talk.matcher.match(query)
        if result.outcome == "answer" and result.entry is not None \
                and result.entry not in entries:
            entries.append(result.entry)
    return entries


def entry_by_id(talk: Conversation, entry_id: str) -> Entry | None:
    """The entry with id ``entry_id``, None when the content has none."""
    for entry in talk.kb.entries:
        if entry.id == entry_id:
            return entry
    return None

