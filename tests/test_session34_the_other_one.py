""""The other one" after "yes" read the first of two entries offered
(session 34): it said "All right. What else would you like to know?", and
"and the other?" was declined as a question. Now the other entry is read;
said again, the first. A new question in between ends it. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation.yes_no import asks_for_the_other

from .conftest import voice_text_replies

OFFER = "my legs are stiff in the morning"  # offers Recognizing ...; or Physical Therapy
FIRST = "Recognizing Chronic Spasms and Neuromuscular Disorders"


@pytest.mark.parametrize("asked", ["the other one", "and the other", "what about the other one",
                                   "and the other one?"])
def test_the_other_is_read(tmp_path: Path, asked: str) -> None:
    offered, first, other = voice_text_replies([OFFER, "yes", asked], tmp_path)
    assert offered["outcome"] == "confirm" and len(offered["say"]) > 0, offered
    assert first["match"]["title"] == FIRST, first
    assert other["outcome"] == "answer" and other["match"]["title"] == "Physical Therapy", other


def test_said_again_the_first(tmp_path: Path) -> None:
    *_, again = voice_text_replies([OFFER, "yes", "the other one", "the other one"], tmp_path)
    assert again["outcome"] == "answer" and again["match"]["title"] == FIRST, again


def test_a_new_question_ends_it(tmp_path: Path) -> None:
    *_, other = voice_text_replies([OFFER, "yes", "who won the football", "and the other"],
                                   tmp_path)
    assert other["outcome"] != "answer", other


def test_words() -> None:
    assert asks_for_the_other("And the other?")
    assert not asks_for_the_other("the other day my legs hurt")
    assert not asks_for_the_other("other treatments")


def test_after_both_the_other_is_the_second(tmp_path: Path) -> None:
    *_, other = voice_text_replies([OFFER, "both", "the other one"], tmp_path)
    assert other["outcome"] == "answer" and other["match"]["title"] == "Physical Therapy", other
