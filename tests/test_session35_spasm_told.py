"""A spasm told in everyday words (session 35, conversation/spasm_told.py):
"my legs lock up at night", "my muscles knot up", "my toes curl up" were
declined. Now said to possibly be spasms (no judgement of the symptom), then
what spasms are and what helps them offered, never read. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation.phrases import SPASM_TOLD
from voice.conversation.spasm_told import spasm_told

from .conftest import voice_text_replies


@pytest.mark.parametrize("said", ["my legs lock up at night", "my muscles knot up",
                                  "my toes curl up", "my hand goes into a claw",
                                  "my jaw clenches", "my back locks up when I bend",
                                  "my legs go stiff"])
def test_told(said: str) -> None:
    assert spasm_told(said), said


@pytest.mark.parametrize("said", ["my legs go", "my hand goes to the door", "the door locks up",
                                  "my car seized up", "my dog's legs lock up",
                                  "my husband has restless legs and his legs lock up",
                                  # The content's own words are the matcher's to weigh:
                                  # MeQSum's tuning half.
                                  "whenever I eat I start having slight stomach cramps"])
def test_not_told(said: str) -> None:
    assert not spasm_told(said), said


def test_said_then_what_spasms_are_offered(tmp_path: Path) -> None:
    lock, yes = voice_text_replies(["my legs lock up at night", "yes"], tmp_path)
    assert lock["outcome"] == "confirm" and lock["say"].startswith(SPASM_TOLD), lock
    assert lock["answer"] is None, lock
    assert yes["outcome"] == "answer", yes
    assert yes["match"]["title"] == "Recognizing Chronic Spasms and Neuromuscular Disorders"
