"""Session 30 (branch scope36, issue 14): a place asked of a thing reached
only through a synonym, or a statement in generic words, is never read in
full.

"i need a life" was read Impact on Daily Life in full, "where should i go
for dinner" Dietary Adjustments ("dinner" -> diet): everyday requests that
the word models call ours because the content uses "life" and "diet" far
more than everyday talk does (voice/matching/nothing_asked.py). They are
offered now, never read; in-scope lines beside them keep their answer, and
in-scope lines of the same shape keep their right entry, offered.

Typed through the Conversation as `voice text` does (shipped content)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.reply import Reply

DIET = "dietary-adjustments"
EXERCISE = "the-role-of-exercise-and-rehabilitation"
LIFESTYLE = "can-lifestyle-changes-help-manage-chronic-spasms"
SUPPORT = "community-support-and-awareness"


@pytest.mark.parametrize("line", [
    "i need a life",
    "get a life",
    "living the good life",
    "i need a drink",
    "where should i go for dinner",
    "where can i get some good food",
    "where should we eat",
    "where can i get a drink",
    "where can i go for a walk",
])
def test_everyday_lines_are_never_read_in_full(typed: Callable[[str], Reply], line: str) -> None:
    reply = typed(line)
    assert reply.outcome in ("confirm", "no_match"), (line, reply.outcome, reply.say)


@pytest.mark.parametrize(("line", "entry"), [
    ("where can i get a wheelchair", "assistive-devices"),
    ("where can i get physio", "what-role-does-physical-therapy-play-in-managing-these-conditions"),
    ("where can i get support", SUPPORT),
    ("where can i find a support group", SUPPORT),
    ("give me the short version", "conclusion"),
    ("who can help with the cost", SUPPORT),
    ("what can i eat to help", DIET),
    ("when should i see a doctor",
     "when-should-someone-seek-medical-attention-for-muscle-spasms"),
    ("can i still go running", EXERCISE),
    # "i have cramps at night" was here (Impact on Daily Life, read in full):
    # since session 45 a spasm told at night is met as a spasm told, with its
    # caution and what helps offered (tests/test_session45_main.py, and the
    # test below).
    ("tell me about diet", DIET),
    ("eat well", DIET),
])
def test_lines_beside_keep_their_answer(typed: Callable[[str], Reply], line: str,
                                        entry: str) -> None:
    reply = typed(line)
    assert reply.outcome == "answer", (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == entry, (line, reply.match, reply.say)


def test_cramps_told_at_night_are_a_spasm_told(typed: Callable[[str], Reply]) -> None:
    """"i have cramps at night" was answered Impact on Daily Life (a guard
    above until session 45); since branch typed45 a spasm told at night is
    met as one, with its caution, what spasms are offered first
    (at_night.told_at_night; the merge left this guard failing on main)."""
    reply = typed("i have cramps at night")
    assert reply.outcome == "confirm", reply.say
    assert reply.say.startswith("Muscles that jump, twitch, lock or curl up"), reply.say
    assert reply.match is not None
    assert reply.match.id == "recognizing-chronic-spasms-and-neuromuscular-disorders"


@pytest.mark.parametrize(("line", "entry"), [
    ("where can i get equipment", "assistive-devices"),
    ("i need support", SUPPORT),
])
def test_same_shape_in_scope_keeps_its_entry_offered(typed: Callable[[str], Reply], line: str,
                                                     entry: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == entry, (line, reply.match, reply.say)


@pytest.mark.parametrize("line", [
    "are there any tests that i can purchase to test myself at home for covid",
    "what are the long term effects of covid on muscles",
])
def test_covid_is_a_named_subject(typed: Callable[[str], Reply], line: str) -> None:
    """"covid" is newer than WordNet 3.1; scripts/build_health_subjects.py's
    ``NEWER`` names it a condition, so a line about it is declined."""
    reply = typed(line)
    assert reply.outcome == "no_match", (line, reply.outcome, reply.say)
