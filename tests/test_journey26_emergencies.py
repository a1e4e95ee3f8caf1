"""Session 25 (branch journey26): "he's" and "she's" said by a caregiver.

clean() left "he's" and "she's" as written, because the emergency patterns
took "'s" as written ("he's been seizing" is "he has been seizing"). So a
caregiver typing "she's fallen", "he's dying" or "he's not moving" was
declined, though "she has fallen", "he is dying" and "he is not moving"
were emergencies. clean() now expands them by the word after ("he has"
before "been", "fallen", "gone" ...; "he is" before any other:
normalize._HE_HAS), and the emergency patterns take both forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation import phrases
from voice.matching.emergency import is_emergency
from voice.matching.normalize import clean

from .conftest import voice_text_replies

#: Each was declined (typed in `voice text`) while its "has"/"is" form was an emergency.
MISSED = ["she's fallen", "he's dying", "he's not moving", "hes been seizing for five minutes",
          "shes turning blue"]
#: Emergencies before and after (the "'s" forms the patterns took as written).
KEPT = ["he's been seizing for five minutes", "she's not waking up", "she's gone limp",
        "he's breathing funny", "he's having convulsions", "she's stuck on the floor"]


@pytest.mark.parametrize("said", MISSED + KEPT)
def test_said_with_he_s_it_is_an_emergency(said: str) -> None:
    assert is_emergency(said)


@pytest.mark.parametrize("written", ["she has fallen", "he is dying", "he is not moving",
                                     "he has been seizing for five minutes", "she is turning blue",
                                     "she is not waking up", "she has gone limp"])
def test_written_out_it_is_one_too(written: str) -> None:
    assert is_emergency(written)


@pytest.mark.parametrize("said, cleaned", [
    ("he's been seizing", "he has been seizing"), ("she's fallen", "she has fallen"),
    ("he's dying", "he is dying"), ("she's tired", "she is tired"),
    ("he's got ms", "he has got ms"), ("what's he's got", "what is he has got"),
])
def test_clean_expands_them_by_the_word_after(said: str, cleaned: str) -> None:
    assert clean(said) == cleaned


@pytest.mark.parametrize("said", ["he's been seizing up all morning", "she's tired all the time",
                                  "he's got ms, can he swim", "she's had a seizure before"])
def test_not_an_emergency(said: str) -> None:
    assert not is_emergency(said)


def test_in_voice_text(tmp_path: Path) -> None:
    replies = voice_text_replies(MISSED, tmp_path)
    assert [r["outcome"] for r in replies] == ["emergency"] * len(MISSED)
    assert all(r["say"] == phrases.EMERGENCY for r in replies)
