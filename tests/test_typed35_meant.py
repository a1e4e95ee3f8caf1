"""Typed questions the matcher met badly (session 29, branch typed35; issue
14's in-scope side): "does walking help" alone, aunts and uncles named
(docs/user-journeys.md)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.reply import Reply

ASSISTIVE_FAQ = "How do assistive devices improve mobility?"
COPING = "Coping Strategies for Individuals and Caregivers"
EXERCISE = "The Role of Exercise and Rehabilitation"
HEREDITARY = "Are neuromuscular disorders hereditary?"


def _offered(reply: Reply) -> str:
    assert reply.outcome == "confirm", reply.say
    assert reply.match is not None, reply.say
    return reply.match.title


def test_does_walking_help_is_asked_as_exercise(typed: Callable[[str], Reply]) -> None:
    # The assistive-devices FAQ ("help me walk") was offered alone; now
    # what "does exercise help" is offered (Physical Therapy or Exercise).
    walking = typed("does walking help")
    assert walking.outcome == "confirm" and EXERCISE in walking.say, walking.say
    assert ASSISTIVE_FAQ not in walking.say
    assert walking.say == typed("does exercise help").say


@pytest.mark.parametrize(("line", "title"), [
    ("will a brace help me walk", ASSISTIVE_FAQ),
    ("do i need a walking stick", "Assistive Devices")])
def test_walking_as_ability_is_as_before(typed: Callable[[str], Reply], line: str,
                                         title: str) -> None:
    # Controls: walking helped with, or a help to walk.
    reply = typed(line)
    assert reply.outcome == "answer", reply.say
    assert reply.match is not None and reply.match.title == title, reply.say


@pytest.mark.parametrize("line", [
    "my aunt has ms, will i get it", "my uncle had ms will i get it"])
def test_aunt_or_uncle_who_had_it_offers_hereditary(typed: Callable[[str], Reply],
                                                    line: str) -> None:
    # Offered the section on the conditions ("aunt", "uncle" counted as
    # another subject's words), where "my mum had ms" reaches heredity.
    assert _offered(typed(line)) == HEREDITARY


def test_uncle_cared_for_is_read_coping_as_mum_is(typed: Callable[[str], Reply]) -> None:
    # "i look after my mum who has als" reads Coping Strategies; "my uncle"
    # was only offered it.
    for who in ("uncle", "mum"):
        reply = typed(f"i look after my {who} who has als")
        assert reply.outcome == "answer", reply.say
        assert reply.match is not None and reply.match.title == COPING, reply.say
