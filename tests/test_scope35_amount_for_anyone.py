"""Session 29 (branch scope35, issue 14): an amount asked for anyone of a
kind is declined.

"how much water should a child drink" (health-heldout, a tuning set since
scope-e) was offered Lifestyle Changes ("drink" -> hydration): it asks the
general advice for a child, which the content never gives
(voice/matching/amount_for_anyone.py). Lines beside it keep their outcome:
the asker's own amount, a caregiver's own child, a person qualified by a
condition, and a word distinctive of the content.

Typed through the Conversation as `voice text` does (shipped content)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.reply import Reply

LIFESTYLE = "can-lifestyle-changes-help-manage-chronic-spasms"


@pytest.mark.parametrize("line", [
    "how much water should a child drink",
    "how much water does an adult need",
])
def test_an_amount_for_anyone_is_declined(typed: Callable[[str], Reply], line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "no_match", (line, reply.outcome, reply.say)


@pytest.mark.parametrize(("line", "outcome", "entry"), [
    ("how much water should i drink", "confirm", LIFESTYLE),
    # "how much water should my child drink" is declined since session 40
    # (others_wellbeing.py: a child's diet, no condition named).
    ("how often should an adult stretch", "confirm", "physical-therapy"),
    ("how much magnesium does a woman need", "confirm", "dietary-adjustments"),
    ("how much should i exercise", "answer", "the-role-of-exercise-and-rehabilitation"),
])
def test_lines_beside_keep_their_outcome(typed: Callable[[str], Reply], line: str,
                                         outcome: str, entry: str) -> None:
    reply = typed(line)
    assert reply.outcome == outcome, (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == entry, (line, reply.match, reply.say)
