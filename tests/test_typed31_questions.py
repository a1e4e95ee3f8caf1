"""Session 27 (branch typed31): "is walking good" met only the
assistive-devices FAQ, not the exercise section its editors wrote "is walking
good exercise" for, as conversations typed into `voice text` (and heard
through the real ``Conversation``).
"""

from __future__ import annotations

from pathlib import Path

from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.matching import close_phrase
from voice.matching.matcher import Matcher

from .conftest import voice_text_replies

EXERCISE = "The Role of Exercise and Rehabilitation"
DEVICES_FAQ = "How do assistive devices improve mobility?"


def test_is_walking_good_also_offers_the_exercise_section(tmp_path: Path) -> None:
    # The yes/no shape bonus lifted the FAQ of another topic (assistive
    # devices) so far over the exercise section that only the FAQ was offered.
    # Since session 37 (close_phrase.py) the section the line is worded like
    # ("is walking good exercise") is named first of the two.
    pick = "the first one" if close_phrase.ON else "the second one"
    replies = voice_text_replies(["is walking good", pick], tmp_path)
    assert replies[0]["outcome"] == "confirm", replies[0]["say"]
    assert EXERCISE in replies[0]["say"] and "assistive devices" in replies[0]["say"]
    assert replies[1]["outcome"] == "answer", replies[1]["say"]
    assert replies[1]["match"]["title"] == EXERCISE


def test_is_walking_good_heard(kb: KnowledgeBase, matcher: Matcher) -> None:
    reply = Conversation(kb, matcher).respond("Is walking good?", heard=True)
    assert reply.outcome == "confirm"
    assert EXERCISE in reply.say, reply.say


def test_the_shape_still_settles_its_own_topic(tmp_path: Path) -> None:
    # Control: the FAQ's and the section's own lines are answered as before.
    replies = voice_text_replies(["will a walking aid help me", "is walking good exercise"],
                                 tmp_path)
    assert replies[0]["outcome"] == "answer"
    assert replies[0]["match"]["title"] == DEVICES_FAQ
    assert replies[1]["outcome"] == "answer"
    assert replies[1]["match"]["title"] == EXERCISE
