"""Session 26 (branch scope28, issue 14): what a thing does, asked of a
thing the content never names, or of a medicine it names.

- "does sugar make spasms worse" was read the lifestyle FAQ in full ("Yes,
  regular exercise, balanced nutrition ..."), "does alcohol make spasms
  worse" offered it: the thing asked about, the subject of the question, is
  one the content never mentions (unknown_subject.py). Declined, as branch
  drink27 declines "is it ok to drink alcohol".
- "what are the side effects of baclofen" was declined: WordNet has no
  baclofen, so it was no medicine of ours, though the Medication section
  names it (own_medicines.py). Offered, as "... of gabapentin" is.
- "do muscle relaxants make you drowsy" was read Medication in full; the
  content never mentions drowsiness and WordNet names no symptom
  "drowsy". Offered, never read (``Matcher.effect_of_medicine``).

Typed through the Conversation as `voice text` does (shipped content)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.reply import Reply

MEDICATION = "medication"
LIFESTYLE = "can-lifestyle-changes-help-manage-chronic-spasms"


@pytest.mark.parametrize("line", [
    "does alcohol make spasms worse",
    "does sugar make spasms worse",
    "does caffeine make spasms worse",
    "does coffee make cramps worse",
    "does heat help cramps",
])
def test_a_thing_never_named_asked_what_it_does_is_declined(
        typed: Callable[[str], Reply], line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "no_match", (line, reply.outcome, reply.say)


@pytest.mark.parametrize("line", [
    "what are the side effects of baclofen",
    "do muscle relaxants make you drowsy",
    "do muscle relaxants make you sleepy",
])
def test_what_our_medicine_does_is_offered_not_read(
        typed: Callable[[str], Reply], line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == MEDICATION, (line, reply.say)


#: The content's own things as subjects, a person or a pronoun there, and
#: what our medicines are: as before.
_AS_BEFORE = (
    ("does stress make spasms worse", "answer", LIFESTYLE),
    # "does exercise make spasms worse" is offered now, The Role of Exercise
    # first: the lifestyle FAQ says exercise helps, never whether it makes
    # spasms worse (tests/test_scope29_matching.py, branch scope29).
    ("does massage help spasms", "answer", "alternative-therapies"),
    ("does magnesium help cramps", "answer", "dietary-adjustments"),
    ("can botox help with spasms", "answer", MEDICATION),
    ("does baclofen help", "answer", MEDICATION),
    ("do muscle relaxants work", "answer", MEDICATION),
    ("what is baclofen", "answer", MEDICATION),
    ("does it run in families", "answer", "are-neuromuscular-disorders-hereditary"),
    ("can kids get ms", "confirm", "are-neuromuscular-disorders-hereditary"),
    ("what are the side effects of ibuprofen", "no_match", None),
    ("is it ok to drink water", "answer", LIFESTYLE),
)


@pytest.mark.parametrize(("line", "outcome", "entry"), _AS_BEFORE)
def test_ours_keep_their_outcome(typed: Callable[[str], Reply], line: str,
                                 outcome: str, entry: str | None) -> None:
    reply = typed(line)
    assert reply.outcome == outcome, (line, reply.outcome, reply.say)
    if entry is not None:
        assert reply.match is not None and reply.match.id == entry, (line, reply.say)


def test_own_medicine_names_come_from_the_content(typed: Callable[[str], Reply]) -> None:
    """Drug names neither WordNet nor general English knows, from the
    keywords of the entry naming our WordNet medicines; not "pills",
    "tablets", nor Alternative Therapies' words ("without drugs")."""
    from tests.conftest import REPO
    from voice.content.loader import load_knowledge
    from voice.matching.matcher import Matcher

    names = Matcher(load_knowledge([REPO / "content"])).own_medicines
    assert "baclofen" in names
    assert not names & {"pill", "tablet", "natur", "massag", "altern"}, names


HEREDITARY = "are-neuromuscular-disorders-hereditary"


@pytest.mark.parametrize("line", [
    "how do I explain my illness to my children",
    "how do i tell my family",
    "how do i tell my kids i have ms",
    "should i tell my children about my als",
    "what should i say to my daughter about her dad's ms",
])
def test_a_relative_told_is_no_question_of_heredity(
        typed: Callable[[str], Reply], line: str) -> None:
    """The relative told is who hears it, not who might inherit it: the
    hereditary FAQ is not offered ("children", "family" fold onto its
    word), and nothing is read in full (no entry says how to tell)."""
    reply = typed(line)
    assert reply.outcome != "answer", (line, reply.say)
    assert reply.match is None or reply.match.id != HEREDITARY, (line, reply.say)


@pytest.mark.parametrize("line", [
    "how do i tell my children they might get it",
    "can i pass it to my children",
    "can my children get it",
    "will my kids get ms",
])
def test_whether_a_relative_gets_it_is_still_heredity(
        typed: Callable[[str], Reply], line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "answer", (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == HEREDITARY, (line, reply.say)


EARLY_SIGNS = "what-are-the-early-signs-of-neuromuscular-disorders"


@pytest.mark.parametrize("line", [
    "can ms make it hard to swallow",
    "is it hard to swallow with ms",
    "it's hard to swallow",
])
def test_hard_to_swallow_is_the_difficulty_swallowing_of_the_early_signs(
        typed: Callable[[str], Reply], line: str) -> None:
    """"hard to", "difficult", "trouble" fold onto "difficulty" (synonyms.py),
    the early-signs FAQ's word ("difficulty swallowing"); the lines were
    declined."""
    reply = typed(line)
    assert reply.outcome in ("answer", "confirm"), (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == EARLY_SIGNS, (line, reply.say)


def test_the_editors_hard_to_keeps_its_entry(typed: Callable[[str], Reply]) -> None:
    reply = typed("i find it hard to get dressed")
    assert reply.outcome == "answer", reply.say
    assert reply.match is not None and reply.match.id == "impact-on-daily-life", reply.say
