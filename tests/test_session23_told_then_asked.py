"""A telling of who has the condition, then what is asked (issue 14, branch scope24b).

- "my wife was diagnosed, how can i help her" was read Diagnosis and Medical
  Evaluations in full ("diagnosed" folds to "diagnosis"): the caregiver asks
  how to help, Coping Strategies for Individuals and Caregivers.
- "i was diagnosed" was read Diagnosis in full: a statement, not a question;
  offered, the user says what they want to know.
- "my husband was just diagnosed with als what now" was declined: "what now"
  after a telling asks where to begin (the Introduction's "where do i start").
- "my brother has MS Im searching for something that can help him" (MeQSum)
  was offered the section describing the conditions.

Typed through the Conversation as `voice text` does, with the shipped
content and models."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.reply import Reply

COPING = "coping-strategies-for-individuals-and-caregivers"
DIAGNOSIS = "diagnosis-and-medical-evaluations"
TREATMENT = "treatment-approaches-for-long-term-management"


def _offered(reply: Reply) -> list[str]:
    """The entries offered, first what "Did you mean" names."""
    first = [reply.match.id] if reply.match is not None else []
    return first + [c.entry.id for c in reply.alternatives if c.entry.id not in first]


@pytest.mark.parametrize("line", [
    "my wife was diagnosed, how can i help her",
    "my mum has been diagnosed with ms how do i support her",
    "my dad was diagnosed with als, how do i help him",
    "my brother has MS Im searching for something that can help him",
    "my brother has ms, what can help him",
    # MeQSum (tuning half), as written: the second sentence asks the same again.
    "my brother has MS Im searching for something that can help him. Can you please let me know"
    " if there is something that can help.",
])
def test_how_to_help_the_one_told_about_is_caring(typed: Callable[[str], Reply],
                                                  line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "answer" and reply.match is not None, (reply.outcome, reply.say)
    assert reply.match.id == COPING


@pytest.mark.parametrize(("line", "first"), [
    ("i was diagnosed", DIAGNOSIS),
    # Session 35: a condition named, the news is met kindly and how it is
    # treated and coping are offered (on_behalf.diagnosis_told), still
    # offered, never read.
    ("i was diagnosed with myasthenia gravis yesterday", TREATMENT),
    ("my son was diagnosed with ms yesterday", TREATMENT)])
def test_a_telling_alone_is_offered_never_read(typed: Callable[[str], Reply], line: str,
                                               first: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", (reply.outcome, reply.say)
    assert _offered(reply)[:1] == [first], _offered(reply)


@pytest.mark.parametrize("line", ["my husband was just diagnosed with als what now",
                                  "i just got diagnosed with ms what now",
                                  "my mum has als, what now"])
def test_what_now_after_a_telling_offers_where_to_start(typed: Callable[[str], Reply],
                                                        line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", (reply.outcome, reply.say)
    assert _offered(reply)[:1] == ["introduction"], _offered(reply)


@pytest.mark.parametrize(("line", "outcome", "entry"), [
    # Not one of the conditions: no telling of ours.
    ("my wife was diagnosed with diabetes, how can i help her", "no_match", None),
    ("my brother has a cold, how can i help him", "no_match", None),
    # Helped with a thing named: what helps that thing.
    ("my dad has ms, how can i help him with his spasms", "confirm",
     "can-lifestyle-changes-help-manage-chronic-spasms"),
    # A second sentence that names what with is its own question.
    ("my dad has ms, how can i help him. is there anything for his spasms that can help",
     "confirm", "can-lifestyle-changes-help-manage-chronic-spasms"),
    # Asked how it is diagnosed: the entry answers.
    ("how do doctors diagnose als", "answer", DIAGNOSIS),
    # Inheritance asked after the telling.
    ("my husband has ms, will our kids get it", "answer", "are-neuromuscular-disorders-hereditary"),
])
def test_what_is_not_a_telling_stays(typed: Callable[[str], Reply], line: str, outcome: str,
                                     entry: str | None) -> None:
    reply = typed(line)
    assert reply.outcome == outcome, (reply.outcome, reply.say)
    if entry is not None:
        assert _offered(reply)[:1] == [entry], _offered(reply)
