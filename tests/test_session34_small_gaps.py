"""Small gaps found by `voice ask` (session 34): a puppy's jerks were offered
Impact on Daily Life; "is there no more hope" was read the breakthroughs
FAQ in full; "how old is this information", "my speech is slurred
sometimes" and "my eyelids droop" were declined. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation.phrases import SEEN_NOW, WORRY, WORRY_OTHER
from voice.conversation.seen_now import sign_seen_now
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
    assert none_left["say"].startswith(WORRY), none_left
    # Of someone else: not "what will happen to you".
    assert for_son["say"].startswith(WORRY_OTHER), for_son
    for reply in (none_left, for_son):
        assert reply["outcome"] == "confirm" and "breakthroughs" in reply["say"], reply
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


@pytest.mark.parametrize("said", ["my speech is slurred sometimes", "his speech is getting slurred",
                                  "my husband's speech is slurred", "my eyelids droop",
                                  "her eyelids droop in the evening"])
def test_slurred_speech_and_drooping_eyelids_told(said: str) -> None:
    assert sign_seen_now(said), said


@pytest.mark.parametrize("said", ["is slurred speech a sign of ms", "why is my speech slurred",
                                  "my face is drooping"])
def test_asked_or_an_emergency_is_not(said: str) -> None:
    assert not sign_seen_now(said), said


def test_slurred_speech_gets_when_to_get_help(tmp_path: Path) -> None:
    (told,) = voice_text_replies(["my speech is slurred sometimes"], tmp_path)
    assert told["outcome"] == "confirm" and told["say"].startswith(SEEN_NOW), told


@pytest.mark.parametrize("said", ["what should we expect", "what should I expect",
                                  "what can I expect from ms",
                                  "my son was just diagnosed with als what should we expect"])
def test_what_to_expect_is_a_worry(said: str) -> None:
    found = worry_of(said)
    assert found is not None and found.kind == "outlook", said


@pytest.mark.parametrize("said", ["what should I expect from physio",
                                  "what should I expect at the appointment"])
def test_what_to_expect_of_a_thing_is_not(said: str) -> None:
    assert worry_of(said) is None, said


@pytest.mark.parametrize(("said", "other"), [
    ("how long has he got", True),
    ("my son was just diagnosed with als what should we expect", True),
    ("is it fatal for her", True), ("will it get worse", False), ("am I going to die", False),
    ("can I catch it from my wife", False)])
def test_whose_future(said: str, other: bool) -> None:
    found = worry_of(said)
    assert found is not None and found.of_other is other, (said, found)


def test_feelings_said_back_as_feelings(tmp_path: Path) -> None:
    alone, isolated = voice_text_replies(["I feel alone", "I feel isolated"], tmp_path)
    assert alone["say"].startswith("I'm sorry you're feeling alone."), alone
    assert isolated["say"].startswith("I'm sorry you're feeling isolated."), isolated


@pytest.mark.parametrize("said", ["I can't do anything anymore",
                                  "I can't do the things I used to do"])
def test_a_loss_told_is_met_kindly(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["outcome"] == "confirm" and reply["say"].startswith("I'm sorry"), reply
    assert "Coping Strategies" in reply["say"], reply
