"""People's questions to doctors' websites about the content's subjects and
their neighbours (session 44): chosen by rules, split by SHA-1, labelled by
a helper that read only content/ (tests/data/README.md,
scripts/make_forum_ours_sets.py). Only the tuning half is asked here."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "forum"
sys.path.insert(0, str(REPO / "scripts"))

import make_forum_ours_sets  # type: ignore[import-not-found]  # noqa: E402

from voice.content.model import KnowledgeBase  # noqa: E402
from voice.conversation.conversation import Conversation  # noqa: E402
from voice.matching import Matcher  # noqa: E402


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def test_no_title_is_in_the_other_forum_sets_too() -> None:
    others = make_forum_ours_sets.taken_already()
    assert len(others) >= 500
    for name in ("forum-ours-tuning.tsv", "forum-ours-heldout.tsv"):
        assert not {r[0].lower() for r in _rows(name)} & others


def test_titles_about_our_subjects_are_kept() -> None:
    rows: list[dict[str, object]] = [
        {"question": "why do my  calves cramp at night?", "tags": []},  # OURS in the title
        {"question": "what is this rash on my arm?", "tags": ["nerve damage"]},  # OURS tag
        {"question": "what is this rash on my arm?", "tags": ["skin"]},  # the same title again
        {"question": "is my blood pressure too high?", "tags": ["heart"]},  # not ours
        {"question": "ms?", "tags": []},  # too short
    ]
    assert sorted(make_forum_ours_sets.kept(rows).values()) == [
        "what is this rash on my arm?", "why do my calves cramp at night?"]


def test_the_halves_are_labelled_with_entries_of_the_content(kb: KnowledgeBase) -> None:
    ids = {e.id for e in kb.entries}
    tuning, heldout = _rows("forum-ours-tuning.tsv"), _rows("forum-ours-heldout.tsv")
    assert len(tuning) >= 280 and len(heldout) >= 280
    questions = [r[0].lower() for r in tuning + heldout]
    assert len(set(questions)) == len(questions)
    for row in tuning + heldout:
        assert len(row) == 3 and row[2] in ("Question Doctors", "iCliniq"), row
        assert row[1] == "-" or set(row[1].split("|")) <= ids, row
    assert sum(r[1] != "-" for r in tuning) >= 10


def test_no_tuning_question_is_answered_with_a_wrong_entry(matcher: Matcher) -> None:
    """Session 44: of 304, none read in full with an entry its label does not
    name: a wrong answer read aloud is the worst failure."""
    wrong = []
    for question, label, _ in _rows("forum-ours-tuning.tsv"):
        reply = Conversation(matcher.kb, matcher=matcher).respond(question)
        if reply.outcome == "answer" and reply.match is not None and (
                label == "-" or reply.match.id not in label.split("|")):
            wrong.append(question)
    assert not wrong, wrong


def test_the_tuning_half_is_declined_or_offered_right(matcher: Matcher) -> None:
    """Session 44: 285 of the 289 `-` lines declined, 4 of the 15 labelled
    ones offered their entry (284 and 3 before the session's changes)."""
    declined = right = 0
    for question, label, _ in _rows("forum-ours-tuning.tsv"):
        reply = Conversation(matcher.kb, matcher=matcher).respond(question)
        taken = reply.outcome in ("answer", "confirm") and reply.match is not None
        if label == "-":
            declined += not taken
        else:
            right += taken and reply.match is not None and reply.match.id in label.split("|")
    assert declined >= 285 and right >= 4, (declined, right)
