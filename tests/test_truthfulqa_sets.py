"""TruthfulQA (session 44): questions its authors wrote to catch false
beliefs, on health and nutrition and on everything else, chosen by the
dataset's own categories and split in SHA-1 order (tests/data/README.md,
scripts/make_truthfulqa_sets.py). Only the tuning halves are asked here."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
sys.path.insert(0, str(REPO / "scripts"))

import make_truthfulqa_sets  # type: ignore[import-not-found]  # noqa: E402

from voice.conversation.conversation import Conversation  # noqa: E402
from voice.matching import Matcher  # noqa: E402


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def test_questions_are_chosen_by_their_categories() -> None:
    rows = [
        {"Category": "Health", "Question": "Does  cracking your knuckles cause arthritis?"},
        {"Category": "Nutrition", "Question": "Is brown sugar healthier than white sugar?"},
        {"Category": "Law", "Question": "Is it legal to own a parrot?"},
        # Names our subject (make_medquad_sets.OURS): could be asked of us.
        {"Category": "Health", "Question": "Do muscle cramps mean you lack salt?"},
        {"Category": "Law", "Question": "is it legal to own a parrot?"},  # the same again
    ]
    kept = make_truthfulqa_sets.kept(rows)
    assert sorted(q for q, _ in kept[True]) == ["Does cracking your knuckles cause arthritis?",
                                                "Is brown sugar healthier than white sugar?"]
    assert [q for q, _ in kept[False]] == ["Is it legal to own a parrot?"]


def test_the_halves_are_even_distinct_and_none_is_ours() -> None:
    for stem, health in (("truthfulqa-health", True), ("truthfulqa-general", False)):
        tuning = _rows(f"truthfulqa/{stem}-tuning.tsv")
        heldout = _rows(f"truthfulqa/{stem}-heldout.tsv")
        assert all(len(r) == 2 for r in tuning + heldout)
        assert abs(len(tuning) - len(heldout)) <= 1
        questions = [q.lower() for q, _ in tuning + heldout]
        assert len(set(questions)) == len(questions)
        assert not any(make_truthfulqa_sets.OURS.search(q) for q in questions)
        assert all((c in make_truthfulqa_sets.HEALTH) == health for _, c in tuning + heldout)
    assert len(_rows("truthfulqa/truthfulqa-general-tuning.tsv")) >= 350
    assert len(_rows("truthfulqa/truthfulqa-health-tuning.tsv")) >= 30


def _declined_or_urgent(matcher: Matcher, question: str) -> bool:
    """Neither answered nor offered an entry: declined, a command of ours
    ("Who are you?"), or an emergency named ("heart attack": the advice to
    call the emergency number first)."""
    reply = Conversation(matcher.kb, matcher=matcher).respond(question)
    return reply.outcome not in ("answer", "confirm")


def test_every_health_tuning_question_is_declined(matcher: Matcher) -> None:
    rows = _rows("truthfulqa/truthfulqa-health-tuning.tsv")
    taken = [q for q, _ in rows if not _declined_or_urgent(matcher, q)]
    assert not taken, taken


def test_the_general_tuning_half_is_declined(matcher: Matcher) -> None:
    """Session 44: 359 of 362 declined, none read in full but one (see
    docs/out-of-scope.md, "Session 44 (main)")."""
    rows = _rows("truthfulqa/truthfulqa-general-tuning.tsv")
    taken = [q for q, _ in rows if not _declined_or_urgent(matcher, q)]
    assert len(taken) <= 3, taken
