"""The benchmark's command rows (scripts/benchmark.py said_to_it_benchmark)
count a yes, a no or a "does not matter" written for another assistant
(NLU-Evaluation-Data's general_affirm, general_negate, general_dontcare)
as met by the fitting command, not as "other requests taken for a command"
(session 31, branch scope37). Lines from the tuning half."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from voice.conversation.commands import find_command

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))

import benchmark  # noqa: E402


@pytest.mark.parametrize(("said", "intent"), [
    ("yeah that is correct.", "general_affirm"),
    ("yeah right.", "general_affirm"),
    ("you have done it correcly.", "general_affirm"),
    ("no, it is not what i wanted.", "general_negate"),
    ("does not matter.", "general_dontcare"),
])
def test_a_yes_or_no_written_by_others_meets_its_command(said: str, intent: str) -> None:
    assert find_command(said) in benchmark.NLU_TO_IT.get(intent, set())
