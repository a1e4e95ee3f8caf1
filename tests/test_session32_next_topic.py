""""Next topic" / "previous topic" (session 32, voice/conversation/next_topic.py):
the topic after or before the one just read, named first. They were met
with "Did you mean: Introduction?" and "the one after that" was declined.
Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.loader import load_knowledge
from voice.conversation import phrases
from voice.conversation.next_topic import asks_to_step

from .conftest import REPO, every_typed_line, voice_text_replies

TITLES = [e.title for e in load_knowledge([REPO / "content"]).entries]


def test_next_and_previous_from_a_chosen_topic(tmp_path: Path) -> None:
    said = ["list topics", "3", "next topic", "the one after that", "previous topic",
            "go back a topic"]
    got = voice_text_replies(said, tmp_path)
    read = [r["match"]["title"] for r in got[1:]]
    assert read == [TITLES[2], TITLES[3], TITLES[4], TITLES[3], TITLES[2]], read
    assert got[2]["say"].startswith(f"Topic 4, {TITLES[3]}."), got[2]
    assert got[2]["outcome"] == "answer"


def test_after_a_question_it_goes_on_from_its_entry(tmp_path: Path) -> None:
    answered, following = voice_text_replies(["what should i eat", "next section please"],
                                             tmp_path)
    at = TITLES.index(answered["match"]["title"])
    assert following["match"]["title"] == TITLES[at + 1], following


def test_before_any_topic_and_at_the_ends_it_says_how_to_go_on(tmp_path: Path) -> None:
    got = voice_text_replies(["next topic"], tmp_path)
    assert got[0]["say"] == phrases.NO_TOPIC_READ
    got = voice_text_replies(["list topics", "1", "previous topic"], tmp_path)
    assert got[-1]["say"] == phrases.FIRST_TOPIC
    got = voice_text_replies(["list topics", str(len(TITLES)), "next topic"], tmp_path)
    assert got[-1]["say"] == phrases.LAST_TOPIC


@pytest.mark.parametrize("said", ["what is the next step after diagnosis",
                                  "what topics are there", "play the next one",
                                  "next", "what happens next"])
def test_not_a_step(said: str) -> None:
    assert asks_to_step(said) is None


def test_no_typed_line_is_taken_for_a_step() -> None:
    """Of every typed line in tests/data (held out too, counted only)."""
    assert sum(asks_to_step(line) is not None for line in every_typed_line()) == 0


def test_help_names_it(tmp_path: Path) -> None:
    """A user who cannot see the screen learns the commands from "help"."""
    reply = voice_text_replies(["help"], tmp_path)[0]
    assert "next topic" in reply["say"], reply
