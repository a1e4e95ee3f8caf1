""""Go on" once too often, then "repeat": the answer again, not "That's all".

Found using `voice text`: after a long answer read in parts, "go on" past
the end got "That's all I have on that. What else would you like to know?"
(right), but then "repeat", "what did you say" and "repeat that slower"
each said "That's all I have on that" again: the answer's last part, which
the user wanted to hear again, was out of reach.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.loader import load_knowledge
from voice.conversation import Conversation, phrases

from .conftest import CONTENT, voice_text_replies


@pytest.mark.parametrize("again", ["repeat", "what did you say", "repeat that slower"])
def test_repeat_after_the_end_repeats_the_answer(again: str) -> None:
    talk = Conversation(load_knowledge([CONTENT]))
    talk.respond("how can caregivers cope")
    last = talk.respond("go on")
    assert last.outcome == "answer" and not last.more, last.say
    assert talk.respond("go on").say == phrases.NO_MORE
    assert talk.respond(again).say == last.say


def test_through_voice_text(tmp_path: Path) -> None:
    replies = voice_text_replies(["how can caregivers cope", "go on", "go on", "repeat"],
                                 tmp_path)
    assert replies[3]["say"] == replies[1]["say"], replies
