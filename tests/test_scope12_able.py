"""An "-able" adjective is read as the verb it is made from, when the content
uses that verb (normalize.able_bases, Matcher._able_base, branch scope12):
"is it treatable or curable" asks about treating and curing. Snowball leaves
the suffix on ("treatabl"), so without the content's own line the word was
a rare word of another subject and the question was declined. Checked as
scripts/tune_scope.py --leave-one-out checks it: the line itself taken out of
the content."""

from __future__ import annotations

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.matching import Matcher, normalize

from .test_scope11_nearer_ours import _without_phrasing


def test_treatable_is_about_treatment(kb: KnowledgeBase) -> None:
    question = "is it treatable or curable"
    smaller, entry_id = _without_phrasing(kb, question)
    matcher = Matcher(smaller)
    assert "treatment" in matcher.content_tokens(question)
    result = matcher.match(question)
    shown = [result.entry] if result.outcome == "answer" else result.offered
    assert shown and shown[0] is not None and shown[0].id == entry_id, result
    # A word that only looks derived stays what it is ("table", "capable":
    # the content does not use "tab" or "cap"), and such everyday requests
    # stay declined.
    for other in ("is the table comfortable", "is this laptop portable",
                  "are you capable of singing"):
        reply = Conversation(kb, matcher=Matcher(kb)).respond(other)
        assert reply.outcome == "no_match", (other, reply.say)


@pytest.mark.parametrize("word, verb", [
    ("treatable", "treat"), ("curable", "cure"), ("untreatable", "treat"),
    ("controllable", "control"), ("reliable", "rely"), ("manageable", "manage"),
    ("reversible", "reverse"),
])
def test_able_bases(word: str, verb: str) -> None:
    assert verb in normalize.able_bases(word)


@pytest.mark.parametrize("word", ["table", "able", "stable", "treat", "treatment"])
def test_no_base_for_other_words(word: str) -> None:
    assert normalize.able_bases(word) == []
