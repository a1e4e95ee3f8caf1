"""Session 25 (branch journey26): "how long does diagnosis take".

"long" is a word of "Treatment Approaches for Long-Term Management" ("long
term", "in the long run"), so "how long does diagnosis take" and "how long
does it take to get diagnosed" were offered that entry (and Recent
Advancements), not Diagnosis. The line is now matched without "long" and
what that finds offered, after saying the content gives no times (no entry
names a span of time): voice/conversation/how_long.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, phrases
from voice.conversation.how_long import asks_how_long, says_a_time
from voice.matching.matcher import Matcher

from .conftest import voice_text_replies

DIAGNOSIS = "Diagnosis and Medical Evaluations"


@pytest.mark.parametrize("said", [
    "how long does diagnosis take", "how long does it take to get diagnosed",
    "how long does a diagnosis take", "how long do the tests take",
])
def test_how_long_diagnosis_takes_is_offered_diagnosis(kb: KnowledgeBase, matcher: Matcher,
                                                        said: str) -> None:
    for heard in (False, True):
        reply = Conversation(kb, matcher).respond(said, heard=heard)
        assert reply.outcome == "confirm", reply  # offered, never read: it gives no times
        assert reply.match is not None and reply.match.title == DIAGNOSIS, reply
        assert reply.say.startswith(phrases.NO_TIMES), reply


def test_the_content_gives_no_times(kb: KnowledgeBase) -> None:
    """What NO_TIMES says of the shipped content holds."""
    assert not any(says_a_time(e.answer) for e in kb.entries)


@pytest.mark.parametrize("said", ["how long do i boil an egg", "how long until we get to Chicago",
                                  "how long does the flu last"])
def test_other_how_long_questions_are_still_declined(typed: object, said: str) -> None:
    assert typed(said).outcome == "no_match"  # type: ignore[operator]


def test_long_term_is_not_how_long() -> None:
    assert not asks_how_long("how are these conditions managed in the long term")
    assert not asks_how_long("is it a long-term condition")
    assert asks_how_long("How long does it take to get diagnosed?")


def test_in_voice_text(tmp_path: Path) -> None:
    replies = voice_text_replies(["how long does diagnosis take", "yes"], tmp_path)
    assert replies[0]["outcome"] == "confirm" and replies[0]["match"]["title"] == DIAGNOSIS
    assert replies[1]["outcome"] == "answer" and replies[1]["match"]["title"] == DIAGNOSIS
