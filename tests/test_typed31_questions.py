"""Session 27 (branch typed31): "is walking good" met the assistive-devices
FAQ before the exercise section its editors wrote "is walking good exercise"
for, as conversations typed into `voice text` (and heard through the real
``Conversation``).
"""

from __future__ import annotations

from pathlib import Path

from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.matching.matcher import Matcher

from .conftest import voice_text_replies

EXERCISE = "The Role of Exercise and Rehabilitation"
DEVICES_FAQ = "How do assistive devices improve mobility?"


def test_is_walking_good_offers_the_exercise_section_first(tmp_path: Path) -> None:
    # The yes/no shape bonus lifted the FAQ of another topic (assistive
    # devices) over the exercise section, and its keywords "walk, walking"
    # counted twice: the FAQ was offered alone.
    replies = voice_text_replies(["is walking good", "the first one"], tmp_path)
    assert replies[0]["outcome"] == "confirm", replies[0]["say"]
    assert replies[0]["match"]["title"] == EXERCISE
    assert replies[1]["outcome"] == "answer"
    assert replies[1]["match"]["title"] == EXERCISE


def test_is_walking_good_heard(kb: KnowledgeBase, matcher: Matcher) -> None:
    reply = Conversation(kb, matcher).respond("Is walking good?", heard=True)
    assert reply.match is not None and reply.match.title == EXERCISE, reply.say


def test_a_relative_asking_about_exercise_is_answered(tmp_path: Path) -> None:
    # dev.tsv: another topic's FAQ, lifted by the bonus, came near enough
    # that the right section was only offered.
    replies = voice_text_replies(["my wife has ms, will exercise make her worse"], tmp_path)
    assert replies[0]["outcome"] == "answer", replies[0]["say"]
    assert replies[0]["match"]["title"] == EXERCISE


def test_the_faq_on_its_own_topic_still_wins_by_shape(tmp_path: Path) -> None:
    # Control: the bonus still settles an FAQ against its own topic's section.
    replies = voice_text_replies(["will a walking aid help me", "is walking good exercise"],
                                 tmp_path)
    assert replies[0]["outcome"] == "answer"
    assert replies[0]["match"]["title"] == DEVICES_FAQ
    assert replies[1]["outcome"] == "answer"
    assert replies[1]["match"]["title"] == EXERCISE
