"""A relative who helps, not who has it (session 32, teller._HELPER): "how
can my family help me" and "what can my kids do to help" were read the
hereditary FAQ in full, the worst failure: "family" and "kids" are words of
heredity in the content. A relative helping is a carer. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import voice_text_replies

CARING = "Coping Strategies for Individuals and Caregivers"
HEREDITARY = "Are neuromuscular disorders hereditary?"


@pytest.mark.parametrize("said", ["how can my family help me", "how can my kids help me",
                                  "what can my family do to help", "how can my children help",
                                  "how can my husband help me"])
def test_how_a_relative_can_help_is_caring(tmp_path: Path, said: str) -> None:
    reply = voice_text_replies([said], tmp_path)[0]
    assert reply["match"] is not None and reply["match"]["title"] == CARING, reply
    assert reply["outcome"] == "answer", reply


@pytest.mark.parametrize("said", ["can my children get it", "will my family get it",
                                  "should my children be tested"])
def test_whether_a_relative_gets_it_is_still_heredity(tmp_path: Path, said: str) -> None:
    reply = voice_text_replies([said], tmp_path)[0]
    assert reply["match"]["title"] == HEREDITARY and reply["outcome"] == "answer", reply
