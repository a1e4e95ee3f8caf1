"""Session 25 (branch journey26): a declined question's examples.

"For example, you can ask: Dietary Adjustments, or Conclusion" (after "how do
I use an inhaler properly", tests/data/health-tuning.tsv): a section's
title is no question, and "Conclusion" or "Introduction" tells nobody what
to say. Over the tuning halves and dev.tsv (4,440 declined lines with
examples), 1,260 examples were such titles (Conclusion 68 times,
Introduction 32). Each example is now a question a user could ask as it
stands and that this content answers with the entry it stands for: an FAQ's
title, or the section's first "Also asked" question the matcher answers
with it; the article's frame (Conclusion, Introduction) is never one
(Conversation._askable)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import Conversation
from voice.matching.matcher import Matcher

from .conftest import voice_text_replies

DECLINED = ["how do i use an inhaler properly", "who won the match last night",
            "should i get the flu jab this year", "how do i stop snoring"]


def _examples(say: str) -> list[str]:
    found = re.search(r"you can ask: (.*)\. Or say", say)
    assert found, say
    return re.split(r", or |, ", found.group(1))


@pytest.mark.parametrize("said", DECLINED)
def test_each_example_is_a_question_answered_as_it_stands(kb: KnowledgeBase, matcher: Matcher,
                                                          said: str) -> None:
    reply = Conversation(kb, matcher).respond(said)
    assert reply.outcome == "no_match"
    for example in _examples(reply.say):
        assert example.split()[0].lower() in {"what", "how", "why", "can", "is", "are", "does"}
        asked = Conversation(kb, matcher).respond(example)
        assert asked.outcome == "answer", (example, asked.say)


def test_in_voice_text(tmp_path: Path) -> None:
    replies = voice_text_replies(["how do i use an inhaler properly"], tmp_path)
    examples = _examples(replies[0]["say"])
    assert "Conclusion" not in examples and "Dietary Adjustments" not in examples, examples
    assert "What should I eat" in examples, examples
