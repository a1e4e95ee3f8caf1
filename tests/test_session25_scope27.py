"""Session 25 (branch scope27, issue 14): what one of our medicines does.

"what side effects can muscle relaxants have" (inscope18-tuning) was
declined outright: "side effect" is a symptom in WordNet
(health_subjects.py) that the content never names, and such a subject
declined the line whatever else it asked. Asked of a medicine the content
names (WordNet's "muscle relaxant", "anticonvulsant"), a symptom is what
that medicine does: it declines only as a part of the body does (when no
word of the content's own carries the line), and the Medication entry,
which says nothing of side effects, is offered, never read in full
(Matcher.effect_of_medicine).

Typed through the Conversation as `voice text` does (shipped content)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.reply import Reply

MEDICATION = "medication"


@pytest.mark.parametrize("line", [
    "what side effects can muscle relaxants have",
    "what side effects do anticonvulsants have",
    "do anticonvulsants have side effects",
    "are there side effects with muscle relaxants",
    "do muscle relaxants cause nausea",
])
def test_what_our_medicine_does_is_offered(typed: Callable[[str], Reply], line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == MEDICATION, (line, reply.say)


#: A medicine the content never names, a symptom with none, and the
#: content's own line: as before.
_AS_BEFORE = (
    ("what are the side effects of ibuprofen", "no_match", None),
    ("what side effects can antidepressants have", "no_match", None),
    ("what are the side effects of chemotherapy", "no_match", None),
    ("i have a side effect from my tablets", "no_match", None),
    ("do i need antibiotics", "no_match", None),
    ("what about muscle relaxants", "answer", MEDICATION),
)


@pytest.mark.parametrize(("line", "outcome", "entry"), _AS_BEFORE)
def test_other_medicines_keep_their_outcome(typed: Callable[[str], Reply], line: str,
                                            outcome: str, entry: str | None) -> None:
    reply = typed(line)
    assert reply.outcome == outcome, (line, reply.outcome, reply.say)
    if entry is not None:
        assert reply.match is not None and reply.match.id == entry, (line, reply.say)
