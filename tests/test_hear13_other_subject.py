"""Spoken requests about a subject the content does not cover, declined on
Whisper's own evidence (voice/conversation/heard.py): its next likeliest
hearing names a health subject the content never mentions
(``OTHER_SUBJECT``), or its last word is a non-word it barely heard
(``UNSPELT_SUBJECT``). Both are off (held out: no more declined, two right
entries lost); these tests turn them on, so the rules stay as measured for
the next measurement. The rule is under test, not the hearing, so each
case is what Whisper tiny.en heard of a tuning-half clip on this session's
CPU (tests/conftest.py's AVX2 path; scripts/tune_spoken_oos.py --dump), word
probabilities and alternatives as recorded: it holds on any CPU."""

from __future__ import annotations

import io
from typing import Any

import pytest

from voice.app import Assistant
from voice.content.model import KnowledgeBase
from voice.conversation import heard
from voice.conversation.conversation import Conversation
from voice.speech_in.base import Transcript


def recorded(words: list[tuple[str, float]], alternatives: tuple[str, ...] = ()) -> Transcript:
    return Transcript(" ".join(w for w, _ in words), "whisper",
                      sum(c for _, c in words) / len(words),
                      alternatives=list(alternatives), words=tuple(words))


@pytest.fixture(autouse=True)
def _rules_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(heard, "OTHER_SUBJECT", True)
    monkeypatch.setattr(heard, "UNSPELT_SUBJECT", 0.3)


def reply(kb: KnowledgeBase, said: Transcript, other_kind: bool = True) -> dict[str, Any]:
    """``other_kind`` False: without session 25's kinds-of-disorder rule
    (Matcher.names_other_kind), which declines "morning sickness" and steps
    "... disorders tangus" down on its own: the state these rules were
    measured against."""
    talk = Conversation(kb)
    talk.matcher.require_kind = other_kind
    return Assistant(talk, None, out=io.StringIO(), json_lines=True).handle_heard(said)


# health-tuning.tsv, espeak-ng: each was offered an entry of ours.
OTHER = [
    ("what causes morning sickness",
     [("what", 0.93), ("causes", 0.38), ("moreening", 0.27), ("sickness", 0.49)],
     ("what causes morning sickness", "what causes monitoring signals",
      "what causes moreening signals", "what's called this morning sickness")),
    ("what should i put on a bee sting",
     [("what", 0.74), ("should", 0.65), ("i", 0.87), ("put", 0.88), ("on", 0.98), ("a", 0.70),
      ("me", 0.12), ("sting", 0.38)],
     ("what should i put on a bee sting", "what should i put on a meeting",
      "what should i put on these things", "well should i put on a meeting")),
]


@pytest.mark.parametrize("said, words, alternatives", OTHER, ids=[o[0] for o in OTHER])
def test_whispers_next_hearing_names_another_subject(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, said: str,
        words: list[tuple[str, float]], alternatives: tuple[str, ...]) -> None:
    t = recorded(words, alternatives)
    assert reply(kb, t)["outcome"] == "no_match"
    monkeypatch.setattr(heard, "OTHER_SUBJECT", False)
    assert reply(kb, t, other_kind=False)["outcome"] == "confirm"  # what the rule changes


# A later alternative naming one is no evidence: "what injections are used"
# (tuning.tsv) was heard "what injection are used", its second alternative
# "what infection are used"; the right entry is still offered.
def test_only_the_next_likeliest_hearing_counts(kb: KnowledgeBase) -> None:
    t = recorded([("what", 0.97), ("injection", 0.4976), ("are", 0.80), ("used", 0.82)],
                 ("what injection are you", "what infection are used", "what injections are used"))
    got = reply(kb, t)
    assert got["outcome"] == "confirm" and got["match"]["id"] == "medication", got


UNSPELT = [
    # foreign-tuning.tsv (NLU-Evaluation-Data), answered outright before.
    ("restaurant order status",
     [("rest", 0.93), ("run", 0.33), ("disorders", 0.58), ("tangus", 0.17)], "answer"),
    # health-tuning.tsv, offered treatments before.
    ("how do i treat conjunctivitis",
     [("how", 0.68), ("do", 0.96), ("i", 0.61), ("treat", 0.99), ("conductingitis", 0.17)],
     "confirm"),
]


@pytest.mark.parametrize("said, words, before", UNSPELT, ids=[u[0] for u in UNSPELT])
def test_a_last_word_whisper_could_not_spell_is_a_lost_subject(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, said: str,
        words: list[tuple[str, float]], before: str) -> None:
    t = recorded(words)
    got = reply(kb, t)
    assert got["outcome"] == "no_match", got
    monkeypatch.setattr(heard, "UNSPELT_SUBJECT", None)
    # As before the prompt's copied words were doubted too (session 31,
    # heard.PROMPT_COPIED: "disorders" at 0.58 now offers, not reads, anyway).
    monkeypatch.setattr(heard, "PROMPT_COPIED_BELOW", None)
    assert reply(kb, t, other_kind=False)["outcome"] == before


def test_a_non_word_inside_the_hearing_is_left_as_it_was(kb: KnowledgeBase) -> None:
    # tuning.tsv "how will the neurologist test me", answered right.
    t = recorded([("how", 0.98), ("will", 0.97), ("the", 0.85), ("neurolocus", 0.19),
                  ("test", 0.99), ("me", 0.95)])
    got = reply(kb, t)
    assert got["outcome"] == "answer", got
    assert got["match"]["id"] == "diagnosis-and-medical-evaluations"
