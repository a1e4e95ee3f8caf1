"""Gaps found by typing into `voice text` (session 37): a span of time said
as background ("I've had MS for ten years and ..."), "they" standing for a
plural subject ("what causes spasms", then "are they painful"), and "what
was the other one" after one of two offered was read. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation.duration_said import without_duration
from voice.conversation.subject import with_subject

from .conftest import voice_text_replies

RECOGNIZING = "recognizing-chronic-spasms-and-neuromuscular-disorders"
EARLY_SIGNS = "what-are-the-early-signs-of-neuromuscular-disorders"
TREATMENT = "treatment-approaches-for-long-term-management"
INNOVATIONS = "technological-innovations-in-treatment"


def _id(reply: dict) -> str | None:
    return (reply.get("match") or {}).get("id")


@pytest.mark.parametrize(("said", "offered"), [
    # Was: "Sorry, I don't have an answer for that" (session 36's note).
    ("I've had ms for ten years and my legs are getting stiffer", RECOGNIZING),
    ("my wife has had als for two years and she is getting weaker", EARLY_SIGNS),
])
def test_a_span_of_time_said_as_background_is_offered(tmp_path: Path, said: str,
                                                      offered: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["outcome"] == "confirm" and _id(reply) == offered, reply
    assert reply["answer"] is None, reply  # offered, never read


def test_a_span_of_time_with_nothing_of_ours_is_still_declined(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["I've had a cough for three weeks"], tmp_path)
    assert reply["outcome"] == "no_match", reply


@pytest.mark.parametrize(("said", "rest"), [
    ("I've had ms for ten years and my legs are getting stiffer",
     "i have had ms and my legs are getting stiffer"),
    ("for the past few months my hands have been cramping", "my hands have been cramping"),
    ("over the last two weeks my legs have been jumping", "my legs have been jumping"),
    ("i was diagnosed last year", None),        # a point in time: told, not asked
    ("she was diagnosed two years ago", None),
    ("what helps stiff legs", None),            # no span said
    ("how long does botox last", None),         # asks how long: how_long.py's
    ("how many years does it take", None),
])
def test_without_duration(said: str, rest: str | None) -> None:
    assert without_duration(said) == rest


@pytest.mark.parametrize("then", ["are they painful", "do they last", "will they stop"])
def test_they_for_a_plural_subject_is_offered(tmp_path: Path, then: str) -> None:
    # Was: declined ("they" was never read as the subject).
    first, reply = voice_text_replies(["what causes spasms", then], tmp_path)
    assert first["outcome"] == "answer", first
    assert reply["outcome"] == "confirm" and reply["answer"] is None, reply


@pytest.mark.parametrize(("said", "subject", "read"), [
    ("are they painful", "spasms", "are spasms painful"),
    ("do they last", "muscle spasms", "do muscle spasms last"),
    ("are they painful", "ms", None),             # not a plural
    ("are they painful", "multiple sclerosis", None),
    ("are they painful", "baclofen", None),
    ("how do they treat it", "spasms", "how do they treat spasms"),  # "it" is the pointer
    ("what do they do", "spasms", None),          # not right after the opening word
    ("they are painful", "spasms", None),         # no question
])
def test_with_subject_they(said: str, subject: str, read: str | None) -> None:
    assert with_subject(said, subject) == read


@pytest.mark.parametrize("then", ["what was the other one", "what was the second option again",
                                  "what's the other one"])
def test_the_other_asked_after_the_first_was_read(tmp_path: Path, then: str) -> None:
    # Was: "Sorry, I don't have an answer for that".
    offer, first, reply = voice_text_replies(["what are the treatments", "the first one", then],
                                             tmp_path)
    assert offer["outcome"] == "confirm" and _id(first) == TREATMENT, (offer, first)
    assert reply["outcome"] == "answer" and _id(reply) == INNOVATIONS, reply


def test_the_other_with_nothing_chosen_is_no_command(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["what was the other one"], tmp_path)
    assert reply["outcome"] == "no_match", reply


@pytest.mark.parametrize("said", ["I can't swallow my spit", "she is drooling",
                                  "I have too much saliva", "how do I stop drooling"])
def test_drooling_and_saliva_said_not_covered(tmp_path: Path, said: str) -> None:
    # Was: "Sorry, I don't have an answer for that" (common in ALS; the
    # content names only "difficulty swallowing").
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["say"].startswith("What I know doesn't cover drooling"), reply
    assert "speech and language therapist" in reply["say"], reply
    assert reply["answer"] is None, reply


@pytest.mark.parametrize("said", ["my husband keeps choking on his saliva",
                                  "is a swollen saliva gland serious"])
def test_choking_and_a_saliva_gland_are_not_the_saliva_topic(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert "drooling" not in reply["say"], reply


@pytest.mark.parametrize("said", ["i think this is a myasthenic crisis", "myasthenic crisis",
                                  "it could be a myasthenic crisis",
                                  "how do i know if it is a myasthenic crisis"])
def test_a_crisis_said_to_be_what_is_seen_is_an_emergency(tmp_path: Path, said: str) -> None:
    # Was: not an emergency (only "having a ... crisis" was).
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["outcome"] == "emergency", reply


@pytest.mark.parametrize("said", ["what is a myasthenic crisis",
                                  "what are the signs of a myasthenic crisis"])
def test_a_crisis_asked_about_is_not_covered_with_when_to_call(tmp_path: Path, said: str) -> None:
    # Was: offered Recognizing Chronic Spasms, which names no crisis.
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["say"].startswith("What I know doesn't cover a myasthenic crisis"), reply
    assert "emergency number" in reply["say"] and reply["answer"] is None, reply


@pytest.mark.parametrize("lost", ["where were we", "what were we talking about", "where was I",
                                  "what was I asking about"])
def test_lost_the_thread_is_told_the_last_question(tmp_path: Path, lost: str) -> None:
    # Was: "Sorry, I don't have an answer for that".
    _, reply = voice_text_replies(["what are spasms", lost], tmp_path)
    assert reply["outcome"] == "command", reply
    assert "You asked: 'what are spasms'" in reply["say"], reply
    assert "Recognizing Chronic Spasms" in reply["say"], reply
