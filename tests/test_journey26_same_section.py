"""Session 25 (branch journey26): "what is ms", "what is als", "what is
myasthenia gravis" read the same section three times running.

The shipped content has one section on all three ("Recognizing Chronic
Spasms and Neuromuscular Disorders", whose one sentence names multiple
sclerosis, ALS and myasthenia gravis together) and nothing more specific.
A user who asks about ALS right after MS expects what it says of ALS, not
the same paragraph again: the second question is told it is in the part
just read, with the sentence naming what was asked, and the section is read
again only on "yes" (voice/conversation/same_section.py)."""

from __future__ import annotations

from pathlib import Path

from voice.content.model import KnowledgeBase
from voice.conversation import Conversation
from voice.matching.matcher import Matcher

from .conftest import voice_text_replies

RECOGNIZING = "Recognizing Chronic Spasms and Neuromuscular Disorders"
SENTENCE = "amyotrophic lateral sclerosis (ALS), and myasthenia gravis"


def test_ms_then_als_then_myasthenia_in_voice_text(tmp_path: Path) -> None:
    replies = voice_text_replies(
        ["what is ms", "what is als", "what is myasthenia gravis", "yes"], tmp_path)
    assert [r["outcome"] for r in replies] == ["answer", "confirm", "confirm", "answer"]
    assert all(r["match"]["title"] == RECOGNIZING for r in replies)
    for r in replies[1:3]:
        assert "in the part I just read" in r["say"] and SENTENCE in r["say"], r
        assert "I have nothing more on it" in r["say"], r
        assert "Chronic muscle spasms occur" not in r["say"], r  # not read again
    assert replies[3]["say"].startswith("Chronic muscle spasms occur")  # on "yes" only


def test_no_to_it_is_not_ask_again(kb: KnowledgeBase, matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    talk.respond("what causes spasms")
    again = talk.respond("why do people get these disorders")
    assert again.outcome == "confirm" and "Causes and Risk Factors" in again.say
    assert talk.respond("no").say == "All right. What else would you like to know?"


def test_the_same_question_again_is_read_again(kb: KnowledgeBase, matcher: Matcher) -> None:
    """Asked again in the same words (not heard well the first time)."""
    talk = Conversation(kb, matcher)
    assert talk.respond("what is ms").outcome == "answer"
    assert talk.respond("What is MS?").outcome == "answer"
