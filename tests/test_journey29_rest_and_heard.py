"""Session 26 (branch journey29): a tired user asking to stop, and a user
asking what was heard, typed into `voice text`.

"I'm tired, can we stop" was answered, in full, with Impact on Daily Life;
"can we stop here", "let's stop for today", "I need a rest" and "what did I
ask" were declined as off the subject.
"""

from __future__ import annotations

from pathlib import Path

from voice.content.model import KnowledgeBase
from voice.conversation import phrases
from voice.conversation.conversation import Conversation
from voice.matching.matcher import Matcher

from .conftest import voice_text_replies

#: Each a wish to stop for now, as a tired user says it.
RESTS = [
    "I'm tired, can we stop", "I've had enough for now", "that's enough, I'm exhausted",
    "can we stop here", "let's stop for today", "I need a rest",
]


def test_a_tired_users_stop_is_met_kindly_then_quiet(tmp_path: Path) -> None:
    for said in RESTS:
        replies = voice_text_replies([said, "what is spasticity", "wake up"], tmp_path)
        assert replies[0]["command"] == "rest" and replies[0]["say"] == phrases.REST, said
        assert replies[0]["asleep"] and replies[0]["answer"] is None, said
        # Quiet until called: the question while resting is not answered.
        assert replies[1]["say"] == "" and replies[1]["answer"] is None, said
        assert replies[2]["command"] == "wake" and not replies[2]["asleep"], said
    # Questions about tiredness stay questions.
    replies = voice_text_replies(
        ["why am I always tired", "no", "is fatigue a symptom", "no",
         "can we stop the spasms", "I'm tired"], tmp_path)
    assert [r["command"] for r in replies if r["command"] == "rest"] == []
    assert not any(r["asleep"] for r in replies)
    assert replies[0]["match"] is not None and replies[2]["match"] is not None


def test_what_did_i_ask_before_and_after_a_question(tmp_path: Path) -> None:
    replies = voice_text_replies(
        ["what did I ask", "what is spasticity", "what was my question",
         "zzq frobnitz", "what did I ask"], tmp_path)
    assert replies[0]["say"] == phrases.NOTHING_ASKED_YET
    answered = replies[1]["match"]["title"]
    assert replies[2]["command"] == "what_heard"
    assert replies[2]["say"].startswith("You asked: 'what is spasticity'.")
    assert answered in replies[2]["say"] and "that's wrong" in replies[2]["say"]
    assert replies[3]["outcome"] == "no_match"
    assert replies[4]["say"].startswith("You asked: 'zzq frobnitz'. I didn't have an answer")


def test_an_offer_waiting_is_kept(tmp_path: Path) -> None:
    replies = voice_text_replies(["is fatigue a symptom", "what did you hear", "yes"], tmp_path)
    assert replies[0]["outcome"] == "confirm"
    title = replies[0]["match"]["title"]
    assert replies[1]["say"] == (f"You asked: 'is fatigue a symptom'. I offered you {title}. "
                                 "Please say yes or no.")
    # The yes/no is still asked: "yes" reads what was offered.
    assert replies[2]["outcome"] == "answer" and replies[2]["match"]["title"] == title


def test_a_heard_line_is_said_as_heard(kb: KnowledgeBase, matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    talk.respond("what is back loafing", heard=True)
    say = talk.respond("what did you hear", heard=True).say
    assert say.startswith("I heard: 'what is back loafing'.")
    assert say.endswith("If I heard you wrong, please say it again.")


def test_a_feeling_said_alone_is_met_kindly(tmp_path: Path) -> None:
    replies = voice_text_replies(["tired", "so exhausted", "scared", "fatigue"], tmp_path)
    for said, reply in zip(["tired", "exhausted", "scared"], replies[:3], strict=True):
        # Offered, not read in full: "I'm tired" is met the same way.
        assert reply["outcome"] == "confirm" and reply["answer"] is None, said
        assert reply["say"].startswith(f"I'm sorry you're {said}."), said
    # A subject said alone is still asked about.
    assert replies[3]["outcome"] == "answer"


def test_pardon_and_sorry_before_a_command(tmp_path: Path) -> None:
    replies = voice_text_replies(
        ["what causes spasms", "pardon?", "sorry, what did you say", "sorry, slower"], tmp_path)
    assert replies[1]["command"] == "repeat" and replies[1]["say"] == replies[0]["say"]
    assert replies[2]["command"] == "repeat" and replies[2]["say"] == replies[0]["say"]
    assert replies[3]["command"] == "slower"
