"""After the emergency advice, "yes" and "no" answer nothing asked before it.

Found by branch robust22 (`voice text`): "what's the best food for ms"
(offered Dietary Adjustments), "I can't breathe" (the advice to call the
emergency number), then "yes" read the diet section in full; after an
answer, "no" following the advice was taken for "that's wrong" ("Sorry about
that. Did you mean ...?"). Typed through the Conversation with the shipped
content (conftest's ``kb`` and ``matcher``).
"""

from __future__ import annotations

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.matching.matcher import Matcher


def said(kb: KnowledgeBase, matcher: Matcher, lines: list[str]) -> list[tuple[str, str]]:
    c = Conversation(kb, matcher=matcher)
    return [(r.outcome, r.say) for r in map(c.respond, lines)]


@pytest.mark.parametrize("before", ["whats the best food for ms", "can ms be cured"])
@pytest.mark.parametrize("reply", ["yes", "no", "that's wrong"])
def test_a_reply_after_the_emergency_advice_reads_nothing(
        kb: KnowledgeBase, matcher: Matcher, before: str, reply: str) -> None:
    first, emergency, after = said(kb, matcher, [before, "i can't breathe", reply])
    assert first[0] in ("answer", "confirm")
    assert emergency[0] == "emergency"
    assert after[0] == "command", after
    assert "Did you mean" not in after[1] and "not medical advice" not in after[1], after


def test_the_offer_still_answered_without_an_emergency_between(
        kb: KnowledgeBase, matcher: Matcher) -> None:
    """The control: the same "yes" to the offer reads the diet section."""
    (offer, _), (outcome, say) = said(kb, matcher, ["whats the best food for ms", "yes"])
    assert offer == "confirm"
    assert outcome == "answer" and "electrolyte" in say


def test_go_on_after_the_advice_reads_the_rest(kb: KnowledgeBase, matcher: Matcher) -> None:
    """A long answer cut by the emergency is not lost: "go on" reads on."""
    c = Conversation(kb, matcher=matcher)
    first = c.respond("list topics")
    assert first.more
    assert c.respond("i can't breathe").outcome == "emergency"
    assert c.respond("go on").say.startswith("7, Medication")
