"""Giving birth is a health subject the content does not cover (branch scope15).

WordNet files "giving birth" (parturition, childbirth, birthing) under
*organic process*, beside *bodily process*, which the health-subject check
already used; only the latter was a root of ``scripts/build_health_subjects.py``,
so "what exercise is safe after giving birth" was offered the exercise section
(its words "exercise" and "safe" are the content's own). The root is WordNet's
concept, not a list of ours: the names under it (aging, growth, metabolism,
ovulation...) decline a question only when the loaded content mentions none of
their synset's names.
"""

from __future__ import annotations

from pathlib import Path

from voice.content.loader import load_knowledge
from voice.conversation.conversation import Conversation
from voice.matching.health_subjects import HealthSubjects
from voice.matching.matcher import Matcher

CONTENT = Path(__file__).resolve().parent.parent / "content"


def _outcome(matcher: Matcher, question: str) -> str:
    return Conversation(matcher.kb, matcher=matcher).respond(question).outcome


def test_giving_birth_names_a_subject_the_content_does_not_cover() -> None:
    subjects = HealthSubjects(load_knowledge([CONTENT]))
    assert subjects.uncovered("what exercise is safe after giving birth") == [
        ("giving birth", "process")]
    assert subjects.uncovered("is childbirth harder with myasthenia gravis") == [
        ("childbirth", "process")]


def test_a_question_about_exercise_after_giving_birth_is_declined() -> None:
    matcher = Matcher(load_knowledge([CONTENT]))
    assert _outcome(matcher, "what exercise is safe after giving birth") == "no_match"
    # Its words alone still reach the exercise section: the name declines it.
    assert matcher.scope is not None
    matcher.scope.subjects = None
    assert _outcome(matcher, "what exercise is safe after giving birth") in ("answer", "confirm")


def test_our_own_questions_about_exercise_stay_answered() -> None:
    matcher = Matcher(load_knowledge([CONTENT]))
    for question in ("what exercise is safe for me", "does exercise help spasms",
                     "can i still go running"):
        assert _outcome(matcher, question) in ("answer", "confirm"), question


def test_a_caregivers_page_on_giving_birth_makes_it_ours(tmp_path: Path) -> None:
    question = "what exercise is safe after giving birth"
    (tmp_path / "after-birth.md").write_text(
        "# After the baby\n\n## Exercise after giving birth\n\nAfter giving birth, gentle "
        "walking and pelvic floor exercise can usually start within days; ask your midwife "
        "before anything harder, and more so with a neuromuscular condition.\n\n"
        "Also asked:\n- when can i exercise after the birth\n\n"
        "Keywords: giving birth, postnatal, exercise after birth\n",
        encoding="utf-8")
    bigger = Matcher(load_knowledge([CONTENT, tmp_path]))
    assert bigger.scope is not None and bigger.scope.subjects is not None
    assert bigger.scope.subjects.uncovered(question) == []
    result = bigger.match(question)
    assert result.outcome in ("answer", "confirm")
    assert result.entry is not None and result.entry.title == "Exercise after giving birth"
