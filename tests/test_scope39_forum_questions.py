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


@pytest.mark.parametrize(("line", "start"), [
    # qdoctors-tuning.tsv: "I'm sorry you're bad." before.
    ("i'm getting very bad bruising all over safe to inject clexane in bruise?",
     "I'm sorry to hear that."),
    ("i am getting sore muscles", "I'm sorry to hear that."),
    ("i am getting terrible pain in my legs", "I'm sorry to hear that."),
    # Said of a person, these judged them ("I'm sorry you're useless.").
    ("i feel useless", "I'm sorry you're feeling useless."),
    ("i feel bad", "I'm sorry you're feeling bad."),
    ("i feel weak", "I'm sorry you're feeling weak."),
    ("i am sick of my wheelchair", "I'm sorry you're fed up."),
])
def test_a_feeling_word_is_said_back_only_of_the_speaker(
        kb: KnowledgeBase, matcher: Matcher, line: str, start: str) -> None:
    reply = Conversation(kb, matcher=matcher).respond(line)
    assert reply.say.startswith(start), reply.say


@pytest.mark.parametrize(("line", "start"), [
    ("I am so tired all the time", "I'm sorry you're tired."),
    ("im scared of falling", "I'm sorry you're scared."),
    ("I'm so fed up with all this", "I'm sorry you're fed up."),
    ("i am worn out looking after him", "I'm sorry you're worn out."),
    ("i am worried my son has ms", "I'm sorry you're worried."),
    ("i feel lonely since my wife died", "I'm sorry you're lonely."),
    ("i feel sick all the time", "I'm sorry you're sick."),
])
def test_a_feeling_word_of_the_speaker_is_said_back_as_before(
        kb: KnowledgeBase, matcher: Matcher, line: str, start: str) -> None:
    reply = Conversation(kb, matcher=matcher).respond(line)
    assert reply.say.startswith(start), reply.say


@pytest.mark.parametrize("line", [
    "my dog twitches in his sleep, is there anything for that",
    "my cat twitches at night, what helps",
    "our dog keeps twitching at night, any tips",
])
def test_a_pets_night_twitch_is_not_offered_the_spasm_entries(
        kb: KnowledgeBase, matcher: Matcher, line: str) -> None:
    reply = Conversation(kb, matcher=matcher).respond(line)
    # Not the at-night offer; the matcher decides as for any line ("my
    # puppy jerks in his sleep what can i do" is still offered Impact on
    # Daily Life: "puppy" is no off_topic.py word; not changed here).
    assert not reply.say.startswith("Spasms at night"), reply.say
    assert reply.outcome == "no_match", reply.say


@pytest.mark.parametrize("line", [
    "my grandad twitches in his sleep and it wakes him, anything for that",
    "my son has spasms at night, what helps",
])
def test_a_persons_night_twitch_still_is(kb: KnowledgeBase, matcher: Matcher, line: str) -> None:
    reply = Conversation(kb, matcher=matcher).respond(line)
    assert reply.outcome == "confirm" and reply.say.startswith("Spasms at night"), reply.say
