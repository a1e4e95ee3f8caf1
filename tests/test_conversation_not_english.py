"""A typed question clearly in another language is told that only English
is understood, instead of "I don't have an answer" with English examples;
typos, accented medical terms and every typed set in tests/data keep the
usual replies."""

from __future__ import annotations

import pytest

from voice.content.loader import load_knowledge
from voice.conversation import Conversation, phrases
from voice.conversation.language import looks_not_english

from .conftest import CONTENT, REPO


@pytest.fixture
def talk() -> Conversation:
    return Conversation(load_knowledge([CONTENT]))


@pytest.mark.parametrize("question", [
    "¿Qué es la esclerosis múltiple?",
    "¿Cómo se trata la espasticidad?",
    "Wie behandelt man Spastik? Gibt es Übungen?",
    "Что такое рассеянный склероз?",
    "什么是多发性硬化症",
])
def test_another_language_is_told_only_english_is_understood(talk: Conversation,
                                                             question: str) -> None:
    reply = talk.respond(question)
    assert reply.outcome == "no_match"
    assert reply.say == phrases.ONLY_ENGLISH
    assert "For example" not in reply.say


@pytest.mark.parametrize("question", [
    "what is guillain-barré syndrome",    # an accented medical term
    "wat are the erly sings of neuromuscler disordrs",  # typos, no accents
    "is there a café near the clinic",
    "what is the weather like 😀",
    "¿is it catching?",
    # Not caught (most of its words are in the English dictionary too): the
    # usual decline, as before.
    "Qu'est-ce que la sclérose en plaques ?",
])
def test_english_keeps_the_usual_reply(talk: Conversation, question: str) -> None:
    assert talk.respond(question).say != phrases.ONLY_ENGLISH


def test_no_typed_line_of_the_data_sets_is_taken_for_another_language() -> None:
    """Every question and request in tests/data (in scope and out of scope:
    MedQuAD, K-QA, NLU-Evaluation-Data, health, tuning and held-out)."""
    lines = [line.split("\t", 1)[0] for path in sorted((REPO / "tests" / "data").glob("*.tsv"))
             for line in path.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    assert len(lines) > 8_000
    assert [q for q in lines if looks_not_english(q)] == []


def test_an_answerable_question_is_still_answered(talk: Conversation) -> None:
    assert talk.respond("is there a cure for neuromuscular disorders?").outcome == "answer"


def test_voice_ask_prints_it() -> None:
    from .test_caregiver_cli import voice

    done = voice("ask", "--no-speak", "¿Qué es la esclerosis múltiple?")
    assert phrases.ONLY_ENGLISH in done.stdout, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
