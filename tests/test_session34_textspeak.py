"""Text-speak and spellings the dictionary holds as words of their own
(session 34, spelling.TEXTSPEAK): "wat helps spazms", "cramps at nite",
"support grp", "docter" were declined, never corrected ("wat", "nite",
"docter" are words of CMU Sphinx's vocabulary). Read as the words they
stand for, and like every typed correction only offered. Numbers stay
numbers. The real matcher and `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.config import Config
from voice.content.loader import load_knowledge
from voice.matching.matcher import Matcher
from voice.matching.spelling import Speller, typed_match

from .conftest import REPO, voice_text_replies


@pytest.fixture(scope="module")
def matched() -> tuple[Matcher, Speller]:
    cfg = Config()
    matcher = Matcher(load_knowledge([REPO / "content"]), cfg.answer_threshold,
                      cfg.confirm_threshold)
    return matcher, Speller(matcher)


@pytest.mark.parametrize(("typed", "meant", "title"), [
    ("wat helps spazms", "what helps spasms", "Can lifestyle changes help manage chronic spasms?"),
    ("cramps at nite", "cramps at night", None),
    ("support grp", "support group", "Community Support and Awareness"),
    ("wat r the early signs", "what are the early signs",
     "What are the early signs of neuromuscular disorders?"),
    ("what is good 4 cramps", "what is good for cramps", None),
])
def test_read_as_meant_and_offered(matched: tuple[Matcher, Speller], typed: str, meant: str,
                                   title: str | None) -> None:
    matcher, speller = matched
    assert speller.correct(typed) == meant
    found = typed_match(matcher, speller, typed)
    assert found.outcome == "confirm", (typed, found)
    if title is not None:
        assert found.candidates[0].entry.title == title, (typed, found)


@pytest.mark.parametrize("typed", ["stage 4 cancer", "i need 2 tablets", "take 2 a day"])
def test_numbers_stay_numbers(matched: tuple[Matcher, Speller], typed: str) -> None:
    assert matched[1].correct(typed) is None, typed


def test_in_a_conversation(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["wat helps spazms"], tmp_path)
    assert reply["outcome"] == "confirm" and reply["say"].startswith("Did you mean"), reply
