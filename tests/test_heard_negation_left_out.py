"""A negation heard unsurely and left out must not turn a reply into a yes
(voice/conversation/heard.py, _turned_to_yes): "that's incorrect" heard by
Whisper as "nothing(unsure) correct" read the entry just offered (branch
said33, espeak-ng en+f3 through the real model). The hearings are written
here as Whisper gave them (text and word probabilities): the rule is about
what was heard, not about how this CPU hears one clip (tests/recorded.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.loader import load_knowledge
from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.conversation.heard import understood
from voice.matching.matcher import Matcher
from voice.speech_in.base import Transcript

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge([REPO / "content"])


def _reply_to_offer(kb: KnowledgeBase, words: tuple[tuple[str, float], ...]) -> str:
    matcher = Matcher(kb)
    talk = Conversation(kb, matcher=matcher)
    assert talk.respond("what helps spasms at night").outcome == "confirm"
    heard = Transcript(" ".join(w for w, _ in words), "whisper", words=words)
    text, doubtful = understood(heard, matcher)
    return talk.respond(text, doubtful=doubtful, heard=True).outcome


@pytest.mark.parametrize("words", [
    (("nothing", 0.12), ("correct", 0.93)),
    (("not", 0.15), ("correct", 0.9)),
    (("no", 0.1), ("yes", 0.9)),
])
def test_a_negation_left_out_does_not_read_the_offer(
        kb: KnowledgeBase, words: tuple[tuple[str, float], ...]) -> None:
    assert _reply_to_offer(kb, words) != "answer"


@pytest.mark.parametrize("words", [
    (("yes", 0.95), ("please", 0.1)),
    (("yeah", 0.9), ("sure", 0.1)),
    (("correct", 0.9),),
])
def test_a_yes_still_reads_the_offer(kb: KnowledgeBase,
                                     words: tuple[tuple[str, float], ...]) -> None:
    assert _reply_to_offer(kb, words) == "answer"
