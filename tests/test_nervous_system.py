""""Nervous system" is what the content calls nerves: "what is wrong with my
nervous system" was declined, since the content says "nerves" and "nerve"
and never "nervous system", and a bare "nervous" means worry (synonyms.py
folds it onto stress). The phrase is now a synonym of "nerve", so it reaches
the nerve entries as the word "nerves" does."""

from __future__ import annotations

import pytest

from voice.matching.matcher import Matcher
from voice.matching.normalize import tokens


def test_nervous_system_is_nerve_and_nervous_alone_is_still_worry() -> None:
    assert tokens("what is wrong with my nervous system") == tokens(
        "what is wrong with my nerves")
    assert tokens("the central nervous system") == tokens("the nerves")
    assert tokens("i feel nervous") == tokens("i feel stressed")


@pytest.mark.parametrize(("system", "nerves"), [
    ("what is wrong with my nervous system", "what is wrong with my nerves"),
    ("how can i tell if something is wrong with my nervous system",
     "how can i tell if something is wrong with my nerves"),
    ("which tests check the nervous system", "which tests check the nerves"),
])
def test_asked_with_nervous_system_as_with_nerves(matcher: Matcher, system: str,
                                                  nerves: str) -> None:
    said, meant = matcher.match(system), matcher.match(nerves)
    assert meant.outcome != "no_match"
    assert said.outcome != "no_match", system
    assert [e.id for e in said.offered] == [e.id for e in meant.offered]
    assert said.entry is not None and meant.entry is not None
    assert said.entry.id == meant.entry.id
