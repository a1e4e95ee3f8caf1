"""Session 10: the same "no answer" twice running is said short.

"who won the football", then "play some music": the same 50-word decline
twice, examples and all (about 20 s each at the usual rate), to a tired
user who had just heard it. The second is now one short line with the way
forward; the third still offers the topic list, as before.
"""

from __future__ import annotations

from pathlib import Path

from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, phrases
from voice.matching.matcher import Matcher
from voice.speech_in.base import Transcript

from .conftest import voice_text_replies


def test_a_second_decline_in_a_row_is_short(kb: KnowledgeBase, matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    first = talk.respond("who won the football")
    assert first.outcome == "no_match" and "For example, you can ask" in first.say
    second = talk.respond("play some music")
    assert second.outcome == "no_match" and second.say == phrases.NO_ANSWER_AGAIN
    assert len(second.say.split()) < len(first.say.split()) / 2
    third = talk.respond("what is the capital of france")
    assert phrases.TOPICS_INTRO in third.say  # the topic list, as before


def test_after_anything_else_the_decline_is_said_in_full(kb: KnowledgeBase,
                                                        matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    talk.respond("who won the football")
    talk.respond("help")
    again = talk.respond("play some music")
    assert "For example, you can ask" in again.say
    # Nothing heard first ("Sorry, I didn't catch that"): not "either".
    talk = Conversation(kb, matcher)
    talk.respond("")
    assert "For example, you can ask" in talk.respond("who won the football").say


def test_heard_unclearly_twice_is_said_short_too(kb: KnowledgeBase, matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    first = talk.respond("blorf the wuzzle", doubtful=True, heard=True)
    assert first.say.startswith("Sorry, I didn't catch that clearly."), first.say
    second = talk.respond("wuzzle the blorf", doubtful=True, heard=True)
    assert second.say == phrases.UNCLEAR_AGAIN


def test_the_journey_through_voice_text(tmp_path: Path) -> None:
    first, second, repeat = voice_text_replies(
        ["who won the football", "play some music", "repeat"], tmp_path)
    assert "For example" in first["say"] and second["say"] == phrases.NO_ANSWER_AGAIN
    assert repeat["say"] == phrases.NO_ANSWER_AGAIN


def test_spoken_the_same(kb: KnowledgeBase, matcher: Matcher) -> None:
    """What a recognizer heard goes the same way (`voice listen` calls
    Assistant.handle_heard, which calls respond with heard=True)."""
    from io import StringIO

    from voice.app import Assistant

    assistant = Assistant(Conversation(kb, matcher), None, out=StringIO(), json_lines=True)
    assistant.handle_heard(Transcript("who won the football last night", "whisper"))
    got = assistant.handle_heard(Transcript("play some music", "whisper"))
    assert got["say"] == phrases.NO_ANSWER_AGAIN, got
