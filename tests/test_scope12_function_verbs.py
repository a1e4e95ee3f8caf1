"""A participle or past tense of a function verb is a function word too
(normalize._inflected_stopword, branch scope12): "coming" says no more
than "come" or "comes", which were stop words already, so "what is coming
in the future" is carried by "future", as the content's own line means it.
As a content word, "coming" was an everyday word ("is the bus coming")
counting against the question. Checked as scripts/tune_scope.py
--leave-one-out checks it: the line itself taken out of the content."""

from __future__ import annotations

import dataclasses

import pytest

from voice.content.model import KnowledgeBase
from voice.matching import Matcher, normalize


def test_coming_in_the_future(kb: KnowledgeBase) -> None:
    question = "what is coming in the future"
    owner = next(e for e in kb.entries if question in e.phrasings)
    smaller = KnowledgeBase(tuple(
        dataclasses.replace(e, phrasings=tuple(p for p in e.phrasings if p != question))
        if e is owner else e for e in kb.entries))
    result = Matcher(smaller).match(question)
    shown = [result.entry] if result.outcome == "answer" else result.offered
    assert shown and shown[0] is not None and shown[0].id == owner.id, result


@pytest.mark.parametrize("word", ["coming", "keeping", "putting", "giving", "saying"])
def test_participles_of_function_verbs(word: str) -> None:
    assert normalize.is_function_word(word)
    # Derived words, plurals (and a typed "let's") are no participles.
    for other in ("findings", "helpful", "bits", "lets", "spasms", "cramping"):
        assert not normalize.is_function_word(other), other
