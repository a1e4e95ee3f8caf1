"""Three shapes of question caregivers ask, typed through the Conversation
(issue 14, branch scope18; docs/out-of-scope.md "branch scope18"):

- "my mother has MS, what do I do": the family word only says who is asked
  about (voice/matching/teller.py); it was offered "Are neuromuscular
  disorders hereditary?" first, "mother" folding to "family". Inheritance
  asked in words the matcher does not score ("will I get it too") still
  offers that FAQ.
- "what helps muscle spasms" offered the section that describes spasms first
  ("helps" was no scored word); "what helps" now folds to manage
  (synonyms.ASKED_OF_A_NAME), and "what helps <something uncovered>" stays
  declined.
- "what makes my feet smell so bad in trainers" was offered Assistive
  Devices ("trainers" -> footwear): "feet" named no part of the body
  (WordNet has "foot"; health_subjects.IRREGULAR_PLURALS).
"""

from __future__ import annotations

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.matching import Matcher
from voice.matching.teller import without_teller

HEREDITARY = "are-neuromuscular-disorders-hereditary"
COPING = "coping-strategies-for-individuals-and-caregivers"
DESCRIBES = "recognizing-chronic-spasms-and-neuromuscular-disorders"
#: Entries that say what helps spasms (a treatment, or what to do).
HELPS = {"treatment-approaches-for-long-term-management", "medication",
         "neuromodulation-treatments", "can-lifestyle-changes-help-manage-chronic-spasms",
         "physical-therapy", "alternative-therapies"}


@pytest.mark.parametrize("asked", [
    "my mother has MS, what do I do", "my son has MS, what do I do",
    "my son has ms, what should we do", "my mum has als, how can i help her",
    "my father has als, what can he do",
])
def test_a_relative_told_about_is_not_a_question_of_heredity(
        kb: KnowledgeBase, matcher: Matcher, asked: str) -> None:
    reply = Conversation(kb, matcher).respond(asked)
    # How to help the relative told about is caring for them, answered as
    # "how can i help my mum with als" is (branch scope24b).
    assert reply.outcome != "answer" or (
        reply.match is not None and reply.match.id == COPING), reply.say
    assert reply.match is None or reply.match.id != HEREDITARY, reply.say
    assert "Are neuromuscular disorders hereditary" not in reply.say


@pytest.mark.parametrize("asked", [
    "my dad has ms, will i get it too", "my mother has ms will i get it",
    "my mother has ms, could my kids get it",
])
def test_asking_who_else_gets_it_still_finds_heredity(
        kb: KnowledgeBase, matcher: Matcher, asked: str) -> None:
    reply = Conversation(kb, matcher).respond(asked)
    assert reply.outcome in ("answer", "confirm"), reply.say
    assert reply.match is not None and reply.match.id == HEREDITARY, reply.say


def test_the_telling_loses_only_its_family_word() -> None:
    assert without_teller("my mother has MS, what helps") == "my has MS, what helps"
    # "what do I do" after a telling asks where to begin (session 24, branch
    # scope25), as "what now" does.
    assert without_teller("my mother has MS, what do I do") == "where do i start"
    # A relative helped is who is helped too (branch scope22, teller._HELPED):
    # this inscope5 tuning line went from offered to answered with the physio FAQ.
    assert without_teller("how would a physio help my mum") == "how would a physio help my"
    assert without_teller("is my mum at risk") == "is my mum at risk"
    assert (without_teller("my dad has ms, will i get it too")
            == "my dad has ms, will i get it too")


def test_what_helps_muscle_spasms_offers_what_helps(
        kb: KnowledgeBase, matcher: Matcher) -> None:
    reply = Conversation(kb, matcher).respond("what helps muscle spasms")
    assert reply.outcome in ("answer", "confirm"), reply.say
    assert reply.match is not None and reply.match.id in HELPS, reply.say
    assert "Recognizing Chronic Spasms" not in reply.say


@pytest.mark.parametrize("asked", ["what helps a hangover", "what helps a sore throat",
                                   "what can help with hiccups"])
def test_what_helps_something_uncovered_is_declined(
        kb: KnowledgeBase, matcher: Matcher, asked: str) -> None:
    reply = Conversation(kb, matcher).respond(asked)
    assert reply.outcome not in ("answer", "confirm"), reply.say


def test_smelly_feet_are_declined(kb: KnowledgeBase, matcher: Matcher) -> None:
    reply = Conversation(kb, matcher).respond("what makes my feet smell so bad in trainers")
    assert reply.outcome not in ("answer", "confirm"), reply.say
    # Footwear asked about as a device is still ours.
    ours = Conversation(kb, matcher).respond("should i get special trainers for my feet")
    assert ours.outcome in ("answer", "confirm"), ours.say


def test_what_helps_is_folded_only_before_a_name() -> None:
    """"what helps it" is a follow-up (its "it" is the conversation's
    subject): folded, it found an entry as said and lost the subject."""
    from voice.matching.synonyms import fold

    assert fold("what helps muscle spasms").startswith("manage ")
    for said in ("what helps it", "what helps is", "what helps with it", "what helps"):
        assert fold(said) == said
