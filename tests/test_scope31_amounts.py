"""Session 27 (branch scope31, issue 14): an amount asked, and "daily" in
the entry is everyday, not how often.

"how much sleep do i need" was read Impact on Daily Life in full: the
amount check (scope.asks_amount_not_given, branch scope20) took the
answer's "daily activities" for a frequency given, as in "stretch daily".
Every "daily" of the shipped content is everyday ("daily life", "daily
activities", "daily functioning"), so such an answer gives no amount; the
entry is offered, never read. Lines that keep their outcome beside them.

Typed through the Conversation as `voice text` does (shipped content)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.reply import Reply

DAILY_LIFE = "impact-on-daily-life"


@pytest.mark.parametrize("line", [
    "how much sleep do i need",
    "how much help will i need with daily activities",
])
def test_everyday_daily_gives_no_amount(typed: Callable[[str], Reply], line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == DAILY_LIFE, (line, reply.match, reply.say)


@pytest.mark.parametrize(("line", "outcome", "entry"), [
    ("how do these conditions affect daily life", "answer", DAILY_LIFE),
    ("how soon should i see a doctor", "answer",
     "when-should-someone-seek-medical-attention-for-muscle-spasms"),
    ("how much water should i drink", "confirm",
     "can-lifestyle-changes-help-manage-chronic-spasms"),
    ("how often should i stretch", "confirm", "physical-therapy"),
])
def test_lines_beside_keep_their_outcome(typed: Callable[[str], Reply], line: str,
                                         outcome: str, entry: str) -> None:
    reply = typed(line)
    assert reply.outcome == outcome, (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == entry, (line, reply.match, reply.say)
