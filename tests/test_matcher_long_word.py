"""A held-down key gives one "word" of thousands of letters; splitting it
into two content words must not try every cut (it took 3.5 s for 100,000
letters, growing with the square of the length)."""

from __future__ import annotations

from typing import Any

from voice.matching.matcher import Matcher


def test_splitting_a_long_word_tries_only_cuts_that_leave_content_words(
    matcher: Matcher, monkeypatch: Any
) -> None:
    tried: list[str] = []

    class Counting(dict):  # type: ignore[type-arg]
        def __contains__(self, key: object) -> bool:
            tried.append(str(key))
            return super().__contains__(key)

    longest = max(map(len, matcher._raw_words))
    monkeypatch.setattr(matcher, "_raw_words", Counting(matcher._raw_words))
    assert matcher._split("k" * 100_000) is None
    assert len(tried) <= 2 * longest
    # A real joined pair is still split.
    assert matcher._split("musclespasm") == ["muscl", "spasm"]
    assert matcher._split("spasmmuscles") == ["spasm", "muscl"]
