"""Pronunciations and corpus: pure code, with the real bundled CMU dictionary."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.loader import load_knowledge
from voice.speech_in.pocketsphinx.corpus import (
    COMMAND_PHRASES,
    EVERYDAY_FILE,
    EVERYDAY_WEIGHT,
    OUT_OF_SCOPE_SENTENCES,
    build_corpus,
    read_labelled,
    read_sentences,
)
from voice.speech_in.pocketsphinx.lexicon import EXTRA, PHONES, Lexicon, letter_to_sound, words_of

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
    assert len(COMMAND_PHRASES) > 20 and len(OUT_OF_SCOPE_SENTENCES) > 300
    # Stable order: the cache key depends on it.
    assert corpus.lines() == build_corpus(kb, tuning).lines()
    # Extra questions are optional: the assistant itself passes none.
    plain = build_corpus(kb)
    assert set(plain.lines()) <= lines and "what is the weather like today" in plain.lines()
    assert plain.lines().count("is it going to rain") == EVERYDAY_WEIGHT


def test_corpus_has_the_words_of_an_emergency() -> None:
    from voice.matching.emergency import is_emergency
    from voice.speech_in.pocketsphinx.corpus import EMERGENCY_PHRASES

    # Each phrase is one the assistant treats as an emergency, so teaching
    # the recognizer it can only ever lead to the emergency advice.
    assert all(is_emergency(p) for p in EMERGENCY_PHRASES)
    corpus = build_corpus(load_knowledge([REPO / "content"]))
    assert {"breathe", "chest", "ambulance", "choking", "emergency", "unconscious"} <= set(
        corpus.vocabulary())
    assert "i can't breathe" in corpus.lines()


def test_everyday_sentences_load_from_the_package_file(tmp_path: Path) -> None:
    import voice.speech_in.pocketsphinx

    # Inside the package (declared as package data), not in the source tree only.
    assert EVERYDAY_FILE.parent == Path(voice.speech_in.pocketsphinx.__file__).parent
    assert read_sentences(EVERYDAY_FILE) == OUT_OF_SCOPE_SENTENCES
    assert "is it going to rain" in OUT_OF_SCOPE_SENTENCES
    assert not any(s.startswith("#") or not s.strip() for s in OUT_OF_SCOPE_SENTENCES)
    f = tmp_path / "s.txt"
    f.write_text("# header\n\n  play some music  \n# more\nbook a taxi\n", encoding="utf-8")
    assert read_sentences(f) == ("play some music", "book a taxi")


def test_everyday_sentences_have_no_duplicates() -> None:
    seen: set[str] = set()
    for s in OUT_OF_SCOPE_SENTENCES:
        key = " ".join(words_of(s))
        assert key, s
        assert key not in seen, s
        seen.add(key)


#: Title words that everyday talk cannot do without ("play the radio", "how
#: long until the weekend"); every other content word of a title is ours.
GENERIC_TITLE_WORDS = frozenset({"when", "play", "long", "change", "life"})


def test_everyday_sentences_share_no_content_word_with_an_entry_title() -> None:
    from voice.matching.normalize import clean, content_tokens, stem

    kb = load_knowledge([REPO / "content"])
    generic = {stem(w) for w in GENERIC_TITLE_WORDS}
    ours = {t for e in kb.entries for t in content_tokens(clean(e.title))} - generic
    clashes = [
        (s, shared) for s in OUT_OF_SCOPE_SENTENCES
        if (shared := ours & set(content_tokens(clean(s))))
    ]
    assert not clashes


def test_read_labelled_handles_out_of_scope_and_comments(tmp_path: Path) -> None:
    f = tmp_path / "q.tsv"
    f.write_text("# comment\n\nwhat is ms\tintro\nplay music\t-\n", encoding="utf-8")
    qs = read_labelled(f)
    assert [(q.text, q.expected) for q in qs] == [("what is ms", "intro"), ("play music", None)]
