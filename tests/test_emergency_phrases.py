"""Emergencies as text, as Whisper writes spoken emergencies (pure: text in)."""

from __future__ import annotations

import pytest

from voice.matching.emergency import is_emergency


@pytest.mark.parametrize("heard", [
    "I'm short on breath",                   # "short of breath"
    "I'm falling and I can't get up",       # "I've fallen and I can't get up"
    "she felt and can't get up",             # "she fell and can't get up"
    "call nine one",                         # "call nine one one"
    "I've fallen", "he has fallen down", "she fell over", "I fell",
])
def test_whispers_spellings_of_an_emergency_are_emergencies(heard: str) -> None:
    assert is_emergency(heard)


@pytest.mark.parametrize("asked", [
    "why can't I get up in the morning",
    "I can't get up the stairs any more",
    "I fell last year and broke my hip, can exercise help",
    "is falling over common with MS",
    "call nine",
])
def test_questions_about_falls_and_getting_up_are_not(asked: str) -> None:
    assert not is_emergency(asked)
