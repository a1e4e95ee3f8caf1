"""Session 33 (branch scope39): what people's own questions to two websites
where doctors answer (tests/data/qdoctors-*.tsv, icliniq-*.tsv; tuning
halves only) showed, typed through the conversation."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.loader import load_knowledge
from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.matching.emergency import is_emergency
from voice.matching.matcher import Matcher

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge([REPO / "content"])


@pytest.fixture(scope="module")
def matcher(kb: KnowledgeBase) -> Matcher:
    return Matcher(kb)


@pytest.mark.parametrize("line", [
    # icliniq-tuning.tsv: told to call an emergency number before.
    "had an emergency contraceptive pill after sex. can i be pregnant?",
    "having spotting after emergency contraceptive pill. is there anything to worry?",
    "is emergency contraception safe",
])
def test_an_emergency_contraceptive_is_no_emergency(
        kb: KnowledgeBase, matcher: Matcher, line: str) -> None:
    assert not is_emergency(line)
    reply = Conversation(kb, matcher=matcher).respond(line)
    assert reply.outcome == "no_match", reply.say


@pytest.mark.parametrize("line", [
    "this is an emergency", "call emergency services", "emergency!",
    "it's an emergency, he can't breathe", "take me to the emergency room",
])
def test_an_emergency_is_still_one(line: str) -> None:
    assert is_emergency(line)


@pytest.mark.parametrize("name", ["qdoctors", "icliniq"])
def test_the_halves_are_split_by_the_rule(name: str) -> None:
    """Each half holds only lines its SHA-1 rule sends there, none in both."""
    import hashlib

    halves = {}
    for half in ("tuning", "heldout"):
        lines = [x for x in (DATA / f"{name}-{half}.tsv").read_text(encoding="utf-8")
                 .splitlines() if x.strip() and not x.startswith("#")]
        even = {hashlib.sha1(x.lower().encode()).digest()[0] % 2 == 0 for x in lines}
        assert even == {half == "tuning"}
        halves[half] = {x.lower() for x in lines}
    assert not halves["tuning"] & halves["heldout"]
