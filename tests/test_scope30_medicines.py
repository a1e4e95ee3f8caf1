"""Session 27 (branch scope30, issue 14): two review findings on scope29.

- Whether one's own medicine is to blame ("is it my baclofen") named the
  drugs in a list in asked_not_said.py ("baclofen|botox"): a page naming
  another drug was not followed, and "is it my tolperisone" was read the
  Medication section in full where "is it my baclofen" was offered. The
  medicines are now the ones the loaded content names
  (own_medicines.medicine_keywords, ``Matcher.names_our_medicine``).
- ``Matcher._our_medicine_asked`` tokenised every candidate's answer again
  on every question; the tokens are built with the index."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest

from voice.content.model import Entry, KnowledgeBase
from voice.matching import matcher as matcher_module
from voice.matching.matcher import Matcher

MEDICATION = "medication"


def _renamed(entry: Entry, old: str, new: str) -> Entry:
    def swap(text: str) -> str:
        return re.sub(old, new, text, flags=re.IGNORECASE)
    return dataclasses.replace(
        entry, title=swap(entry.title), answer=swap(entry.answer),
        phrasings=tuple(map(swap, entry.phrasings)), keywords=tuple(map(swap, entry.keywords)))


@pytest.fixture(scope="module")
def renamed(kb: KnowledgeBase) -> Matcher:
    """The shipped content with its "baclofen" called "tolperisone", a drug
    neither WordNet nor general English knows."""
    return Matcher(KnowledgeBase(tuple(_renamed(e, "baclofen", "tolperisone")
                                       for e in kb.entries)))


def test_whose_medicine_to_blame_follows_the_content(matcher: Matcher, renamed: Matcher) -> None:
    shipped = matcher.match("is it my baclofen")
    assert shipped.outcome == "confirm" and shipped.entry is not None
    assert shipped.entry.id == MEDICATION
    # Read in full before: "tolperisone" was in no list.
    result = renamed.match("is it my tolperisone")
    assert result.outcome == "confirm", (result.outcome, result.candidates[:2])
    assert result.entry is not None and result.entry.id == MEDICATION


@pytest.mark.parametrize("line", ["is it my botox", "is it my gabapentin",
                                  "is it my medication", "could my tablets be causing this"])
def test_the_content_and_everyday_words_for_medicines_still_count(matcher: Matcher,
                                                                  line: str) -> None:
    assert matcher.match(line).outcome == "confirm", line


def test_candidates_are_not_tokenised_again_per_question(
        matcher: Matcher, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the Medication entry says is read from the index, not tokenised
    again for "does baclofen have side effects"."""
    answer = next(e.answer for e in matcher.kb.entries if e.id == MEDICATION)
    marker = matcher_module.normalize.prepare(answer)[:60]
    seen: list[str] = []
    real = matcher_module.normalize.content_tokens

    def spy(text: str, *args: Any, **kwargs: Any) -> Any:
        seen.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(matcher_module.normalize, "content_tokens", spy)
    result = matcher.match("does baclofen have side effects")
    assert result.outcome == "confirm" and result.entry is not None
    assert result.entry.id == MEDICATION
    assert not any(marker in text for text in seen)
