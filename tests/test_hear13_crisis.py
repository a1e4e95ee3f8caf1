"""A myasthenic crisis told as it happens, as Whisper tiny.en hears it
(voice/matching/emergency.py ``CRISIS_WORDS``): espeak-ng's "my husband is
having a myasthenic crisis" was heard "... having a my hispanic crisis" on
an AVX-512 EPYC's AVX2 path and "... a myostatic crisis" on an AVX2 EPYC.
The words are under test, not the hearing, so it holds on any CPU."""

from __future__ import annotations

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, phrases
from voice.matching.emergency import is_emergency


@pytest.mark.parametrize("heard", [
    "my husband is having a my hispanic crisis", "my husband is having a myostatic crisis",
    "she's having a myasthenic crisis",
])
def test_a_crisis_heard_in_two_words_gets_the_emergency_advice(
        kb: KnowledgeBase, heard: str) -> None:
    assert is_emergency(heard)
    reply = Conversation(kb).respond(heard)
    assert reply.outcome == "emergency" and reply.say == phrases.EMERGENCY


@pytest.mark.parametrize("asked", [
    "what is a myasthenic crisis", "what happens in a my hispanic crisis",
    "how do i know if he is heading for a crisis",
])
def test_a_crisis_asked_about_is_a_question(asked: str) -> None:
    assert not is_emergency(asked)
