"""Trouble with the hands in everyday tasks (session 35,
conversation/hands.py): "I can't hold a cup", "I can't button my shirt",
"is there a gadget for opening jars" were declined. Now the user hears that
this is common and who can suggest aids, then Impact on Daily Life and
Physical Therapy are offered, never read. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation.hands import hands_task
from voice.conversation.phrases import HANDS

from .conftest import voice_text_replies


@pytest.mark.parametrize("said", [
    "I can't hold a cup", "what can help me hold a pen", "I can't button my shirt",
    "is there a gadget for opening jars", "my hand shakes when I write",
    "I cant open jars anymore", "my husband struggles to use a knife and fork",
    "are there aids for weak hands", "I can not do up my buttons",
    "my hands won't work in the morning",
])
def test_hands_tasks(said: str) -> None:
    assert hands_task(said), said


@pytest.mark.parametrize("said", [
    "i can't hold a conversation", "how do I open a bank account", "can I hold my breath",
    # Food not kept down (Question Doctors' tuning half), not the hands.
    "for 3 months now i have had severe nausea. cant hold anything down?",
    "I cant eat anything", "can you help me write a letter", "how do I use my phone",
])
def test_not_hands_tasks(said: str) -> None:
    assert not hands_task(said), said


def test_said_then_everyday_tasks_offered(tmp_path: Path) -> None:
    cup, jar, yes = voice_text_replies(
        ["I can't hold a cup", "is there a gadget for opening jars", "the first one"], tmp_path)
    for reply in (cup, jar):
        assert reply["outcome"] == "confirm" and reply["say"].startswith(HANDS), reply
        assert "Impact on Daily Life" in reply["say"], reply
        assert reply["answer"] is None, reply
    assert yes["outcome"] == "answer" and yes["match"]["title"] == "Impact on Daily Life", yes


def test_the_matchers_own_answer_stays(tmp_path: Path) -> None:
    # The early-signs FAQ's own phrasing: its answer, as before.
    (dropping,) = voice_text_replies(["i keep dropping things"], tmp_path)
    assert dropping["match"]["title"] == "What are the early signs of neuromuscular disorders?"
    assert not dropping["say"].startswith(HANDS), dropping
