"""Emergencies as text, as Whisper writes spoken emergencies (pure: text in)."""

from __future__ import annotations

import pytest

from voice.content.model import KnowledgeBase
from voice.matching.emergency import is_emergency


@pytest.mark.parametrize("heard", [
    "I'm short on breath",                   # "short of breath"
    "I'm falling and I can't get up",       # "I've fallen and I can't get up"
    "she felt and can't get up",             # "she fell and can't get up"
    "call nine one",                         # "call nine one one"
    "I've fallen", "he has fallen down", "she fell over", "I fell",
])
def test_whispers_spellings_of_an_emergency_are_emergencies(heard: str) -> None:
    assert is_emergency(heard)


@pytest.mark.parametrize("asked", [
    "why can't I get up in the morning",
    "I can't get up the stairs any more",
    "I fell last year and broke my hip, can exercise help",
    "is falling over common with MS",
    "call nine",
])
def test_questions_about_falls_and_getting_up_are_not(asked: str) -> None:
    assert not is_emergency(asked)


#: Emergencies told in the words of what a caregiver sees (a user journey
#: through `voice text`): each was declined, and "I took too many pills" was
#: offered the entry on medication.
SEEN_EMERGENCIES = [
    "my wife stopped breathing", "she won't wake up", "he is not waking up",
    "I took too many pills", "she has taken too much baclofen",
    "he swallowed a whole bottle of tablets", "my lips are turning blue",
    "her lips are blue", "my face is drooping", "I'm bleeding a lot",
    "it won't stop bleeding", "my throat is closing",
    # Falls and cries for help as they happen: each was declined.
    "help me I fell", "I fell, help me", "I fell down the stairs",
    "she fell and hit her head", "he fell and is bleeding", "somebody help", "help help",
    "she is not moving", "he is blue", "I think I'm dying", "I can't move",
    "my chest is tight",
]


@pytest.mark.parametrize("seen", SEEN_EMERGENCIES)
def test_what_a_caregiver_sees_is_an_emergency(seen: str) -> None:
    assert is_emergency(seen)


@pytest.mark.parametrize("asked", [
    "can I stop breathing exercises", "will I have to take too many pills",
    "I can't wake up in the morning", "I took too much time to walk there",
    "is an allergic reaction to baclofen common", "how do I stop my face twitching",
    "I fell down the stairs last year, can physio help", "can someone help me with exercises",
    "can anyone help me pay for treatment", "am I dying", "I am dying to know",
    "help me", "I need help",
])
def test_questions_near_those_words_are_not(asked: str) -> None:
    assert not is_emergency(asked)


def test_a_caregiver_who_sees_an_emergency_is_told_to_call_first(kb: KnowledgeBase) -> None:
    from voice.conversation import Conversation, phrases

    for seen in SEEN_EMERGENCIES:
        reply = Conversation(kb).respond(seen)
        assert (reply.outcome, reply.say) == ("emergency", phrases.EMERGENCY), seen
