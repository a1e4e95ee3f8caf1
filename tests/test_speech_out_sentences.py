"""Splitting answers into speakable pieces (pure text)."""

from __future__ import annotations

from voice.speech_out.sentences import MAX_WORDS, clean_markup, split_sentences


def test_sentences_are_split_at_their_ends() -> None:
    text = "Spasticity is stiffness. Does it hurt? It can! Ask your nurse."
    assert split_sentences(text) == [
        "Spasticity is stiffness.", "Does it hurt?", "It can!", "Ask your nurse.",
    ]


def test_abbreviations_initials_and_decimals_do_not_end_a_sentence() -> None:
    text = "Dr. Smith said e.g. stretching helps. J. Smith takes 2.5 mg a day."
    assert split_sentences(text) == [
        "Dr. Smith said e.g. stretching helps.", "J. Smith takes 2.5 mg a day.",
    ]


def test_list_items_and_headings_are_pieces_of_their_own_without_markup() -> None:
    text = "## What helps\n- **Stretching** daily\n- Warm baths\n1. See [the guide](x.md)"
    assert split_sentences(text) == [
        "What helps", "Stretching daily", "Warm baths", "See the guide",
    ]


def test_wrapped_lines_of_one_paragraph_stay_one_sentence() -> None:
    assert split_sentences("Stretch your legs\nevery morning.\n\nRest.") == [
        "Stretch your legs every morning.", "Rest.",
    ]


def test_a_very_long_sentence_is_cut_at_commas_without_losing_words() -> None:
    words = [f"word{i}," for i in range(3 * MAX_WORDS)]
    pieces = split_sentences(" ".join(words))
    assert len(pieces) >= 3
    assert all(len(p.split()) <= MAX_WORDS for p in pieces)
    assert " ".join(pieces).split() == words


def test_blank_or_punctuation_only_text_gives_nothing_to_say() -> None:
    assert split_sentences("") == []
    assert split_sentences("  \n\n ... ") == []


def test_clean_markup_keeps_snake_case_words() -> None:
    assert clean_markup("take *one* tablet of some_name") == "take one tablet of some_name"
