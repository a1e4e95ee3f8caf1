"""A fear about one's own future is met kindly and the nearest entry offered.

"will I die from this", "how long do I have to live", "is it fatal" were
declined flatly ("I don't have an answer for that"), "will it get worse"
offered lifestyle changes, and "am I going to end up in a wheelchair" was
asked "Did you mean: Assistive Devices?". The content cannot tell one person
their future: the reply says so, names their doctor or nurse, and offers.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, phrases
from voice.conversation.worries import worry_of
from voice.matching.matcher import Matcher

from .conftest import DATA

CURE = "is-there-a-cure-for-neuromuscular-disorders"
LONG_TERM = "treatment-approaches-for-long-term-management"
DEVICES = "how-do-assistive-devices-improve-mobility"


@pytest.mark.parametrize(("line", "first", "second"), [
    ("will I die from this", CURE, LONG_TERM),
    ("how long do i have to live", CURE, LONG_TERM),
    ("is it fatal", CURE, LONG_TERM),
    ("Is MS terminal?", CURE, LONG_TERM),
    ("is ALS life-threatening", CURE, LONG_TERM),
    ("will it get worse", CURE, LONG_TERM),
    ("what is my life expectancy", CURE, LONG_TERM),
    ("am I going to die", CURE, LONG_TERM),
    ("I'm scared I will die from this", CURE, LONG_TERM),
    ("am i going to end up in a wheelchair", DEVICES, CURE),
    ("will I need a wheelchair", DEVICES, CURE),
])
def test_a_fear_for_the_future_is_met_kindly_and_entries_offered(
        kb: KnowledgeBase, matcher: Matcher, line: str, first: str, second: str) -> None:
    talk = Conversation(kb, matcher)
    reply = talk.respond(line)
    assert reply.outcome == "confirm", reply.say
    assert reply.say.startswith(f"{phrases.WORRY} Would you like to hear about: "), reply.say
    assert "doctor or nurse" in reply.say and "can't tell what will happen" in reply.say
    assert reply.answer is None and reply.match is not None and reply.match.id == first
    # Never read unasked: no answer's words in the reply.
    for entry in kb.entries:
        assert entry.answer[:40] not in reply.say
    # "the second one" reads the second offer; "yes" would read the first.
    answer = talk.respond("the second one")
    assert answer.outcome == "answer" and answer.match is not None
    assert answer.match.id == second and answer.learned is None


def test_yes_reads_the_first_offer_and_it_is_met_kindly_again(kb: KnowledgeBase) -> None:
    talk = Conversation(kb)
    assert talk.respond("will I die from this").outcome == "confirm"
    answer = talk.respond("yes")
    assert answer.outcome == "answer" and answer.match is not None and answer.match.id == CURE
    again = talk.respond("will I die from this")
    assert again.outcome == "confirm" and again.say.startswith(phrases.WORRY)


def test_a_spoken_fear_is_met_the_same(kb: KnowledgeBase) -> None:
    reply = Conversation(kb).respond("how long have I got", heard=True)
    assert reply.outcome == "confirm" and reply.say.startswith(phrases.WORRY)


def test_emergencies_still_win(kb: KnowledgeBase) -> None:
    for line in ("I want to die", "I want to die, will it get worse", "I am dying"):
        assert Conversation(kb).respond(line).outcome == "emergency", line


def test_distress_still_wins(kb: KnowledgeBase) -> None:
    reply = Conversation(kb).respond("I can't go on, will it get worse")
    assert reply.say.startswith(phrases.DISTRESS), reply.say


@pytest.mark.parametrize(("line", "entry"), [
    ("will I get better", CURE),
    ("is it permanent", CURE),
    ("is there any hope", "what-recent-breakthroughs-offer-hope-for-treatment"),
    ("do I need a wheelchair", "assistive-devices"),
    ("does stress make spasms worse", "can-lifestyle-changes-help-manage-chronic-spasms"),
])
def test_a_question_the_content_answers_is_still_answered(
        kb: KnowledgeBase, line: str, entry: str) -> None:
    reply = Conversation(kb).respond(line)
    assert reply.outcome == "answer", reply.say
    assert reply.match is not None and reply.match.id == entry
    assert phrases.WORRY not in reply.say


@pytest.mark.parametrize("line", [
    # About treatment or symptoms, not one's future.
    "how long do i have to take the tablets", "how long do i have spasms for",
    "does it get worse at night", "do my spasms get worse in the heat",
    "what is the outlook for purpura", "how long do spasms last",
])
def test_questions_near_those_words_are_not_taken(line: str) -> None:
    assert worry_of(line) is None


def _questions(path: Path, in_scope: bool | None) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        question, _, label = line.partition("\t")
        if in_scope is None or (label != "-") == in_scope:
            out.append(question)
    return out


def test_no_question_the_content_answers_is_taken(kb: KnowledgeBase) -> None:
    """Every in-scope line of the question sets and every "Also asked"
    phrasing is still matched (counted only, the held-out set included)."""
    lines = [q for name in ("tuning", "dev", "heldout")
             for q in _questions(DATA / f"{name}.tsv", True)]
    lines += [p for e in kb.entries for p in e.phrasings]
    assert len(lines) > 800
    assert sum(worry_of(q) is not None for q in lines) == 0


def test_out_of_scope_sets_are_not_taken() -> None:
    """Questions of others (MedQuAD's "what is the outlook for ...", K-QA,
    COVID-Q, home-assistant requests) stay declined as before."""
    paths = sorted(DATA.glob("*-tuning*.tsv")) + sorted(DATA.glob("*-heldout*.tsv"))
    # Not MedQuAD's questions about the content's own conditions (scope14):
    # in scope, and their outlook is what the outlook worry is for
    # (tests/test_journeys10_worries.py counts them).
    paths = [p for p in paths if not p.name.startswith("medquad-ours-")]
    lines = [q for p in paths for q in _questions(p, None)]
    assert len(lines) > 8500
    assert sum(worry_of(q) is not None for q in lines) == 0
