"""Asked of a relative what one may ask of oneself (session 33,
conversation/on_behalf.py): "can my dad still exercise" and "can my mum go
swimming" were offered the hereditary FAQ first ("dad" and "mum" are words
of family), "should my mum see a neurologist" declined. Now matched as
"can I still exercise" is; heredity asked of a relative stays heredity.
Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation.on_behalf import asked_for

from .conftest import voice_text_replies

HEREDITARY = "Are neuromuscular disorders hereditary?"


@pytest.mark.parametrize("said, entry", [
    ("can my dad still exercise", "The Role of Exercise and Rehabilitation"),
    ("can my mum go swimming", "The Role of Exercise and Rehabilitation"),
    ("does my dad need a wheelchair", "Assistive Devices"),
])
def test_asked_as_ones_own(tmp_path: Path, said: str, entry: str) -> None:
    reply, = voice_text_replies([said], tmp_path)
    assert reply["match"]["title"] == entry, reply
    assert HEREDITARY not in reply["say"], reply


@pytest.mark.parametrize("said", ["will my children get it", "should my children be tested",
                                  "could my son inherit it", "can my kids catch it"])
def test_heredity_stays_heredity(tmp_path: Path, said: str) -> None:
    assert asked_for(said) is None, said


def test_heredity_answered(tmp_path: Path) -> None:
    reply, = voice_text_replies(["will my children get it"], tmp_path)
    assert reply["match"]["title"] == HEREDITARY and reply["outcome"] == "answer", reply


@pytest.mark.parametrize("said, own", [
    ("can my dad still exercise", "can i still exercise"),
    ("does my dad need a wheelchair", "do i need a wheelchair"),
    ("is my mum allowed to drive", "am i allowed to drive"),
])
def test_rewritten(said: str, own: str) -> None:
    assert asked_for(said) == own


@pytest.mark.parametrize("said", ["can my husband help me", "how can my family help me",
                                  "my husband has ms"])
def test_not_rewritten(said: str) -> None:
    assert asked_for(said) is None, said
