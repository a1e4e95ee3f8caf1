"""Session 34 (branch scope41, issue 14): with ``participles.ON`` a rare word
that only describes ("withdrawn", "slurred") is not counted as another
subject (voice/matching/participles.py). Shipped off: on the held-out halves
it moved no issue-14 row and offered one more iCliniq line.

"my son with als is angry and withdrawn, how can we help him" and "my voice
sounds slurred lately, could that be an early sign" (tests/data/tuning32,
in-scope tuning half) were declined on that one word's rarity, while the
bare matcher found their entries. A rare word that names a subject
("dandruff"), a bodily verb's participle ("constipated") and an "-ing" form
used as a noun ("a new piercing") still count.

Typed through the Conversation as `voice text` does (shipped content)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.reply import Reply
from voice.matching import participles
from voice.matching.matcher import Matcher

COPING = "coping-strategies-for-individuals-and-caregivers"
EARLY_SIGNS = "what-are-the-early-signs-of-neuromuscular-disorders"


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(participles, "ON", True)


WITHDRAWN = "my son with als is angry and withdrawn, how can we help him"
SLURRED = "my voice sounds slurred lately, could that be an early sign"


def test_a_describing_word_no_longer_sinks_the_question(typed: Callable[[str], Reply],
                                                          on: None) -> None:
    reply = typed(WITHDRAWN)
    assert reply.outcome == "answer", reply.say
    assert reply.match is not None and reply.match.id == COPING


def test_slurred_speech_is_offered_the_early_signs(typed: Callable[[str], Reply],
                                                     on: None) -> None:
    reply = typed(SLURRED)
    assert reply.outcome in ("answer", "confirm"), reply.say
    assert reply.match is not None and reply.match.id == EARLY_SIGNS


@pytest.mark.parametrize("word", ["withdrawn", "slurred", "undone", "swollen"])
def test_participle_adjectives_describe_only(word: str, on: None) -> None:
    assert participles.describes_only(word)


@pytest.mark.parametrize("word", [
    "dandruff", "gout", "lunchtime",            # nouns: they name
    "piercing", "breastfeeding", "bruising",    # "-ing": used as nouns
    "constipated", "sprained", "infected",      # verb.body: a bodily subject
    "itchy", "pregnant",                        # adjectives, no verb's participle
    "exerted",                                  # a verb form WordNet lists as no adjective
    "", None])
def test_words_that_name_still_count(word: str | None, on: None) -> None:
    assert not participles.describes_only(word)


def test_the_rarity_of_a_describing_word_is_capped(matcher: Matcher, on: None) -> None:
    scope = matcher.scope
    assert scope is not None
    assert scope.english.rarity("withdrawn") > 4.5
    assert scope._rarity("withdrawn", "withdrawn") <= 4.5
    assert scope._rarity("dandruff", "dandruff") > 4.5


def test_shipped_off_the_lines_are_declined_as_before(matcher: Matcher) -> None:
    assert not participles.ON
    assert not participles.describes_only("withdrawn")
    assert matcher.match(WITHDRAWN).outcome == "no_match"
    assert matcher.match(SLURRED).outcome == "no_match"


@pytest.mark.parametrize("line", [
    "how do i look after a new piercing",
    "i over-exerted myself in the gym. how to quicken the recovery?",
    "what can cause genital numbness?",
    "how do i get rid of dandruff",
    "my son is constipated what should i do",
])
def test_uncovered_subjects_are_still_declined(typed: Callable[[str], Reply], line: str,
                                               on: None) -> None:
    reply = typed(line)
    assert reply.outcome == "no_match", (line, reply.outcome, reply.say)
