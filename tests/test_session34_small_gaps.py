"""Small gaps found by `voice ask` (session 34): a puppy's jerks were offered
Impact on Daily Life; "is there no more hope" was read the breakthroughs
FAQ in full; "how old is this information" was declined. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

from voice.conversation.phrases import WORRY
from voice.conversation.worries import worry_of

from .conftest import voice_text_replies


def test_a_pets_jerks_are_not_ours(tmp_path: Path) -> None:
    puppy, kitten = voice_text_replies(["my puppy jerks in his sleep",
                                        "my kitten has spasms"], tmp_path)
    assert puppy["outcome"] == "no_match", puppy
    assert kitten["outcome"] == "no_match", kitten


def test_no_more_hope_is_met_kindly(tmp_path: Path) -> None:
    none_left, for_son, asked = voice_text_replies(
        ["is there no more hope", "is there still hope for my son", "is there any hope"],
        tmp_path)
    for reply in (none_left, for_son):
        assert reply["outcome"] == "confirm" and reply["say"].startswith(WORRY), reply
        assert "breakthroughs" in reply["say"], reply
    # The content's own line is read, as before.
    assert asked["outcome"] == "answer", asked


def test_plain_hope_is_not_a_worry() -> None:
    assert worry_of("is there hope") is None
    assert worry_of("is there any hope for a cure") is None
    assert worry_of("is there no hope at all") is not None


def test_how_old_the_information_is(tmp_path: Path) -> None:
    old, written, queen = voice_text_replies(
        ["how old is this information", "when was this article written",
         "how old is the queen"], tmp_path)
    for reply in (old, written):
        assert reply["command"] == "source" and "newest research" in reply["say"], reply
    assert queen["outcome"] == "no_match", queen
