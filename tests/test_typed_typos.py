"""Typed questions with typos (voice text, voice ask): offered, never answered
outright; out of scope still declined; clean questions as before."""

from __future__ import annotations

import json

import pytest

from voice.content.loader import load_knowledge
from voice.conversation import Conversation
from voice.matching.spelling import Speller

from .conftest import CONTENT
from .test_cli import voice

EARLY_SIGNS = "what-are-the-early-signs-of-neuromuscular-disorders"
CURE = "is-there-a-cure-for-neuromuscular-disorders"


@pytest.fixture(scope="module")
def kb():  # type: ignore[no-untyped-def]
    return load_knowledge([CONTENT])


@pytest.mark.parametrize("typed, entry", [
    # docs/user-journeys.md: declined before.
    ("wat are the erly sings of neuromuscler disordrs", EARLY_SIGNS),
    ("is thre a cuer for neuromuscler disordrs", CURE),
])
def test_a_question_with_typos_is_offered_and_yes_answers_it(kb, typed: str,  # type: ignore[no-untyped-def]
                                                              entry: str) -> None:
    talk = Conversation(kb)
    offer = talk.respond(typed)
    assert offer.outcome == "confirm" and offer.match is not None
    assert offer.match.id == entry
    assert offer.say.startswith("Did you mean")
    answer = talk.respond("yes")
    assert answer.outcome == "answer" and answer.match is not None
    assert answer.match.id == entry


def test_the_clean_question_is_still_answered_outright(kb) -> None:  # type: ignore[no-untyped-def]
    reply = Conversation(kb).respond("what are the early signs of neuromuscular disorders")
    assert reply.outcome == "answer" and reply.match is not None
    assert reply.match.id == EARLY_SIGNS


@pytest.mark.parametrize("typed", [
    "how do i treet my sunbrun",          # uncovered health, typos
    "waht is the wether tomorow",         # everyday request, typos
    "waht causes gaut",                   # gout or gait? not guessed
    "What causes Crohn disease ?",        # a name no dictionary has: as meant
    "What probiotic should I get",        # not "robotic"
])
def test_out_of_scope_questions_with_typos_are_still_declined(kb, typed: str) -> None:  # type: ignore[no-untyped-def]
    assert Conversation(kb).respond(typed).outcome == "no_match"


def test_heard_speech_is_not_spelling_corrected(kb) -> None:  # type: ignore[no-untyped-def]
    # Speech has its own path for misheard words (Matcher.match(heard=True)).
    talk = Conversation(kb)
    talk.respond("wat are the erly sings of neuromuscler disordrs", heard=True)
    assert talk._speller is None


def test_only_words_no_dictionary_knows_are_corrected(kb) -> None:  # type: ignore[no-untyped-def]
    speller = Speller(Conversation(kb).matcher)
    assert speller.correction("neuromuscler") == "neuromuscular"
    assert speller.correction("waht") == "what"
    assert speller.correction("sings") is None       # a real word stays
    assert speller.correction("spasms") is None      # a content word stays
    assert speller.correct("can these disorders be cured") is None


def test_voice_ask_offers_a_question_with_typos() -> None:
    result = voice("ask", "--json", "--no-speak", "is thre a cuer for neuromuscler disordrs")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.strip().splitlines()[-1])
    assert data["outcome"] == "confirm"
    assert data["match"]["id"] == CURE
