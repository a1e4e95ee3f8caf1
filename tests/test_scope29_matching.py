"""Session 26 (branch scope29, issue 14): the part of a question an entry
never speaks of.

- "does exercise make spasms worse" was read the lifestyle FAQ in full ("Yes,
  regular exercise ... significantly reduce spasm frequency"): a yes to the
  opposite question. "does massage hurt", "who pays for physio" were read
  entries that never say whether it hurts or who pays. The content word
  carried the match; what is asked of it (harm, paying) the entry never
  speaks of (voice/matching/asked_not_said.py). Offered, never read; an
  entry that speaks of it offered first ("can too much exercise make spasms
  worse": The Role of Exercise, "without causing excessive strain").
- "does baclofen have side effects", "is baclofen addictive", "does baclofen
  make you sleepy" were declined where "what are the side effects of
  baclofen" was offered: Medication offered, never read.
- "could my tablets be causing this" was read Causes and Risk Factors in
  full: whether one's own medicine is to blame is offered, never read.

Typed through the Conversation as `voice text` does (shipped content)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.reply import Reply

MEDICATION = "medication"
LIFESTYLE = "can-lifestyle-changes-help-manage-chronic-spasms"
EXERCISE = "the-role-of-exercise-and-rehabilitation"
PHYSIO_FAQ = "what-role-does-physical-therapy-play-in-managing-these-conditions"


@pytest.mark.parametrize(("line", "entry"), [
    ("does exercise make spasms worse", EXERCISE),
    ("can too much exercise make spasms worse", EXERCISE),
    ("does swimming make spasms worse", EXERCISE),
    ("does massage hurt", "alternative-therapies"),
    ("does acupuncture hurt", "alternative-therapies"),
    ("does physio hurt", PHYSIO_FAQ),
    ("do the injections hurt", MEDICATION),
    ("who pays for physio", PHYSIO_FAQ),
    ("is physio free", PHYSIO_FAQ),
])
def test_what_the_entry_never_speaks_of_is_offered_not_read(
        typed: Callable[[str], Reply], line: str, entry: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == entry, (line, reply.match, reply.say)


@pytest.mark.parametrize("line", [
    "does baclofen have side effects",
    "does baclofen make you sleepy",
    "is baclofen addictive",
])
def test_whether_our_medicine_harms_is_offered_not_declined(
        typed: Callable[[str], Reply], line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == MEDICATION, (line, reply.say)


@pytest.mark.parametrize(("line", "entry"), [
    ("could my tablets be causing this", "causes-and-risk-factors"),
    ("could my tablets be giving me cramps", "causes-and-risk-factors"),
    ("is it my medication", MEDICATION),
])
def test_whether_ones_own_medicine_is_to_blame_is_offered_not_read(
        typed: Callable[[str], Reply], line: str, entry: str) -> None:
    """Causes and Risk Factors' "medication reactions" carries it, but no
    entry can say it of one person's medicine."""
    reply = typed(line)
    assert reply.outcome == "confirm", (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == entry, (line, reply.say)


#: Lines whose entry speaks of what is asked, the editor's own, and what
#: helps: as before.
_AS_BEFORE = (
    ("does stress make spasms worse", "answer", LIFESTYLE),
    ("can exercise make it worse", "answer", EXERCISE),
    ("is exercise bad for me", "answer", EXERCISE),
    ("can yoga make it worse", "answer", EXERCISE),
    ("is tai chi safe", "answer", EXERCISE),
    ("does massage help spasms", "answer", "alternative-therapies"),
    ("does drinking water help", "answer", LIFESTYLE),
    ("what triggers chronic spasms", "answer", "causes-and-risk-factors"),
    ("does baclofen help", "answer", MEDICATION),
    ("what is baclofen", "answer", MEDICATION),
    ("what are the side effects of baclofen", "confirm", MEDICATION),
    ("what medication helps spasms", "answer", MEDICATION),
    ("how soon should i call the doctor if my cramps get worse", "answer",
     "when-should-someone-seek-medical-attention-for-muscle-spasms"),
)


@pytest.mark.parametrize(("line", "outcome", "entry"), _AS_BEFORE)
def test_ours_keep_their_outcome(typed: Callable[[str], Reply], line: str,
                                 outcome: str, entry: str | None) -> None:
    reply = typed(line)
    assert reply.outcome == outcome, (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == entry, (line, reply.say)
