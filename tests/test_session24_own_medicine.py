"""Session 24: asked what to do with one's own medicines. In `voice text`,
"should I stop taking my baclofen" and "can I double my dose" were declined
("I don't have an answer for that ... you can ask: Medication"), and "what
happens if I stop taking baclofen" was met with "Did you mean: Medication?",
as if the entry could tell. Now the user hears to ask the doctor, nurse or
pharmacist before changing anything, and what to do after taking too much;
the entry on medication is offered, never read unasked, when the line is
about the content's medicines (voice/conversation/own_medicine.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, phrases
from voice.conversation.own_medicine import asks_about_own_medicine
from voice.matching.matcher import Matcher

from .conftest import voice_text_replies

MEDICATION = "medication"

OWN_MEDICINE = [
    "should i stop taking my baclofen", "Can I double my dose?", "what dose should I take",
    "what dose of baclofen should i take", "I missed a dose", "i forgot my tablets",
    "what happens if i stop taking baclofen", "can I drink alcohol with my medication",
    "is it ok to come off my meds", "how much baclofen should i take",
    "my husband wants to stop his medication", "should he reduce his dose",
    "can i skip my botox injection",
]


@pytest.mark.parametrize("said", OWN_MEDICINE)
def test_own_medicine_is_told_to_ask_the_prescriber(kb: KnowledgeBase, matcher: Matcher,
                                                   said: str) -> None:
    for heard in (False, True):
        reply = Conversation(kb, matcher).respond(said, heard=heard)
        assert reply.say.startswith(phrases.OWN_MEDICINE), reply.say
        assert reply.outcome != "answer"


@pytest.mark.parametrize("said", ["should i stop taking my baclofen",
                                  "what happens if i stop taking baclofen"])
def test_a_spasm_medicine_gets_the_medication_entry_offered(kb: KnowledgeBase,
                                                           matcher: Matcher, said: str) -> None:
    talk = Conversation(kb, matcher)
    reply = talk.respond(said)
    assert reply.outcome == "confirm" and reply.match is not None
    assert reply.match.id == MEDICATION
    answer = talk.respond("yes")
    assert answer.outcome == "answer" and answer.match is not None
    assert answer.match.id == MEDICATION


def test_another_illness_s_medicine_is_offered_nothing(kb: KnowledgeBase,
                                                      matcher: Matcher) -> None:
    reply = Conversation(kb, matcher).respond("what happens if i miss a contraceptive pill")
    assert reply.say.startswith(phrases.OWN_MEDICINE) and reply.outcome != "confirm"


@pytest.mark.parametrize("said", [
    "what medication helps spasms", "which medication should I take", "does baclofen help",
    "what medicine helps with spasms", "are there drugs for muscle spasms",
])
def test_questions_the_content_answers_are_answered_as_before(kb: KnowledgeBase,
                                                             matcher: Matcher, said: str) -> None:
    reply = Conversation(kb, matcher).respond(said)
    assert reply.outcome == "answer" and reply.match is not None
    assert reply.match.id == MEDICATION


@pytest.mark.parametrize("said", ["i took too many pills", "I took too much baclofen"])
def test_too_much_taken_is_still_an_emergency(kb: KnowledgeBase, matcher: Matcher,
                                              said: str) -> None:
    reply = Conversation(kb, matcher).respond(said)
    assert reply.outcome == "emergency"


def test_no_in_scope_line_is_taken_for_one() -> None:
    """Counted over the sets with in-scope questions (held out too, counts
    only): none is a question about one's own medicines."""
    data = Path(__file__).resolve().parent / "data"
    files = [data / n for n in ("tuning.tsv", "heldout.tsv", "dev.tsv")]
    files += sorted(data.glob("inscope*.tsv"))
    rows = [line.split("\t") for f in files
            for line in f.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    in_scope = [r[0] for r in rows if len(r) > 1 and r[1].strip() not in ("-", "")]
    assert len(in_scope) > 250
    assert sum(asks_about_own_medicine(t) for t in in_scope) == 0


def test_in_voice_text(tmp_path: Path) -> None:
    replies = voice_text_replies(["should i stop taking my baclofen", "yes"], tmp_path)
    assert replies[0]["say"].startswith(phrases.OWN_MEDICINE)
    assert replies[1]["outcome"] == "answer"
