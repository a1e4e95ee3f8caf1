"""Two questions in one line: the second is offered after the answer, never read unasked.

"what causes spasms and how are they treated" answered only "Causes and Risk
Factors" and nothing said the second half went unanswered. Through the real
Conversation on the shipped content, and the real `voice text`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import phrases
from voice.conversation.conversation import Conversation
from voice.conversation.second_question import second_question

from .conftest import voice_text_replies

TWO = "what causes spasms and how are they treated"
CAUSES = "Causes and Risk Factors"
TREATMENT = "Treatment Approaches for Long-Term Management"
OFFER = phrases.also_asked(TREATMENT)


def _entry(kb: KnowledgeBase, title: str) -> str:
    return next(e.answer for e in kb.entries if e.title == title)


def test_the_second_part_is_cut_out_with_its_subject() -> None:
    assert second_question(TWO) == ("what causes spasms", "how are spasms treated")
    assert second_question("what are the symptoms of ALS, and how is it diagnosed") == (
        "what are the symptoms of ALS", "how is als diagnosed")
    for one in ("spasms and cramps", "diet and exercise", "what helps spasms and cramps",
                "how do diet and exercise help", "why and how"):
        assert second_question(one) is None, one


def test_the_answer_ends_with_an_offer_of_the_second(kb: KnowledgeBase) -> None:
    talk = Conversation(kb)
    first = talk.respond(TWO)
    assert first.outcome == "answer" and first.match is not None
    assert first.match.title == CAUSES
    assert first.say.endswith(OFFER), first.say
    # Offered, not read: nothing of the treatment answer is in it.
    assert _entry(kb, TREATMENT)[:60] not in first.say
    assert talk.asks_yes_no
    assert talk.respond("say that again").say == first.say
    second = talk.respond("yes")
    assert second.outcome == "answer" and second.match is not None
    assert second.match.title == TREATMENT
    assert second.say.startswith(_entry(kb, TREATMENT)[:40])


def test_no_declines_the_offer(kb: KnowledgeBase) -> None:
    talk = Conversation(kb)
    talk.respond(TWO)
    declined = talk.respond("no")
    assert declined.outcome == "command" and declined.match is None
    assert declined.say == phrases.WHAT_ELSE  # not "ask again in other words"
    assert not talk.asks_yes_no


def test_a_long_answer_offers_the_second_after_its_last_part(kb: KnowledgeBase) -> None:
    """"Shall I go on?" is answered "yes" too: the offer waits for the last part."""
    question = "what is the role of exercise and rehabilitation and what causes spasms"
    talk = Conversation(kb)
    first = talk.respond(question)
    assert first.more and first.say.endswith(phrases.GO_ON) and "also asked" not in first.say
    last = talk.respond("yes")
    assert last.match is not None and last.match.title == "The Role of Exercise and Rehabilitation"
    assert last.say.endswith(phrases.also_asked(CAUSES)), last.say
    assert talk.respond("yes").match.title == CAUSES  # type: ignore[union-attr]
    # "No" to "Shall I go on?" still says the second question was not answered.
    talk = Conversation(kb)
    talk.respond(question)
    no = talk.respond("no")
    assert no.say == f"All right. {phrases.also_asked(CAUSES)}"
    assert talk.respond("yes").match.title == CAUSES  # type: ignore[union-attr]


@pytest.mark.parametrize("question", [
    "spasms and cramps", "diet and exercise", "what causes spasms",
    "how do assistive devices improve mobility and independence",
])
def test_one_question_with_and_is_unchanged(kb: KnowledgeBase, question: str) -> None:
    reply = Conversation(kb).respond(question)
    assert "also asked" not in reply.say


def test_the_same_entry_twice_is_not_offered(kb: KnowledgeBase) -> None:
    reply = Conversation(kb).respond("what causes spasms and what are the risk factors")
    assert reply.match is not None and reply.match.title == CAUSES
    assert "also asked" not in reply.say


def test_through_voice_text(tmp_path: Path) -> None:
    replies = voice_text_replies([TWO, "yes"], tmp_path)
    assert len(replies) == 2
    assert replies[0]["outcome"] == "answer" and replies[0]["say"].endswith(OFFER)
    assert replies[1]["outcome"] == "answer" and TREATMENT in str(replies[1]["match"])


EARLY = "What are the early signs of neuromuscular disorders?"
SEEK = "When should someone seek medical attention for muscle spasms?"


def test_the_first_part_is_offered_when_the_line_answered_the_second(
        kb: KnowledgeBase) -> None:
    """The whole line matches the second part's entry: the first part went
    unanswered, and is offered the same way."""
    talk = Conversation(kb)
    first = talk.respond("what are the early signs and when should someone seek medical attention")
    assert first.outcome == "answer" and first.match is not None and first.match.title == SEEK
    assert first.say.endswith(phrases.also_asked(EARLY)), first.say
    second = talk.respond("yes")
    assert second.outcome == "answer" and second.match is not None
    assert second.match.title == EARLY


def test_thats_wrong_to_the_offer_offers_the_runner_up_as_after_any_answer(
        kb: KnowledgeBase) -> None:
    # After an answer alone, "that's wrong" offers the runner-up.
    alone = Conversation(kb)
    answered = alone.respond(TWO)
    alone_answer = Conversation(kb)
    alone_answer.respond("what causes spasms")
    expected = alone_answer.respond("that's wrong")
    assert expected.outcome == "confirm" and expected.say.startswith(phrases.SORRY)
    # With "You also asked about ..." pending, the same: not "What else ...".
    assert answered.say.endswith(OFFER)
    wrong = alone.respond("that's wrong")
    assert wrong.outcome == "confirm", wrong.say
    assert wrong.say.startswith(f"{phrases.SORRY} Did you mean"), wrong.say
    assert wrong.match is not None and wrong.match.title not in (CAUSES, TREATMENT)
    assert alone.respond("yes").match == wrong.match
    # "No" to the offer still declines it kindly.
    talk = Conversation(kb)
    talk.respond(TWO)
    assert talk.respond("no").say == phrases.WHAT_ELSE
