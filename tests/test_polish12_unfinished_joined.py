"""Session 12: a half sentence joined to the rest said next.

"what is the" gets "I only heard 'what is the'. What would you like to know
about?" (voice/conversation/unfinished.py). A tired user then says only the
rest ("spasticity", "eat well", "the medicines"): it was matched alone, the
words already said forgotten. Now the rest is joined to the half sentence
(unfinished.finished) when it is said right after that prompt; a whole new
question is taken as it is, and commands stay commands. Typed, through
`voice text`, and said aloud (espeak-ng and flite, heard by the real Whisper).
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from voice.app import Assistant
from voice.audio.clip import read_wav
from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, phrases
from voice.conversation.unfinished import finished
from voice.matching.matcher import Matcher
from voice.speech_in.whisper import WhisperRecognizer

from .conftest import REPO, voice_text_replies

sys.path.insert(0, str(REPO / "scripts"))
from benchmark_audio import pad  # type: ignore[import-not-found, unused-ignore]
from make_spoken_questions import (  # type: ignore[import-not-found, unused-ignore]
    Variant,
    speak,
)

FINISH = "What would you like to know about?"
DIET = "dietary-adjustments"
CURE = "is-there-a-cure-for-neuromuscular-disorders"


@pytest.mark.parametrize(("part", "rest", "joined"), [
    ("what is the", "spasticity", "what is the spasticity"),
    ("what is the", "the medicines", "what is the medicines"),
    ("what about the", "um medicines", "what about the um medicines"),
    ("how do I", "eat well", "how do I eat well"),
    ("how can", "I help my wife", "how can I help my wife"),
    ("tell me about", "Coping.", "tell me about Coping"),
    # A question of its own, or nothing new: not joined.
    ("what is the", "what is spasticity", None),
    ("what is the", "is there a cure", None),
    ("how do I", "I have cramps", None),
    ("what is the", "the", None),
])
def test_the_rest_is_joined_to_the_half_sentence(part: str, rest: str,
                                                 joined: str | None) -> None:
    assert finished(part, rest) == joined


def test_the_rest_said_next_is_answered_with_the_half_sentence(
        kb: KnowledgeBase, matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    assert talk.respond("what is the").say == f"I only heard 'what is the'. {FINISH}"
    rest = talk.respond("cure for MS")
    # The line matched is the whole question the user meant.
    assert rest.input == "what is the cure for MS"
    assert rest.outcome in ("answer", "confirm")
    assert rest.match is not None and rest.match.id == CURE
    # Only right after the prompt: a question of its own is taken as it is,
    # and what follows it is not joined to the half sentence any more.
    talk.respond("what is the")
    talk.respond("is there a cure")
    assert talk.respond("cure for MS").input == "cure for MS"


def test_heard_nothing_keeps_the_half(kb: KnowledgeBase, matcher: Matcher) -> None:
    # flite's "cope" was heard by Whisper too unsurely to keep a word: the
    # user says it again, and it is still joined.
    talk = Conversation(kb, matcher)
    talk.respond("how do I", heard=True)
    assert talk.respond("", heard=True).outcome == "no_match"
    rest = talk.respond("cope", heard=True)
    assert rest.input == "how do I cope"
    assert rest.match is not None
    assert rest.match.id == "coping-strategies-for-individuals-and-caregivers"


def test_commands_stay_commands_and_what_keeps_the_half(
        kb: KnowledgeBase, matcher: Matcher) -> None:
    talk = Conversation(kb, matcher)
    talk.respond("what is the")
    again = talk.respond("what?")
    assert again.command == "repeat" and again.say == f"I only heard 'what is the'. {FINISH}"
    rest = talk.respond("cure for MS")
    assert rest.input == "what is the cure for MS"
    talk.respond("how do I")
    stop = talk.respond("stop")
    assert stop.command == "stop" and stop.say == phrases.STOPPED
    helped = Conversation(kb, matcher)
    helped.respond("what is the")
    assert helped.respond("help").command == "help"


def test_a_half_sentence_said_to_an_offer_is_asked_to_be_finished(
        kb: KnowledgeBase, matcher: Matcher) -> None:
    # Found using `voice text`: "how do I" said to "Did you mean ...?" was
    # met with "Sorry, I didn't catch that. Did you mean ...?" again.
    talk = Conversation(kb, matcher)
    assert talk.respond("spasticity").outcome == "confirm"
    half = talk.respond("how do I")
    assert half.say == f"I only heard 'how do I'. {FINISH}"
    rest = talk.respond("eat well")
    # "how do I eat well" finds nothing; "eat well" alone is the diet entry.
    assert rest.input == "eat well"
    assert rest.match is not None and rest.match.id == DIET
    # A two-word line may be a "yes" misheard: the offer is asked again.
    offered = Conversation(kb, matcher)
    offered.respond("spasticity")
    assert offered.respond("is the").say.startswith("Sorry, I didn't catch that. Did you mean")


def test_through_voice_text(tmp_path: Path) -> None:
    half, rest, half2, what, rest2 = voice_text_replies(
        ["what is the", "cure for MS", "how do I", "what?", "eat well"], tmp_path)
    assert half["say"] == f"I only heard 'what is the'. {FINISH}"
    assert rest["outcome"] in ("answer", "confirm") and rest["match"]["id"] == CURE
    assert rest["input"] == "what is the cure for MS"
    assert what["say"] == half2["say"] == f"I only heard 'how do I'. {FINISH}"
    assert rest2["outcome"] == "answer" and rest2["match"]["id"] == DIET


@pytest.mark.parametrize(("voice", "rest", "entry"), [
    (Variant("en-us"), "stretch my legs", "physical-therapy"),
    (Variant("slt", synth="flite"), "exercise safely", "the-role-of-exercise-and-rehabilitation"),
])
def test_said_aloud_the_rest_is_joined(kb: KnowledgeBase, whisper_tiny: WhisperRecognizer,
                                       voice: Variant, rest: str, entry: str) -> None:
    """espeak-ng and flite heard by the real Whisper tiny.en, through the
    spoken path (Assistant.handle_heard, as `voice listen`)."""
    assistant = Assistant(Conversation(kb), None, out=io.StringIO(), json_lines=True)
    said = [whisper_tiny.transcribe(pad(read_wav(speak(t, voice))))
            for t in ("how do I", rest)]
    half = assistant.handle_heard(said[0])
    assert half["say"].startswith("I only heard 'how do i'") and half["say"].endswith(FINISH)
    got = assistant.handle_heard(said[1])
    assert got["input"].lower() == f"how do i {rest}", got
    assert got["outcome"] in ("answer", "confirm") and got["match"]["id"] == entry, got
