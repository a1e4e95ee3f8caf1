"""Follow-ups that point back (branch follow15, found with `voice text`):
"what causes spasms" was answered, then "what helps it" got "Sorry, I don't
have an answer for that": "it" named nothing. The thing a question names
("spasms", "baclofen", "MS") is now the subject of the conversation, and a
follow-up that finds nothing as said is read with the subject in its
pointer's place, offered ("Did you mean ...?"), never read in full
(voice/conversation/subject.py)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from voice.app import Assistant
from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, subject
from voice.matching.matcher import Matcher
from voice.speech_in.base import Transcript

from .conftest import voice_text_replies


def reply(talk: Conversation, said: Transcript) -> dict[str, Any]:
    """The reply through the assistant's spoken path, in ``talk``."""
    return Assistant(talk, None, out=io.StringIO(), json_lines=True).handle_heard(said)


LIFESTYLE = "can-lifestyle-changes-help-manage-chronic-spasms"
MEDICATION = "medication"


@pytest.mark.parametrize(("first", "then", "offered"), [
    ("what causes spasms", "what helps it", LIFESTYLE),
    ("what is baclofen", "how do i take it", MEDICATION),
    ("does magnesium help cramps", "how much should i take of it", "dietary-adjustments"),
    ("do i need a wheelchair", "where can i get one of them", "assistive-devices"),
])
def test_the_pointer_takes_the_subject(kb: KnowledgeBase, matcher: Matcher,
                                       monkeypatch: pytest.MonkeyPatch, first: str,
                                       then: str, offered: str) -> None:
    talk = Conversation(kb, matcher)
    talk.respond(first)
    got = talk.respond(then)
    assert got.outcome == "confirm" and got.say.startswith("Did you mean"), got.say
    assert got.match is not None and got.match.id == offered
    # "yes" reads it; the words "what helps it" are not learned for it.
    assert talk.respond("yes").match == got.match
    assert not len(talk.phrasings)
    monkeypatch.setattr(subject, "FOLLOW_UPS", False)
    talk = Conversation(kb, matcher)
    talk.respond(first)
    assert talk.respond(then).outcome == "no_match"


def test_what_the_subject_is(matcher: Matcher) -> None:
    assert subject.subject_of("what causes spasms", matcher) == "spasms"
    assert subject.subject_of("what is baclofen", matcher) == "baclofen"
    assert subject.subject_of("is MS hereditary", matcher) == "ms"
    assert subject.subject_of("what is myasthenia gravis", matcher) == "myasthenia gravis"
    # What is asked about a thing is not the thing.
    assert subject.subject_of("what are the early signs", matcher) == ""
    assert subject.subject_of("is there a cure", matcher) == ""
    assert subject.subject_of("what are the symptoms of ALS", matcher) == "als"


@pytest.mark.parametrize("then", ["what time is it", "is it going to rain today",
                                  "i'll use it again", "do you know what day it is",
                                  "can you check it", "is it ok to give honey to a baby"])
def test_a_line_that_is_no_follow_up_stays_as_it_was(kb: KnowledgeBase, matcher: Matcher,
                                                      then: str) -> None:
    talk = Conversation(kb, matcher)
    talk.respond("what is baclofen")
    got = talk.respond(then)
    assert got.outcome in ("no_match", "command"), got.say


def test_a_subject_the_content_does_not_cover_is_not_offered(kb: KnowledgeBase,
                                                           matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    talk.respond("what is diabetes")
    assert talk.respond("what helps it").outcome == "no_match"


def test_an_answer_as_said_is_kept(kb: KnowledgeBase, matcher: Matcher) -> None:
    # hear14's decision: after an answer "what causes it" is answered.
    talk = Conversation(kb, matcher)
    talk.respond("what is baclofen")
    got = talk.respond("what causes it")
    assert got.outcome == "answer" and got.match is not None
    assert got.match.id == "causes-and-risk-factors"


def test_the_subject_stays_until_another_is_named(kb: KnowledgeBase, matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    talk.respond("what is baclofen")
    talk.respond("is there a cure")  # names no thing: baclofen stays
    got = talk.respond("how do i take it")
    assert got.match is not None and got.match.id == MEDICATION
    talk.respond("what causes spasms")
    got = talk.respond("what helps it")
    assert got.match is not None and got.match.id == LIFESTYLE


#: Follow-ups as tiny.en heard them (scripts/tune_follow_ups.py --spoken,
#: AVX2 path): flite slt's "what helps it", espeak-ng en-us's "how do i take
#: it". Recorded, so the rule is tested, not how this CPU hears the clip.
HEARD = [
    ("what causes spasms", LIFESTYLE, Transcript(
        "what helps it", "whisper", 0.878, alternatives=["what helps", "what helps is"],
        words=(("what", 0.976), ("helps", 0.951), ("it", 0.706)))),
    ("what is baclofen", MEDICATION, Transcript(
        "how do i take it", "whisper", 0.941,
        alternatives=["how do my take it", "how do my day kit"],
        words=(("how", 0.982), ("do", 0.973), ("i", 0.790), ("take", 0.967), ("it", 0.995)))),
]


@pytest.mark.parametrize(("first", "offered", "said"), HEARD)
def test_heard_as_whisper_heard_it(kb: KnowledgeBase, matcher: Matcher,
                                   monkeypatch: pytest.MonkeyPatch, first: str, offered: str,
                                   said: Transcript) -> None:
    """Said aloud, through the spoken path: as typed."""
    talk = Conversation(kb, matcher)
    talk.respond(first)
    got = reply(talk, said)
    assert got["outcome"] == "confirm" and got["match"]["id"] == offered, got
    monkeypatch.setattr(subject, "FOLLOW_UPS", False)
    talk = Conversation(kb, matcher)
    talk.respond(first)
    assert reply(talk, said)["outcome"] == "no_match"


def test_through_voice_text(tmp_path: Path) -> None:
    replies = voice_text_replies(["what causes spasms", "what helps it", "yes"], tmp_path)
    causes, helps, yes = replies
    assert causes["outcome"] == "answer"
    assert helps["outcome"] == "confirm" and helps["match"]["id"] == LIFESTYLE, helps
    assert yes["outcome"] == "answer" and yes["match"]["id"] == LIFESTYLE
