"""Session 24: a spasm happening now. In `voice text`, "my leg is cramping
right now, what do I do" was met with "Did you mean: Recognizing Chronic
Spasms and Neuromuscular Disorders; or: Causes and Risk Factors?", and "how
do I help someone having a spasm" with the FAQ on seeking medical attention
and the lifestyle FAQ only as a guess. Now a person in pain hears when to
call for help at once, then what helps spasms and when to see a doctor are
offered, never read unasked (voice/conversation/right_now.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, phrases
from voice.conversation.right_now import spasm_happening_now
from voice.matching.matcher import Matcher

from .conftest import every_typed_line, voice_text_replies

LIFESTYLE = "can-lifestyle-changes-help-manage-chronic-spasms"
SEE_A_DOCTOR = "when-should-someone-seek-medical-attention-for-muscle-spasms"

NOW = [
    "my leg is cramping right now what do i do", "what can i do during a spasm",
    "how do i help someone having a spasm", "I'm having a bad spasm, what should I do?",
    "my husband is having a spasm what should i do for him", "how do i stop this spasm right now",
    "what helps when a spasm comes on", "my legs won't stop jerking, what can I do",
]


@pytest.mark.parametrize("said", NOW)
def test_a_spasm_now_gets_when_to_call_then_what_helps(kb: KnowledgeBase, matcher: Matcher,
                                                      said: str) -> None:
    for heard in (False, True):
        talk = Conversation(kb, matcher)
        reply = talk.respond(said, heard=heard)
        assert reply.say.startswith(phrases.RIGHT_NOW), reply.say
        assert reply.outcome == "confirm"
        chosen = talk.respond("the first one")
        assert chosen.outcome == "answer" and chosen.match is not None
        assert chosen.match.id == LIFESTYLE


def test_the_second_offer_is_when_to_see_a_doctor(kb: KnowledgeBase, matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    talk.respond("what can i do during a spasm")
    chosen = talk.respond("the second one")
    assert chosen.match is not None and chosen.match.id == SEE_A_DOCTOR


@pytest.mark.parametrize("said", [
    "what helps spasms", "what causes spasms", "my spasms are getting worse",
    "what helps spasms at night", "why is my leg twitching",
    "what do you do for someone with spasms",
    "how can i help someone with ms", "can stress make spasms worse",
])
def test_questions_not_about_now_are_not_taken(kb: KnowledgeBase, matcher: Matcher,
                                               said: str) -> None:
    assert not spasm_happening_now(said, matcher)
    assert not Conversation(kb, matcher).respond(said).say.startswith(phrases.RIGHT_NOW)


def test_no_line_of_the_question_sets_is_taken(matcher: Matcher) -> None:
    """Counted over every typed set (held out too, counts only)."""
    lines = every_typed_line()
    assert sum(spasm_happening_now(t, matcher) for t in lines) == 0


def test_an_emergency_comes_first(kb: KnowledgeBase, matcher: Matcher) -> None:
    reply = Conversation(kb, matcher).respond("i'm having a spasm and i can't breathe")
    assert reply.outcome == "emergency"


def test_in_voice_text(tmp_path: Path) -> None:
    replies = voice_text_replies(["what can i do during a spasm", "the first one"], tmp_path)
    assert replies[0]["say"].startswith(phrases.RIGHT_NOW)
    assert replies[1]["outcome"] == "answer"
