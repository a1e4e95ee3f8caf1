"""Session 27 (branch typed30): questions a real user typed or said that the
assistant met badly, as conversations through the real ``Conversation``
(typed into `voice text`, and heard where the path differs).
"""

from __future__ import annotations

from pathlib import Path

from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.matching.matcher import Matcher

from .conftest import voice_text_replies


def test_sorry_i_meant_is_the_new_question(tmp_path: Path) -> None:
    # After a wrong offer and after a wrong answer: "sorry I meant diet"
    # was declined as off the subject ("no I meant diet" was answered).
    replies = voice_text_replies(
        ["is walking good", "sorry I meant diet", "what causes spasms", "oops, I meant diet"],
        tmp_path)
    assert replies[0]["outcome"] == "confirm"
    for reply in (replies[1], replies[3]):
        assert reply["outcome"] == "answer", reply["say"]
        assert reply["match"]["title"] == "Dietary Adjustments"


def test_sorry_i_meant_heard(kb: KnowledgeBase, matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    talk.respond("what causes spasms", heard=True)
    reply = talk.respond("Sorry, I meant diet.", heard=True)
    assert reply.outcome in ("answer", "confirm"), reply.say
    assert reply.match is not None and reply.match.title == "Dietary Adjustments"


def test_an_apology_alone_or_before_a_question_is_as_before(tmp_path: Path) -> None:
    replies = voice_text_replies(["what causes spasms", "sorry", "sorry, is it genetic"],
                                 tmp_path)
    assert replies[1]["command"] == "repeat"
    assert replies[2]["match"]["title"] == "Are neuromuscular disorders hereditary?"
