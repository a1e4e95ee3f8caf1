"""Misheard words read as the content words they sound like
(voice/matching/sound_alike.py), through the app's path for speech.

The transcripts are what Whisper tiny.en (the default engine, prompted with
the content) wrote for espeak-ng clips of tests/data/tuning.tsv, with its
word probabilities, from scripts/tune_sound_alike.py."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from voice.app import Assistant
from voice.content.loader import load_knowledge
from voice.content.model import KnowledgeBase
from voice.conversation import Conversation
from voice.matching import sound_alike
from voice.matching.matcher import Matcher
from voice.matching.sound_alike import SoundAlike, key
from voice.speech_in.base import Transcript

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge([REPO / "content"])


def whisper(*words: tuple[str, float]) -> Transcript:
    return Transcript(" ".join(w for w, _ in words), "whisper", 0.3, words=tuple(words))


def reply(kb: KnowledgeBase, heard: Transcript) -> dict[str, Any]:
    return Assistant(Conversation(kb), None, out=io.StringIO(),
                     json_lines=True).handle_heard(heard)


# "what is myasthenia gravis" (tuning.tsv), heard with "gravis" as "grab is".
GRAVIS = whisper(("what", 0.95), ("is", 0.97), ("my", 0.95), ("senior", 0.09),
                 ("grab", 0.05), ("is", 0.66))
# "do botulinum toxin injections help": "toxin injection" as "toxic in jection".
BOTOX = whisper(("duba", 0.17), ("cholydum", 0.33), ("toxic", 0.50), ("in", 0.22),
                ("jection", 0.11))
# "does stretching help": the one content word heard right but at 0.05, below
# the sure-word threshold, so it was left out of the question.
STRETCHING = whisper(("not", 0.51), ("stretching", 0.05), ("help", 0.74))


@pytest.mark.parametrize("heard, entry", [
    (GRAVIS, "recognizing-chronic-spasms-and-neuromuscular-disorders"),
    (BOTOX, "medication"),
    (STRETCHING, "physical-therapy"),
])
def test_a_misheard_question_is_offered_the_entry_it_sounds_like(
        kb: KnowledgeBase, heard: Transcript, entry: str) -> None:
    got = reply(kb, heard)
    # Offered, never answered outright: the repair is a guess.
    assert got["outcome"] == "confirm", got
    assert got["match"]["id"] == entry, got


def test_without_the_repair_those_questions_are_declined(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sound_alike, "ENABLED", False)
    for heard in (GRAVIS, BOTOX, STRETCHING):
        assert reply(kb, heard)["outcome"] == "no_match"


# Out-of-scope requests of tuning.tsv and foreign-tuning.tsv whose misheard
# words sound like content words, and what looser settings offered for them.
OUT_OF_SCOPE = [
    # "brighten lights": "right alliance" sounds like resilience (needs OFFER_SCORE).
    whisper(("right", 0.13), ("alliance", 0.09)),
    # "who wrote hamlet": an unsure "family" is everyday speech (needs RESTORE_RARITY).
    whisper(("road", 0.07), ("family", 0.16)),
    # "book a taxi": "tech seat" sounds like toxin.
    whisper(("welcome", 0.09), ("to", 0.60), ("tech", 0.06), ("seat", 0.07)),
    # "turn this room's light off": "the rooms" sounds like forums.
    whisper(("turn", 0.79), ("the", 0.47), ("rooms", 0.13), ("like", 0.53), ("that", 0.26)),
]


@pytest.mark.parametrize("heard", OUT_OF_SCOPE)
def test_a_near_sounding_out_of_scope_request_is_still_declined(
        kb: KnowledgeBase, heard: Transcript) -> None:
    assert reply(kb, heard)["outcome"] == "no_match"


def test_the_guards_are_what_declines_them(
        kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> None:
    # Proves the test above can fail: looser settings offer an entry for them.
    monkeypatch.setattr(sound_alike, "OFFER_SCORE", 0.0)
    monkeypatch.setattr(sound_alike, "RESTORE_RARITY", 3.0)
    offered = [reply(kb, heard)["outcome"] for heard in OUT_OF_SCOPE]
    assert offered.count("confirm") >= 3, offered


def test_a_surely_heard_word_is_what_was_said(kb: KnowledgeBase) -> None:
    matcher = Matcher(kb)
    words = [("toxic", 0.95), ("in", 0.9), ("jection", 0.11)]
    fixes = matcher.sound_alike.repairs(words, lambda w: not matcher.is_content_word(w))
    # "toxic" heard surely stays; "in jection" (unsure) is read as injection.
    assert [(f.start, f.end, f.word) for f in fixes] == [(1, 3, "injection")]


def test_sounds_not_spellings_are_compared() -> None:
    assert key("cramp") == key("crump")  # vowels folded
    assert key("physio") == key("fizzy") != key("busy")  # spelled apart, said alike
    words = SoundAlike(["spasticity", "gabapentin", "acupuncture"])
    for heard, word in ((["spastic", "city"], "spasticity"),
                        (["gab", "a", "pentin"], "gabapentin"),
                        (["a", "cue", "puncture"], "acupuncture")):
        hit = words.closest(heard)
        assert hit is not None and hit[0] == word, (heard, hit)
    assert words.closest(["weather"]) is None


def test_typed_text_is_not_repaired(kb: KnowledgeBase) -> None:
    # Only heard speech is read by sound; typed text is taken as written.
    out = Assistant(Conversation(kb), None, out=io.StringIO(), json_lines=True)
    assert out.handle_text("what is my senior grab is")["outcome"] == "no_match"
