"""A question naming a condition the content names itself ("MS", "ALS") is
not declined for looking like an everyday question (voice/matching/
own_conditions.py), through the real Conversation and the shipped content."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.loader import load_knowledge
from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.matching.matcher import Matcher

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge([REPO / "content"])


@pytest.mark.parametrize("said", [
    "how do i know if i have ms",
    "do i have ms",
    "how do i know if i have als",
    "do i have multiple sclerosis",
])
def test_asked_whether_one_has_our_condition_it_offers_not_declines(
        kb: KnowledgeBase, said: str) -> None:
    reply = Conversation(kb, matcher=Matcher(kb)).respond(said)
    # Offered, never read: only a doctor can say whether someone has it.
    assert reply.outcome == "confirm"
    assert reply.match is not None and "recognizing" in reply.match.id


@pytest.mark.parametrize("said", [
    "how do i know if i have diabetes",
    "can ms cause hair loss",
    "open ms teams",
])
def test_other_subjects_are_still_declined(kb: KnowledgeBase, said: str) -> None:
    assert Conversation(kb, matcher=Matcher(kb)).respond(said).outcome == "no_match"


def test_the_conditions_come_from_the_content(kb: KnowledgeBase) -> None:
    assert Matcher(kb).own_condition_tokens == {"ms", "al"}
