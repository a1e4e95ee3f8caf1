"""Everyday questions about living with the conditions that the content does
not cover (session 35, conversation/not_covered.py): "can I drive with ms"
was offered Recognizing Chronic Spasms, "can I fly with ms" the same, "does
caffeine affect spasms" Impact on Daily Life; "can I get pregnant with ms",
"does cbd help spasms", "is there a blood test for it" were declined. Now
the user hears that it is not covered and who can tell them, then the
nearest entry is offered (never read). Lines that are not about the
conditions stay the matcher's. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation.not_covered import not_covered
from voice.services.question_log import LOGGED_OUTCOMES

from .conftest import voice_text_replies


@pytest.mark.parametrize(("said", "key"), [
    ("can I drive with ms", "driving"), ("can my dad still drive with ms", "driving"),
    ("is it safe to drive with spasms", "driving"), ("can I still drive", "driving"),
    ("is it safe to have a baby with ms", "pregnancy"), ("will my baby get it", "pregnancy"),
    ("can I have sex with ms", "sex"), ("does alcohol make spasms worse", "alcohol"),
    ("is smoking bad for ms", "smoking"), ("does caffeine affect spasms", "caffeine"),
    ("does cbd help spasms", "cannabis"), ("should I get the covid vaccine with ms", "vaccines"),
    ("can I fly with ms", "travel"), ("is there a blood test for it", "test"),
    ("does an mri show it", "test"),
])
def test_topics(said: str, key: str) -> None:
    found = not_covered(said)
    assert found is not None and found.topic.key == key, said


@pytest.mark.parametrize("said", [
    # Not about the conditions: the matcher's, as before.
    "how long does it take to drive to london", "drive me to the hospital",
    "can I get pregnant", "what wine goes with fish", "is it safe to drive in snow",
    # Injections for spasms (dev.tsv: medication), not a vaccine.
    "are the jabs for spasms any good",
    # A "drive" that is no driving.
    "my sex drive", "can you drive me to the shops with my spasms",
])
def test_not_taken(said: str) -> None:
    found = not_covered(said)
    assert found is None or found.topic.key not in ("driving", "vaccines"), said
    if said in ("how long does it take to drive to london", "drive me to the hospital",
                "can I get pregnant", "what wine goes with fish", "is it safe to drive in snow",
                "are the jabs for spasms any good"):
        assert found is None, said


def test_said_not_covered_then_the_nearest_entry_offered(tmp_path: Path) -> None:
    drive, fly, cbd, blood, yes = voice_text_replies(
        ["can I drive with ms", "can I fly with ms", "does cbd help spasms",
         "is there a blood test for it", "yes"], tmp_path)
    assert drive["say"].startswith("What I know doesn't cover driving."), drive
    assert "Impact on Daily Life" in drive["say"], drive
    assert "Recognizing" not in drive["say"], drive
    assert fly["say"].startswith("What I know doesn't cover travel."), fly
    assert "Recognizing" not in fly["say"], fly
    assert cbd["say"].startswith("What I know doesn't cover cannabis or CBD."), cbd
    assert "Medication" in cbd["say"], cbd
    assert blood["say"].startswith("What I know doesn't go into that test."), blood
    assert "Diagnosis and Medical Evaluations" in blood["say"], blood
    for reply in (drive, fly, cbd, blood):
        assert reply["outcome"] == "confirm" and reply["answer"] is None, reply
    # "yes" reads what was offered.
    assert yes["outcome"] == "answer", yes
    assert yes["match"]["title"] == "Diagnosis and Medical Evaluations", yes


def test_nothing_offered_without_the_conditions_named(tmp_path: Path) -> None:
    still, sex, diabetes = voice_text_replies(
        ["can I still drive", "can I have sex with ms", "can I drink alcohol with diabetes and ms"],
        tmp_path)
    # "still" says the topic but offers nothing: K-QA's "... Im still breast
    # feeding" is no question of ours.
    assert still["say"].startswith("What I know doesn't cover driving."), still
    assert "list topics" in still["say"] and still["outcome"] != "confirm", still
    # No entry is near sex and intimacy; the way forward is said.
    assert sex["say"].startswith("What I know doesn't cover sex and intimacy."), sex
    assert "list topics" in sex["say"], sex
    # A decline: kept in the caregiver's question log among the unanswered
    # (it keeps no commands), so the content can be added to.
    assert sex["outcome"] in LOGGED_OUTCOMES and sex["outcome"] == "no_match", sex
    # Another health subject named: what is near ours is not near it.
    assert diabetes["say"].startswith("What I know doesn't cover alcohol."), diabetes
    assert diabetes["outcome"] != "confirm", diabetes


@pytest.mark.parametrize("said", ["does alcohol make spasms worse", "is smoking bad for ms",
                                  "does caffeine affect spasms"])
def test_habits_offer_nothing(tmp_path: Path, said: str) -> None:
    # The lifestyle FAQ begins "Yes, regular exercise ...": heard as a yes to
    # alcohol (tests/test_session25_drink27.py). Said, then the way forward.
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["say"].startswith("What I know doesn't cover"), reply
    assert reply["outcome"] == "no_match" and "list topics" in reply["say"], reply


def test_the_matchers_own_offer_of_a_topic_entry_stays(tmp_path: Path) -> None:
    (baby,) = voice_text_replies(["can my girlfriend's spasms be passed to our baby"], tmp_path)
    assert baby["say"].startswith("Did you mean"), baby
    assert baby["match"]["title"] == "Are neuromuscular disorders hereditary?", baby


@pytest.mark.parametrize("said", ["I took all my baclofen", "he has taken all of his tablets",
                                  "she swallowed all her pills"])
def test_all_ones_medicines_taken_is_an_emergency(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["outcome"] == "emergency", reply


@pytest.mark.parametrize("said", ["I took all my pills this morning but still have spasms",
                                  "I took all my tablets as prescribed"])
def test_a_days_doses_taken_is_not(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["outcome"] != "emergency", reply


@pytest.mark.parametrize(("said", "key"), [
    ("will he lose his voice", "speech"), ("how do I communicate if I can't speak", "speech"),
    ("what is a communication aid", "speech"), ("my dad can't swallow his tablets", "swallowing"),
    ("what is a peg tube", "swallowing"), ("is a feeding tube necessary", "swallowing"),
    ("can als affect breathing", "breathing"), ("do I need a ventilator", "breathing"),
    ("what is palliative care", "palliative"), ("what about end of life care", "palliative"),
])
def test_what_als_carers_ask_first(tmp_path: Path, said: str, key: str) -> None:
    found = not_covered(said)
    assert found is not None and found.topic.key == key, said
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["say"].startswith(found.topic.say), reply
    assert reply["outcome"] == "no_match" and reply["answer"] is None, reply


def test_breathing_and_speech_say_when_to_call_for_help(tmp_path: Path) -> None:
    vent, voice, choke = voice_text_replies(
        ["do I need a ventilator", "will he lose his voice", "he can't breathe"], tmp_path)
    assert "emergency number" in vent["say"], vent
    assert "emergency number" in voice["say"], voice
    # Happening now: the emergency advice, as before.
    assert choke["outcome"] == "emergency", choke


@pytest.mark.parametrize(("said", "start"), [
    ("driving", "What I know doesn't cover driving."),
    ("what about alcohol", "What I know doesn't cover alcohol."),
    ("pregnancy", "What I know doesn't cover pregnancy"),
    ("cannabis", "What I know doesn't cover cannabis"),
    ("flying", "What I know doesn't cover travel."),
    ("breathing", "What I know doesn't cover breathing"),
])
def test_a_topic_said_alone(tmp_path: Path, said: str, start: str) -> None:
    # A tired user's one word was declined with "I don't have an answer".
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["say"].startswith(start), reply
    assert reply["outcome"] == "no_match" and "list topics" in reply["say"], reply
