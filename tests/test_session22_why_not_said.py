"""A "why" the entry gives no cause for is offered, never read (session 22).

"why do i get spasms at night" and "why do my legs twitch at night" were
read Impact on Daily Life in full: it says sleep is disrupted, not why
("night" folds to sleep; "why" is a word of its own line "why am i so tired
all the time"). A wrong answer read in full is the worst failure; now they
are offered, as an amount the answer does not give is (scope20)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.reply import Reply


@pytest.mark.parametrize("line", ["why do i get spasms at night",
                                  "why do my legs twitch at night",
                                  "why am i always so tired"])
def test_a_why_the_entry_does_not_answer_is_offered(typed: Callable[[str], Reply],
                                                    line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", (reply.outcome, reply.say)


@pytest.mark.parametrize(("line", "entry"), [
    # The content's own line is answered as written.
    ("why am i so tired all the time", "impact-on-daily-life"),
    # A cause the entry gives.
    ("why do people get these disorders", "causes-and-risk-factors"),
    # What a thing is for: the entry says.
    ("why do i need physio", "what-role-does-physical-therapy-play-in-managing-these-conditions"),
    ("why do people with ms need assistive devices", "how-do-assistive-devices-improve-mobility"),
])
def test_a_why_the_entry_answers_is_still_answered(typed: Callable[[str], Reply], line: str,
                                                   entry: str) -> None:
    reply = typed(line)
    assert reply.outcome == "answer" and reply.match is not None, (reply.outcome, reply.say)
    assert reply.match.id == entry
