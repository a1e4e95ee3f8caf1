"""A derived word names its own subject (branch scope9): the rarity of a word
the content does not use is its stem's only when the two differ by an
inflection ("swears" -> "swear"), not by derivation ("mindfulness" -> "mind")."""

from __future__ import annotations

import pytest

from voice.conversation.conversation import Conversation
from voice.matching import Matcher, normalize, nothing_named, scope


@pytest.mark.parametrize(("word", "inflected"), [
    ("swears", True), ("bits", True), ("choking", True), ("sessions", True),
    ("child's", True), ("worried", True), ("colds", True), ("knees", True),
    ("mindfulness", False), ("harmful", False), ("baldness", False),
    ("cancerous", False), ("appendicitis", False), ("happiness", False),
])
def test_inflection_is_told_from_derivation(word: str, inflected: bool) -> None:
    (tok,) = normalize.tokens(word)
    assert scope._inflected(word, tok) is inflected


def test_a_derived_word_counts_with_its_own_rarity(
        matcher: Matcher, monkeypatch: pytest.MonkeyPatch) -> None:
    def outcome(q: str) -> str:
        return Conversation(matcher.kb, matcher=matcher).respond(q).outcome

    assert outcome("what is mindfulness and does it work") == "no_match"
    # Inflected words of in-scope questions (dev.tsv) still count as their stem.
    assert outcome("my friend swears by hydrotherapy") == "confirm"
    # Answered outright since session 42, when "make a difference" is read
    # "help" (synonyms.REWRITES): the physical therapy FAQ, its own entry.
    assert outcome("do physio sessions actually make a difference") in ("confirm", "answer")
    monkeypatch.setattr(scope, "INFLECTED_ONLY", False)
    # Since session 38 nothing_named.py declines it too ("mindfulness" a word
    # the content never uses, no subject named): off, to see this switch alone.
    monkeypatch.setattr(nothing_named, "ON", False)
    assert outcome("what is mindfulness and does it work") == "confirm"
