"""Session 27 (branch scope30, issue 14): a cause asked, and the entry offered
gives none.

"what causes cramps at night" offered Impact on Daily Life first (cramps
disturb sleep; it says nothing of why), "what causes fatigue" the same:
a "Did you mean" whose yes reads an entry that does not answer. What is
asked is a cause (asked_not_said.asks_cause); an offered entry whose answer
gives one (scope.CAUSE_GIVEN) now goes first, as an entry that speaks of
harm does for "does exercise make spasms worse" (scope29). Offered, never
read; lines whose first entry gives a cause keep their outcome.

Typed through the Conversation as `voice text` does (shipped content)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.reply import Reply

CAUSES = "causes-and-risk-factors"


# "what causes fatigue", asked of no one, is declined since session 34
# (cause_unsaid.py: no sentence of the content gives a cause of fatigue;
# tests/test_scope40_cause_unsaid.py); asked of oneself it is offered as here.
@pytest.mark.parametrize("line", ["what causes cramps at night", "what causes my fatigue"])
def test_an_entry_giving_causes_is_offered_first(typed: Callable[[str], Reply],
                                                 line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == CAUSES, (line, reply.match, reply.say)


@pytest.mark.parametrize(("line", "outcome", "entry"), [
    ("what causes spasms", "answer", CAUSES),
    ("what triggers my cramps", "answer", CAUSES),
    ("what brings on a spasm", "answer", CAUSES),
    ("what causes muscle weakness", "confirm", CAUSES),
    ("what causes gout", "no_match", None),
])
def test_lines_whose_entry_gives_causes_keep_their_outcome(
        typed: Callable[[str], Reply], line: str, outcome: str, entry: str | None) -> None:
    reply = typed(line)
    assert reply.outcome == outcome, (line, reply.outcome, reply.say)
    assert (reply.match.id if reply.match is not None else None) == entry, (line, reply.say)
