"""Everyday phrasings reach the content's entries, as whole conversations.

Questions from the tuning half of tests/data/dev.tsv (its even-numbered
lines), said as patients and caregivers say them, and near misses that must
still be declined. See docs/benchmarks.md, "Everyday words".
"""

import pytest

from voice.content.loader import load_knowledge
from voice.content.model import KnowledgeBase
from voice.conversation import Conversation

from .conftest import CONTENT


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge([CONTENT])


@pytest.fixture
def talk(kb: KnowledgeBase) -> Conversation:
    """A fresh conversation per test: a pending "Did you mean" must not carry over."""
    return Conversation(kb)


def test_a_walking_stick_is_an_assistive_device_offered(talk: Conversation) -> None:
    # "a stick" is a device and "falling" is mobility: before, nothing matched.
    reply = talk.respond("will using a stick stop me falling")
    assert reply.outcome in ("answer", "confirm"), reply.say
    assert reply.match is not None
    assert reply.match.id == "how-do-assistive-devices-improve-mobility"
    yes = talk.respond("yes") if reply.outcome == "confirm" else reply
    assert yes.outcome == "answer"
    assert "Assistive devices such as braces" in yes.say


def test_giving_me_cramps_asks_for_causes_not_the_medication_list(talk: Conversation) -> None:
    # Before, "be cause" was read as the word "because" and the medication
    # entry was read out in full: a wrong answer.
    reply = talk.respond("could my tablets be giving me cramps")
    assert reply.outcome in ("answer", "confirm"), reply.say
    assert reply.match is not None and reply.match.id == "causes-and-risk-factors"


@pytest.mark.parametrize("question", ["what sort of stuff can i ask you", "what is this for"])
def test_asking_what_the_assistant_is_for_gets_the_overview(
        talk: Conversation, question: str) -> None:
    reply = talk.respond(question)
    assert reply.outcome == "answer", reply.say
    assert reply.match is not None and reply.match.id == "introduction"


def test_can_i_ask_you_about_a_topic_asks_about_the_topic(talk: Conversation) -> None:
    # "can I ask you about" is how it is asked, not a request for the overview.
    reply = talk.respond("can i ask you about physio")
    assert reply.match is not None and reply.match.id != "introduction"


def test_lifting_a_weight_as_heard_is_strength_training(talk: Conversation) -> None:
    # Whisper heard "should i lift weights ..." as "lift weight": a bare
    # "weight" is an off-topic word (body weight), so it was declined.
    reply = talk.respond("should i lift weight to build strength")
    assert reply.outcome in ("answer", "confirm"), reply.say
    assert reply.match is not None
    assert reply.match.id in ("physical-therapy", "the-role-of-exercise-and-rehabilitation")


@pytest.mark.parametrize("question", [
    "how do i lose weight",
    "what weight limit does the lift have",
    "can i ask you about the weather tomorrow",
    "what's the weather like in the fall",
    "i keep falling asleep on the sofa after lunch",
    "where can i buy a hockey stick",
])
def test_near_misses_are_still_declined(talk: Conversation, question: str) -> None:
    reply = talk.respond(question)
    assert reply.outcome == "no_match", reply.say
    assert "Did you mean" not in reply.say
