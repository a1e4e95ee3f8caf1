"""Session 10: a caregiver (or the person) says first who has the condition.

"my husband has MS, what can he do for his spasms" was answered, in full,
with Recognizing Chronic Spasms and Neuromuscular Disorders (the telling
outweighed the question); "I look after my dad who has MS, what exercises
can he do" was offered Coping Strategies, "my wife has myasthenia gravis, is
there a cure" only offered the cure FAQ. The question after the telling is
now matched on its own (voice/conversation/on_behalf.py). Told first,
tuning.tsv's in-scope questions were answered right 41 of 130 times, now
125, a wrong entry 3 times, now never (scripts/benchmark_on_behalf.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import Conversation
from voice.conversation import two_part_lines as conversation_mod
from voice.conversation.on_behalf import asked_for
from voice.matching.matcher import Matcher

from .conftest import DATA, voice_text_replies

RECOGNIZING = "recognizing-chronic-spasms-and-neuromuscular-disorders"
LIFESTYLE = "can-lifestyle-changes-help-manage-chronic-spasms"
EXERCISE = "the-role-of-exercise-and-rehabilitation"
CURE = "is-there-a-cure-for-neuromuscular-disorders"


def test_the_telling_no_longer_chooses_a_wrong_answer(kb: KnowledgeBase,
                                                     matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    reply = talk.respond("my husband has MS, what can he do for his spasms")
    # Before: the Recognizing section read in full. Now the question's own
    # match, the entries on what helps among those offered.
    assert reply.outcome == "confirm", reply.say
    assert reply.match is not None and reply.match.id != RECOGNIZING
    assert LIFESTYLE in [e.id for e in talk._s.offered]


@pytest.mark.parametrize(("line", "entry"), [
    ("I look after my dad who has MS, what exercises can he do", EXERCISE),
    ("my wife has myasthenia gravis, is there a cure", CURE),
    ("My mum was diagnosed with ALS. Is there a cure?", CURE),
])
def test_the_question_after_the_telling_is_answered(
        kb: KnowledgeBase, matcher: Matcher, line: str, entry: str) -> None:
    reply = Conversation(kb, matcher).respond(line)
    assert reply.outcome == "answer", reply.say
    assert reply.match is not None and reply.match.id == entry


def test_an_answer_found_only_in_the_telling_is_offered_not_read(
        kb: KnowledgeBase, matcher: Matcher, monkeypatch: pytest.MonkeyPatch) -> None:
    """"what do I do" alone finds nothing; the whole line's answer came from
    "has MS": offered, never read unasked. Since session 24 (branch
    scope25) "what do I do" after a telling asks where to begin, so the
    Introduction is offered (before: Recognizing ...)."""
    line = "my husband has MS, what do I do"
    reply = Conversation(kb, matcher).respond(line)
    assert reply.outcome == "confirm" and reply.answer is None, reply.say
    assert reply.match is not None and reply.match.id == "introduction"
    # Three rules now keep it from being read: this one, the matcher's own
    # (scope16: a condition's name alone, asked more than "what is it",
    # Matcher.asks_beyond_name), and since session 24 the teller's "what do
    # I do" after a telling (teller._WHAT_NOW, offered only). Each alone
    # keeps it an offer.
    monkeypatch.setattr(conversation_mod, "asked_for", lambda text: None)
    assert Conversation(kb, matcher).respond(line).outcome == "confirm"
    monkeypatch.setattr(matcher, "require_asked", False)
    assert Conversation(kb, matcher).respond(line).outcome == "confirm"


@pytest.mark.parametrize("line", [
    # Another illness: matched whole, as before.
    "my mother has diabetes, what should she eat",
    # Spasms are what is asked about, not who has what.
    "my son has spasms at night, what helps",
    # Nothing asked after the telling.
    "my husband has MS", "I have MS and",
])
def test_other_tellings_are_not_taken(line: str) -> None:
    assert asked_for(line) is None


def test_the_question_sets_are_as_before() -> None:
    """Of every line in tests/data (held out too, counted only) one starts
    with such a telling (dev.tsv's "my wife has ms, will exercise make her
    worse", offered the exercise entry with the rule and without it). Not
    MeQSum's (session 23), written by patients and caregivers, who often
    begin so ("my brother has MS Im searching for something that can help
    him"): 5 of its 38, measured with the rest by scripts/benchmark.py."""
    lines = [row.split("\t")[0] for p in sorted(DATA.glob("*.tsv"))
             if not p.name.startswith("meqsum-")
             for row in p.read_text(encoding="utf-8").splitlines()
             if row.strip() and not row.startswith("#")]
    assert len(lines) > 9000
    # Since session 33 a question asked of a relative as one's own is taken
    # too ("can my dad still exercise" -> "can i still exercise"): three
    # more lines, an iCliniq tuning line ("can my wife use serrax-d while
    # breastfeeding?", still declined) and two held-out ones (counted, not
    # read); `scripts/replay_conversation.py --compare`: none of the three
    # replies changed.
    assert sum(asked_for(q) is not None for q in lines) == 4


def test_the_journey_through_voice_text(tmp_path: Path) -> None:
    first, second = voice_text_replies(
        ["my husband has MS, what can he do for his spasms",
         "I look after my dad who has MS, what exercises can he do"], tmp_path)
    assert first["outcome"] == "confirm" and first["match"]["id"] != RECOGNIZING
    assert second["outcome"] == "answer" and second["match"]["id"] == EXERCISE


def test_spoken_it_is_offered_not_answered_when_the_whole_line_was_offered(
        kb: KnowledgeBase, matcher: Matcher) -> None:
    """Heard (Whisper's hearing of espeak-ng's "my wife has multiple
    sclerosis, will exercise make her worse" at 10 of 20 offsets): the
    question's entry offered first, as the whole line was offered; typed,
    it is answered."""
    line = "my wife has multiple sclerosis will exercise make the worse"
    spoken = Conversation(kb, matcher).respond(line, heard=True)
    assert spoken.outcome == "confirm" and spoken.match is not None
    assert spoken.match.id == EXERCISE
    typed = Conversation(kb, matcher).respond(line)
    assert typed.outcome == "answer" and typed.match is not None and typed.match.id == EXERCISE
