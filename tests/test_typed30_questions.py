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


def test_a_misspelt_word_the_matcher_understands_is_offered(tmp_path: Path) -> None:
    # "spasticity" is no word of the content's own, only of synonyms.py
    # (folded onto "spasm"): "what is spastisity" was declined.
    replies = voice_text_replies(["what is spastisity", "yes"], tmp_path)
    assert replies[0]["outcome"] == "confirm", replies[0]["say"]
    title = replies[0]["match"]["title"]
    assert title == "Recognizing Chronic Spasms and Neuromuscular Disorders"
    assert replies[1]["outcome"] == "answer" and replies[1]["match"]["title"] == title


def test_an_editors_line_said_of_ones_own_is_answered(tmp_path: Path) -> None:
    # The FAQ's editors wrote "does stress make spasms worse"; with "my"
    # it was only offered.
    replies = voice_text_replies(
        ["does stress make my spasms worse", "can children get it"], tmp_path)
    assert replies[0]["outcome"] == "answer", replies[0]["say"]
    assert replies[0]["match"]["title"] == "Can lifestyle changes help manage chronic spasms?"
    # A possessive left out is not the editors' line ("can my children get it").
    assert replies[1]["outcome"] != "answer"


def test_harm_or_paying_asked_of_a_thing_of_ours_is_offered(tmp_path: Path) -> None:
    replies = voice_text_replies(
        ["does botox have side effects", "no", "does insurance cover physio", "no",
         "do antibiotics have side effects", "does alcohol make spasms worse"], tmp_path)
    # Offered, never read: no entry says whether Botox has side effects.
    assert replies[0]["outcome"] == "confirm" and replies[0]["answer"] is None
    assert replies[0]["match"]["title"] == "Medication"
    assert replies[2]["outcome"] == "confirm" and replies[2]["answer"] is None
    offered = replies[2]["say"]
    assert "Community Support and Awareness" in offered, offered
    assert "What role does physical therapy play" in offered, offered
    # Things the content never names stay declined.
    assert replies[4]["outcome"] == "no_match" and replies[5]["outcome"] == "no_match"


def test_harm_asked_of_a_thing_of_ours_heard(kb: KnowledgeBase, matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    reply = talk.respond("Does Botox have side effects?", heard=True)
    assert reply.outcome == "confirm", reply.say
    assert reply.match is not None and reply.match.title == "Medication"
