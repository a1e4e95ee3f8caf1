"""Whisper's other hearings of a doubtful question that agree on another
entry than what was heard are offered instead (voice/conversation/heard.py
``ALTERNATIVES_AGREE``): an offer swapped for an offer, never an answer.

The hearings are recorded from real tiny.en decodes of espeak-ng tuning
clips (the transcript cache of scripts/tune_spoken_oos.py, CTranslate2's own
instruction-set path): the rule, not the hearing, is tested."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest

from voice.app import Assistant
from voice.content.model import KnowledgeBase
from voice.conversation import heard
from voice.conversation.conversation import Conversation
from voice.matching import nothing_named
from voice.matching.matcher import Matcher
from voice.speech_in.base import Transcript

#: "would a walking frame help me get about" (dev.tsv, en-us+f4 under pink noise).
FRAME = Transcript(
    "what are working frame help me get them out", "whisper", 0.61,
    ["will the walking frame help me get them out", "would a walking frame help me get them out",
     "will the walking frame help me get him out", "will the walking train help me get them out",
     "what a walking frame help me get them out"],
    (("what", 0.307), ("are", 0.567), ("working", 0.268), ("frame", 0.334), ("help", 0.953),
     ("me", 0.585), ("get", 0.950), ("them", 0.889), ("out", 0.994)))
#: "can i get something on prescription for the cramps" (dev.tsv).
PRESCRIPTION = Transcript(
    "can i get something on screen shown for the cramps", "whisper", 0.72,
    ["can i get something on prescription for the cramps",
     "can i get something on prescription for the cramp",
     "can i get something on prescription for the cramping"],
    (("can", 0.985), ("i", 0.980), ("get", 0.998), ("something", 0.989), ("on", 0.891),
     ("screen", 0.091), ("shown", 0.054), ("for", 0.560), ("the", 0.770), ("cramps", 0.873)))
#: "how does physical therapy help with these conditions" (tuning.tsv).
THERAPY = Transcript(
    "are neuromuscular disorders therapy help with these conditions", "whisper", 0.65,
    ["how does physical therapy help with these conditions",
     "are those physical therapy help with these conditions",
     "are non physical therapy help with these conditions",
     "are not physical therapy help with these conditions"],
    (("are", 0.817), ("neuromuscular", 0.754), ("disorders", 0.095), ("therapy", 0.018),
     ("help", 0.746), ("with", 0.933), ("these", 0.822), ("conditions", 0.983)))

CASES = [(FRAME, "how-do-assistive-devices-improve-mobility"),
         (PRESCRIPTION, "medication"),
         (THERAPY, "what-role-does-physical-therapy-play-in-managing-these-conditions")]


@pytest.fixture
def heard_words_matched() -> Iterator[None]:
    """What was heard matched as it was before session 38: with
    nothing_named on, FRAME's words alone ("what are working frame help me
    get them out": no subject of ours, a word the content never uses) are
    declined, and the alternatives still find the right entry
    (test_agreeing_alternatives_are_offered). The two tests using this
    isolate the alternatives' rule from that decline."""
    was = nothing_named.ON
    nothing_named.ON = False
    yield
    nothing_named.ON = was


@pytest.fixture
def agree() -> Iterator[None]:
    was = heard.ALTERNATIVES_AGREE
    heard.ALTERNATIVES_AGREE = 2
    yield
    heard.ALTERNATIVES_AGREE = was


def _offered(kb: KnowledgeBase, said: Transcript) -> tuple[str, str | None]:
    reply = Assistant(Conversation(kb), None, out=io.StringIO(),
                      json_lines=True).handle_heard(said)
    return reply["outcome"], (reply.get("match") or {}).get("id")


@pytest.mark.parametrize(("said", "entry"), CASES, ids=["frame", "prescription", "therapy"])
def test_agreeing_alternatives_are_offered(kb: KnowledgeBase, agree: None, said: Transcript,
                                           entry: str) -> None:
    assert _offered(kb, said) == ("confirm", entry)


@pytest.mark.parametrize(("said", "entry"), CASES, ids=["frame", "prescription", "therapy"])
def test_without_the_rule_what_was_heard_is_offered(kb: KnowledgeBase, said: Transcript,
                                                    entry: str, heard_words_matched: None
                                                    ) -> None:
    was = heard.ALTERNATIVES_AGREE
    heard.ALTERNATIVES_AGREE = None
    try:
        outcome, got = _offered(kb, said)
    finally:
        heard.ALTERNATIVES_AGREE = was
    assert outcome == "confirm" and got != entry


def test_one_alternative_is_no_agreement(kb: KnowledgeBase, agree: None) -> None:
    """Only the first of PRESCRIPTION's alternatives: what was heard is offered."""
    one = Transcript(PRESCRIPTION.text, "whisper", PRESCRIPTION.confidence,
                     PRESCRIPTION.alternatives[:1], PRESCRIPTION.words)
    matcher = Matcher(kb)
    assert heard.agreed_alternative(one, heard.query_of(one), matcher) is None


def test_an_alternative_backing_what_was_heard_keeps_it(kb: KnowledgeBase, agree: None,
                                                        heard_words_matched: None) -> None:
    """One of the alternatives offers what was heard's own entry: no swap."""
    matcher = Matcher(kb)
    mine = matcher.match(heard.query_of(FRAME), doubtful=True, heard=True)
    assert mine.entry is not None
    backed = Transcript(FRAME.text, "whisper", FRAME.confidence,
                        [*FRAME.alternatives, FRAME.text.replace("what are", "what were")],
                        FRAME.words)
    if matcher.match(backed.alternatives[-1], doubtful=True, heard=True).entry != mine.entry:
        pytest.skip("the added alternative does not offer what was heard's entry")
    assert heard.agreed_alternative(backed, heard.query_of(backed), matcher) is None


def test_a_sure_hearing_is_untouched(kb: KnowledgeBase, agree: None) -> None:
    """Alternatives are read only for doubtful hearings: the same words heard
    surely are matched as heard."""
    sure = Transcript(FRAME.text, "whisper", 0.99, FRAME.alternatives,
                      tuple((w, 0.99) for w, _ in FRAME.words))
    assert heard.understood(sure, Matcher(kb)) == (heard.query_of(sure), False)
