"""What helps a spasm said in everyday words, at any time of day (session
34, at_night.asks_what_helps_a_spasm): "how can I stop my legs jumping",
"what helps when my legs kick" and "my legs keep jumping what can I do"
were declined (the night's rule took them only at night). When the matcher
finds nothing, the entries on what helps spasms are offered, never read;
a pet's twitches are not taken. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation.at_night import asks_what_helps_a_spasm
from voice.conversation.phrases import SPASM_HELPS

from .conftest import voice_text_replies


@pytest.mark.parametrize("said", ["how can I stop my legs jumping", "what helps when my legs kick",
                                  "my legs keep jumping what can I do"])
def test_what_helps_is_offered(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["outcome"] == "confirm" and reply["say"].startswith(SPASM_HELPS), reply
    assert reply["answer"] is None, reply


@pytest.mark.parametrize("said", ["what helps my dog twitching", "my legs keep jumping",
                                  "how can I stop my restless legs"])
def test_not_taken(said: str) -> None:
    assert not asks_what_helps_a_spasm(said), said


def test_what_the_matcher_answers_is_read_as_before(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["what helps twitching"], tmp_path)
    assert reply["outcome"] == "answer" and not reply["say"].startswith(SPASM_HELPS), reply
