"""Pronunciations and corpus: pure code, with the real bundled CMU dictionary."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.loader import load_knowledge
from voice.speech_in.corpus import (
    COMMAND_PHRASES,
    OUT_OF_SCOPE_SENTENCES,
    build_corpus,
    read_labelled,
)
from voice.speech_in.lexicon import EXTRA, PHONES, Lexicon, letter_to_sound, words_of

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cmudict() -> Path:
    from pocketsphinx import get_model_path

    return Path(get_model_path()) / "en-us" / "cmudict-en-us.dict"


def test_words_of_drops_punctuation_and_digits() -> None:
    assert words_of("What's MS? Is 30% genetic—really!") == [
        "what's", "ms", "is", "genetic", "really",
    ]


@pytest.mark.parametrize("word", ["zzyzx", "qwrtp", "x", "naïve", "o'neill", "aaaa"])
def test_letter_to_sound_always_gives_known_phones(word: str) -> None:
    phones = letter_to_sound(word).split()
    assert phones
    assert set(phones) <= PHONES


def test_hand_written_words_use_only_model_phones() -> None:
    for word, readings in EXTRA.items():
        for r in readings:
            assert set(r.split()) <= PHONES, word


def test_lexicon_guesses(cmudict: Path) -> None:
    words = ["spasms", "neuromuscular", "hydrotherapies", "neurostimulation", "zorbulate"]
    lex = Lexicon.for_words(words, cmudict)
    assert lex.pronounce("spasms")[0].startswith("S P AE Z")  # straight from CMU
    assert lex.pronounce("neuromuscular") == list(EXTRA["neuromuscular"])
    # plural of a dictionary word: base phones + Z
    assert lex.pronounce("hydrotherapies") == ["HH AY D R OW TH EH R AH P IY Z"]
    # compound of two dictionary words
    assert lex.pronounce("neurostimulation")[0].startswith("N UH R OW S T IH M")
    assert lex.pronounce("zorbulate")  # rule, never empty
    assert set(lex.guessed) == {"hydrotherapies", "neurostimulation", "zorbulate"}
    lines = lex.dictionary_lines(words)
    heads = {ln.split()[0].split("(")[0] for ln in lines}
    assert heads == set(words)
    for ln in lines:
        assert set(ln.split()[1:]) <= PHONES


def test_corpus_covers_content_commands_and_out_of_scope() -> None:
    kb = load_knowledge([REPO / "content"])
    tuning = [q.text for q in read_labelled(REPO / "tests" / "data" / "tuning.tsv")]
    corpus = build_corpus(kb, tuning)
    lines = set(corpus.lines())
    vocab = set(corpus.vocabulary())
    assert " ".join(words_of(kb.entries[0].title)) in lines
    assert "say that again" in lines and "what is the weather like today" in lines
    assert {"neuromodulation", "myasthenia", "botulinum", "weather", "goodbye"} <= vocab
    assert len(COMMAND_PHRASES) > 20 and len(OUT_OF_SCOPE_SENTENCES) > 40
    # Stable order: the cache key depends on it.
    assert corpus.lines() == build_corpus(kb, tuning).lines()


def test_read_labelled_handles_out_of_scope_and_comments(tmp_path: Path) -> None:
    f = tmp_path / "q.tsv"
    f.write_text("# comment\n\nwhat is ms\tintro\nplay music\t-\n", encoding="utf-8")
    qs = read_labelled(f)
    assert [(q.text, q.expected) for q in qs] == [("what is ms", "intro"), ("play music", None)]
