"""What a condition causes, asked (session 33, matching/effect_asked.py):
"can spasms cause damage" was read Causes and Risk Factors in full, which
gives the causes OF the conditions, not what they cause. Offered now; the
causes themselves are still read. The real matcher and `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.config import Config
from voice.content.loader import load_knowledge
from voice.matching.matcher import Matcher

from .conftest import REPO, voice_text_replies

CAUSES = "Causes and Risk Factors"


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    cfg = Config()
    return Matcher(load_knowledge([REPO / "content"]), cfg.answer_threshold,
                   cfg.confirm_threshold)


@pytest.mark.parametrize("said", ["can spasms cause damage", "do spasms cause damage",
                                  "can spasms damage my muscles"])
def test_what_it_causes_is_offered(matcher: Matcher, said: str) -> None:
    found = matcher.match(said)
    assert found.outcome == "confirm" and found.candidates[0].entry.title == CAUSES, found


@pytest.mark.parametrize("said", ["what causes spasms", "what causes neuromuscular disorders",
                                  "can nerve damage cause spasms"])
def test_the_causes_are_still_read(matcher: Matcher, said: str) -> None:
    found = matcher.match(said)
    assert found.outcome == "answer" and found.entry is not None, found
    assert found.entry.title == CAUSES, found


def test_in_a_conversation(tmp_path: Path) -> None:
    reply = voice_text_replies(["can spasms cause damage"], tmp_path)[0]
    assert reply["outcome"] == "confirm" and reply["say"].startswith("Did you mean"), reply
