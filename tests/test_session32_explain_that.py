""""Can you explain that?" after an answer (session 32): declined as off the
subject ("I don't have an answer for that"). It can only read the content as
written, so it says so with the way forward, as "what does that mean" did.
Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation import phrases

from .conftest import voice_text_replies


@pytest.mark.parametrize("said", ["can you explain that", "could you explain that please",
                                  "explain that to me"])
def test_asked_to_explain_says_what_it_can_do(tmp_path: Path, said: str) -> None:
    answer, asked = voice_text_replies(["what should i eat", said], tmp_path)
    assert answer["outcome"] == "answer"
    assert asked["command"] == "simpler" and asked["say"] == phrases.SIMPLER, asked


def test_explaining_a_thing_is_still_a_question(tmp_path: Path) -> None:
    reply = voice_text_replies(["can you explain what spasticity is"], tmp_path)[0]
    assert reply["command"] is None, reply
