"""An "-able" word with a negating prefix is read as the bare verb first
(normalize.able_bases, branch scope13): "incurable" as "cure", not "incur".
Before, a content that uses "incur" (a caregiver's page on the costs a
family may incur) took "incurable" for it."""

from __future__ import annotations

import pytest

from voice.content.model import Entry, KnowledgeBase
from voice.matching import Matcher, normalize


@pytest.mark.parametrize("word, verb, whole", [
    ("incurable", "cure", "incur"), ("untreatable", "treat", "untreat"),
    ("nonreversible", "reverse", "nonrevers"),
])
def test_bare_verb_first(word: str, verb: str, whole: str) -> None:
    bases = normalize.able_bases(word)
    assert bases.index(verb) < bases.index(whole), bases


def test_incurable_is_not_incur(kb: KnowledgeBase) -> None:
    costs = Entry(id="costs", kind="section", title="Costs of care",
                  answer="Families may incur costs for equipment; grants can help.",
                  keywords=("incur",))
    bigger = KnowledgeBase((*kb.entries, costs))
    matcher = Matcher(bigger)
    cure = normalize.content_tokens("cure")[0]
    assert matcher._able_base("incurable") == cure
    assert matcher._able_base("uncurable") == cure
