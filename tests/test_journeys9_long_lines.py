"""Long typed lines (2026-12-02, `voice text`): a held-down key and a pasted
page of names or gibberish. The typo corrector built every string one edit
from each unknown word: a 3,000-letter "aaaa..." took 570 MB and 8.7 s,
100,000 letters were killed for want of memory (21 GB); 2,000 unknown words
kept it silent for 30 s. Both now get the usual reply. Each test failed
before the fix (docs/user-journeys.md, "Checked on 2026-12-02")."""

from __future__ import annotations

import random
import string
import tracemalloc

import pytest

from voice.content.loader import load_knowledge
from voice.conversation import Conversation
from voice.matching import spelling

from .conftest import CONTENT


@pytest.fixture(scope="module")
def talk() -> Conversation:
    conversation = Conversation(load_knowledge([CONTENT]))
    conversation.respond("is tehre a cure")  # the dictionaries read once, before measuring
    return conversation


def test_a_held_down_key_costs_no_memory(talk: Conversation) -> None:
    tracemalloc.start()
    try:
        reply = talk.respond("a" * 3000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert reply.outcome in ("no_match", "confirm") and reply.say
    # Before: 150,028 strings of ~3,000 letters (over 450 MB).
    assert peak < 50_000_000, f"{peak / 1e6:.0f} MB"
    assert talk.respond("is there a cure").outcome == "answer"


def test_the_longest_content_word_is_still_corrected(talk: Conversation) -> None:
    assert talk.speller.correction("electromyograpy") == "electromyography"


def test_a_pasted_page_of_unknown_words_is_not_spelling_corrected(
        talk: Conversation, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(2)
    page = " ".join("".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(4, 12)))
                    for _ in range(2000))
    built: list[str] = []
    real = spelling.edits1

    def counted(word: str) -> set[str]:
        built.append(word)
        return real(word)

    monkeypatch.setattr(spelling, "edits1", counted)
    reply = talk.respond(page)
    assert reply.say and reply.outcome == "no_match"
    assert built == []  # before: one set of ~1,000 strings per unknown word
    # A question with a slip is still corrected.
    assert talk.respond("wat are the erly sings of neuromuscler disordrs").outcome == "confirm"
    assert built
