"""Session 10: what is felt in the body is not thanked "for telling me how
you feel".

"I can't feel my legs", "I feel tingling in my hands", "I feel a pain in my
leg" were met with "Thank you for telling me how you feel" (feelings.py
took every "I feel ..." for a feeling). Now "I'm sorry to hear that.", then
the entry offered as before. No line of tests/data's sets is met
differently (counted against the rule without sensations).

Since session 32 "I can't feel my legs" is a worrying sign told as it is
seen (seen_now.py: sudden numbness of a limb can be a relapse or a stroke),
met with when to get help first: tests/test_session32_sudden_weakness.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, feelings, phrases
from voice.conversation.feelings import feeling_of
from voice.matching.matcher import Matcher

from .conftest import DATA, voice_text_replies


@pytest.mark.parametrize("line", [
    "I feel numbness in my legs", "I feel tingling in my hands",
    "I feel a pain in my leg", "I feel pins and needles", "I feel my muscles twitching",
])
def test_a_sensation_is_met_as_something_bad(kb: KnowledgeBase, matcher: Matcher,
                                             line: str) -> None:
    reply = Conversation(kb, matcher).respond(line)
    assert reply.say.startswith(phrases.SORRY_TO_HEAR), reply.say
    assert phrases.THANKS_FOR_TELLING not in reply.say
    assert reply.answer is None  # never read unasked, as before


@pytest.mark.parametrize(("line", "start"), [
    ("I feel that way", phrases.THANKS_FOR_TELLING),
    ("I feel sad", "I'm sorry you're sad."),
    ("I feel like a burden", phrases.DISTRESS),
])
def test_feelings_are_met_as_before(kb: KnowledgeBase, matcher: Matcher, line: str,
                                    start: str) -> None:
    assert Conversation(kb, matcher).respond(line).say.startswith(start)


def test_no_line_of_the_question_sets_is_met_differently(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = [*sorted(DATA.glob("*.tsv")), DATA / "emergencies-tuning.txt"]
    lines = [row.split("\t")[0] for p in paths
             for row in p.read_text(encoding="utf-8").splitlines()
             if row.strip() and not row.startswith("#")]
    lines += [p for e in kb.entries for p in e.phrasings]
    assert len(lines) > 9000
    now = [feeling_of(q) for q in lines]
    monkeypatch.setattr(feelings, "_SENSATION", feelings.re.compile(r"(?!)"))
    assert feeling_of("I can't feel my legs") == feelings.Feeling("said")
    # Session 33: one line of people's questions to Question Doctors
    # (qdoctors-tuning.tsv) says a pain felt, now "sorry to hear that".
    moved = [q for a, q in zip(now, lines, strict=True) if a != feeling_of(q)]
    assert moved == ["i felt pain around the skin on my vagina. well today i have a lump "
                     "quarter sized or larger?"]


def test_the_journey_through_voice_text(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["I feel tingling in my hands"], tmp_path)
    assert reply["say"].startswith(phrases.SORRY_TO_HEAR)
