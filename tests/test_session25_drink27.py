"""Session 25 (branch drink27, issue 14): a thing asked about that the
content never names is not answered through a generic word.

"is it ok to drink alcohol" (beer, coffee, tea) and "is drinking alcohol bad
for spasms" were read in full the FAQ "Can lifestyle changes help manage
chronic spasms", whose answer begins "Yes, regular exercise, balanced
nutrition, hydration ...": heard, "yes, it's OK to drink beer". "drink"
folds onto "hydration" (synonyms.py), a word that is no sign of the content
(distinctiveness 1.6), and the content never mentions alcohol, beer, coffee
or tea. What the line asks about is the word after the verb: such a line is
declined (voice/matching/unknown_object.py). Water, fluids and food the
content does speak of are answered as before.

Typed through the Conversation as `voice text` does (shipped content), one
conversation per transcript."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.conversation.reply import Reply
from voice.matching.matcher import Matcher

LIFESTYLE = "can-lifestyle-changes-help-manage-chronic-spasms"


@pytest.mark.parametrize("line", [
    "is it ok to drink alcohol",
    "is it ok to drink beer",
    "is it ok to drink coffee",
    "is it ok to drink tea",
    "is drinking alcohol bad for spasms",
    "is it ok to drink milk",
    "is it bad to drink a lot of coffee",
    "can i drink alcohol with ms",
])
def test_a_drink_the_content_never_names_is_declined(typed: Callable[[str], Reply],
                                                     line: str) -> None:
    """Each was answered with the lifestyle FAQ, or offered it ("can i
    drink alcohol with ms", "is it bad to drink a lot of coffee")."""
    reply = typed(line)
    assert reply.outcome not in ("answer", "confirm"), (line, reply.outcome, reply.say)
    assert "regular exercise" not in reply.say.lower(), (line, reply.say)


#: Water, fluids and food the content speaks of: as before.
_AS_BEFORE = (
    ("what should i drink", "answer", LIFESTYLE),
    ("is it ok to drink water", "answer", LIFESTYLE),
    ("should i drink more water", "answer", LIFESTYLE),
    ("should i drink more fluids", "answer", LIFESTYLE),
    ("does drinking water help with cramps", "answer", LIFESTYLE),
    ("does staying hydrated help with cramps", "answer", LIFESTYLE),
    ("how much water should i drink", "confirm", LIFESTYLE),
    ("is it ok to eat bananas", "answer", "dietary-adjustments"),
    ("what foods help with spasms", "answer", "dietary-adjustments"),
    # A generic word before an unknown word that is no object of it
    # (in-scope tuning lines): as before.
    ("what online forums are there for families like ours", "confirm",
     "community-support-and-awareness"),
    ("my legs are tight every morning what can i do", "confirm", "physical-therapy"),
    ("whats the test with the needles in the muscle", "confirm",
     "diagnosis-and-medical-evaluations"),
    # "does alcohol make spasms worse" (alcohol named, but not after the
    # verb) was offered here; declined since session 26 (branch scope28,
    # unknown_subject.py), checked in tests/test_scope28_matching.py.
)


@pytest.mark.parametrize(("line", "outcome", "entry"), _AS_BEFORE)
def test_what_the_content_speaks_of_keeps_its_outcome(typed: Callable[[str], Reply], line: str,
                                                      outcome: str, entry: str) -> None:
    reply = typed(line)
    assert reply.outcome == outcome, (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == entry, (line, reply.say)


def test_a_conversation_about_drinks(kb: KnowledgeBase, matcher: Matcher) -> None:
    """One conversation: beer and coffee declined, each with the usual
    polite decline; water then answered with the lifestyle FAQ."""
    conv = Conversation(kb, matcher=matcher)
    beer = conv.respond("is it ok to drink beer")
    assert beer.outcome not in ("answer", "confirm"), beer.say
    assert not beer.say.lower().startswith("yes"), beer.say
    coffee = conv.respond("is it ok to drink coffee")
    assert coffee.outcome not in ("answer", "confirm"), coffee.say
    water = conv.respond("should i drink more water")
    assert water.outcome == "answer", water.say
    assert water.match is not None and water.match.id == LIFESTYLE
    assert "hydration" in water.say.lower(), water.say
