"""A hearing that would only be offered is offered the entry every word
Whisper wrote names, when that scores higher (voice/conversation/heard.py
``WHOLE_OVER_OFFER``): a word heard right but below the sure-word threshold
is often what the question is about.

The hearings are tiny.en's own, recorded as the benchmarks decode (espeak-ng
in the benchmark's conditions, the AVX2 path with CTranslate2's default
backend; session 27, scripts/split_spoken_misses.py --rotate 1): the
tests' backend (``CT2_USE_MKL=0``, tests/conftest.py) hears these clips a
little differently, so the words and probabilities are given here and the
real content, matcher and assistant read them. "will she ever be rid of it"
in pink noise, heard word for word with "rid" at 0.17, was offered coping
strategies from an alternative; with every word, the cure entry. "can a
physiotherapist make me stronger" (en+f3), heard "can a physiotherapy(0.16)
make me stronger", was offered exercise; now physical therapy. Still an
offer, never an answer.
"""

from __future__ import annotations

import io
from typing import Any

from voice.app import Assistant
from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, heard
from voice.speech_in.base import Transcript

RID = Transcript(
    "will she ever be rid of it", "whisper", 0.7201,
    ["will she ever be raised on it", "will she ever be raised of it",
     "will she ever be released on it", "will she ever be worried of it"],
    (("will", 0.4868), ("she", 0.9394), ("ever", 0.4856), ("be", 0.9630), ("rid", 0.1748),
     ("of", 0.9956), ("it", 0.9955)))

PHYSIO = Transcript(
    "can a physiotherapy make me stronger", "whisper", 0.7610,
    [], (("can", 0.8671), ("a", 0.8484), ("physiotherapy", 0.1594), ("make", 0.7612),
         ("me", 0.9312), ("stronger", 0.9987)))


def reply(kb: KnowledgeBase, said: Transcript) -> dict[str, Any]:
    return Assistant(Conversation(kb), None, out=io.StringIO(),
                     json_lines=True).handle_heard(said)


def test_the_rule_is_on() -> None:
    assert heard.WHOLE_OVER_OFFER is True


def test_rid_is_offered_the_cure(kb: KnowledgeBase) -> None:
    got = reply(kb, RID)
    assert got["outcome"] == "confirm", got
    assert got["match"]["id"] == "is-there-a-cure-for-neuromuscular-disorders", got


def test_an_offer_stays_an_offer(kb: KnowledgeBase) -> None:
    # Every word written includes the unsure ones: never read out in full.
    got = reply(kb, PHYSIO)
    assert got["outcome"] == "confirm", got
    assert got["match"]["id"] == (
        "what-role-does-physical-therapy-play-in-managing-these-conditions"), got


def test_a_sure_answer_is_not_touched(kb: KnowledgeBase) -> None:
    sure = Transcript("is there a cure", "whisper", 0.89, [],
                      (("is", 0.85), ("there", 0.70), ("a", 0.99), ("cure", 0.999)))
    got = reply(kb, sure)
    assert got["outcome"] == "answer", got
    assert got["match"]["id"] == "is-there-a-cure-for-neuromuscular-disorders"
