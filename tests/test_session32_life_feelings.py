"""Despair and hardship said of life (session 32, voice/conversation/feelings.py):
"is life worth living" was declined as off the subject ("I don't have an
answer for that"), "I hate my life" offered Impact on Daily Life with no
kind word, and "life is hard" offered two entries as if it were a question.
Now the first two get the distress reply (someone to tell, the emergency
number if they might harm themselves) and "life is hard" a kind word, each
with the coping or daily-life entry offered, never read. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation import phrases
from voice.conversation.feelings import feeling_of

from .conftest import voice_text_replies


@pytest.mark.parametrize("said", ["is life worth living", "I hate my life",
                                  "my life is not worth living", "I can't stand being alive"])
def test_despair_gets_the_distress_reply(tmp_path: Path, said: str) -> None:
    reply = voice_text_replies([said], tmp_path)[0]
    assert reply["say"].startswith(phrases.DISTRESS), reply
    assert reply["outcome"] != "answer", reply


@pytest.mark.parametrize("said", ["life is hard", "life is so hard at the moment",
                                  "everything is a struggle"])
def test_life_is_hard_is_met_kindly(tmp_path: Path, said: str) -> None:
    reply = voice_text_replies([said], tmp_path)[0]
    assert reply["say"].startswith(phrases.sorry_you_are("struggling")), reply
    assert reply["outcome"] != "answer", reply


# "life is hard with ms, what can help" was here: declined as a question
# then; since session 33 a struggle told with help asked is met kindly and
# the coping entry offered (tests/test_session33_life_is_hard.py).
@pytest.mark.parametrize("said", ["is physio worth it", "is it worth it",
                                  "what is daily life like"])
def test_questions_are_not_feelings(said: str) -> None:
    assert feeling_of(said) is None
