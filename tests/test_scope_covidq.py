"""COVID-Q (branch scope9): people's questions about COVID-19, chosen by the
dataset's own annotations and split by class (tests/data/README.md,
scripts/make_covidq_sets.py)."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data"
sys.path.insert(0, str(REPO / "scripts"))

import make_covidq_sets  # type: ignore[import-not-found]  # noqa: E402
import pytest  # noqa: E402

from voice.conversation.conversation import Conversation  # noqa: E402
from voice.matching import Matcher, scope  # noqa: E402


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def test_questions_are_chosen_by_their_annotations() -> None:
    rows = [
        {"Category": "Transmission - Pets", "Question": "can  my cat catch covid",
         "Source": "Quora"},
        {"Category": "Economic Effects - Stocks", "Question": "will stocks go up after covid",
         "Source": "Quora"},  # not about the illness
        {"Category": "Prevention - Masks", "Question": "do masks stop covid",
         "Source": "Author Generated"},  # written by the dataset's authors
        {"Category": "Symptoms - Fatigue", "Question": "does covid cause muscle weakness",
         "Source": "Google Search"},  # names our subject (make_medquad_sets.OURS)
        {"Category": "Symptoms - General", "Question": "covid symptoms",
         "Source": "Bing Search"},  # a search, not a question
        {"Category": "Transmission - Pets", "Question": "Can my cat catch covid",
         "Source": "Yahoo Search"},  # the same question again
        {"Category": "", "Question": "what is happening with covid", "Source": "Quora"},
    ]
    assert [q for q, _ in make_covidq_sets.kept(rows).values()] == ["can my cat catch covid"]


def test_a_class_sits_in_one_half_and_the_halves_are_even() -> None:
    tuning, heldout = _rows("covidq-tuning.tsv"), _rows("covidq-heldout.tsv")
    assert all(len(r) == 2 for r in tuning + heldout)
    assert not {c for _, c in tuning} & {c for _, c in heldout}
    assert len(tuning) + len(heldout) >= 400
    assert abs(len(tuning) - len(heldout)) <= 0.1 * len(tuning)
    questions = [q.lower() for q, _ in tuning + heldout]
    assert len(set(questions)) == len(questions)
    assert not any(make_covidq_sets.OURS.search(q) for q in questions)


def test_the_split_is_greedy_by_class_in_sha1_order() -> None:
    rows = {f"q{i}": (f"q{i}", c) for i, c in enumerate("aaaabbc")}
    halves = make_covidq_sets.split(rows)
    assert sum(map(len, halves.values())) == 7
    assert abs(len(halves[True]) - len(halves[False])) <= 4
    assert {c for _, c in halves[True]}.isdisjoint({c for _, c in halves[False]})


def test_an_off_topic_word_naming_another_subject_is_a_trial_left_off(
        matcher: Matcher, monkeypatch: pytest.MonkeyPatch) -> None:
    """"cough" is on the matcher's off-topic list (health matters the content
    does not cover). With scope.OFF_TOPIC_NAMES (tried on branch scope9, off:
    it cost a held-out in-scope question) "early" and "symptoms", words every
    health question uses, no longer carry the question past it. ("the
    cough": since branch scope10, "a cough" names the symptom as a noun and
    health_subjects.py declines it, whatever this trial.)"""
    question = "what are the early symptoms of the cough"
    assert scope.OFF_TOPIC_NAMES is False
    assert Conversation(matcher.kb, matcher=matcher).respond(question).outcome == "confirm"
    monkeypatch.setattr(scope, "OFF_TOPIC_NAMES", True)
    assert Conversation(matcher.kb, matcher=matcher).respond(question).outcome == "no_match"
    for ours in ("what are the early symptoms", "what are the early signs of ms"):
        assert [e.id for e in matcher.match(ours).offered] == [
            "what-are-the-early-signs-of-neuromuscular-disorders"]


def test_the_shipped_counts_take_nothing_from_the_gpl_set() -> None:
    """COVID-Q is GNU GPL v3; the word counts ship in the MIT package, so it
    is a test set only (neither half is counted)."""
    import build_everyday_counts  # type: ignore[import-not-found]

    sources = (*build_everyday_counts.SOURCES, *build_everyday_counts.HEALTH_SOURCES)
    names = [p.name for p in sources]
    assert not any(n.startswith("covidq") for n in names)
    counts = scope.load_health()
    # A word of the public's COVID questions that neither MedQuAD nor K-QA uses.
    assert counts.get("mask", 0) == 0
