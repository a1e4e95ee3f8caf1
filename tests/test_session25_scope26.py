"""Session 25 (branch scope26, issue 14): a kind of disorder the content
never names is not read in full.

"what are mood disorders" was read Coping Strategies in full ("mood" folds
onto depression and feelings, which that entry speaks of), "where can i
find support for people with alcohol use disorder" Community Support and
Awareness, "what is adjustment disorder" Dietary Adjustments: WordNet
(health_subjects.py) names none of the three, so nothing declined them. The
content names its kinds of disorder ("neuromuscular disorders", "nerve
conditions", "motor neurone disease"); another kind, and none of its
diseases, steps the line down as generic words do: an answer is offered, an
offer declined (Matcher.names_other_kind).

"how do they work out if it's ms" was offered Impact on Daily Life,
"how do they know if it's ms" Recognizing, "how can they be sure its that
and not something else" declined: how they (the doctors) know it is the
condition is how it is diagnosed (synonyms.REWRITES), the Diagnosis
section's own "how do doctors find out what i have".

Typed through the Conversation as `voice text` does (shipped content)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.reply import Reply


@pytest.mark.parametrize("line", [
    "what are mood disorders",
    "what is a mood disorder",
    "where can i find support for people with alcohol use disorder",
    "what is adjustment disorder",
])
def test_another_kind_of_disorder_is_not_read_in_full(typed: Callable[[str], Reply],
                                                      line: str) -> None:
    reply = typed(line)
    assert reply.outcome != "answer", (line, reply.say)


def test_an_offer_for_another_kind_is_declined(typed: Callable[[str], Reply]) -> None:
    """MedQuAD-tuning's line was offered When to Seek Medical Attention."""
    reply = typed("do i need to see a doctor for adjustment disorder")
    assert reply.outcome not in ("answer", "confirm"), reply.say


#: The content's own kinds, its diseases named, "it" asked what kind, whose
#: condition: as before.
_AS_BEFORE = (
    ("are neuromuscular disorders hereditary", "answer", "are-neuromuscular-disorders-hereditary"),
    ("is this disease curable", "answer", "is-there-a-cure-for-neuromuscular-disorders"),
    ("is this a lifelong condition", "answer", "is-there-a-cure-for-neuromuscular-disorders"),
    ("whats lou gehrigs disease", "answer",
     "recognizing-chronic-spasms-and-neuromuscular-disorders"),
    ("what is motor neuron disease", "answer",
     "recognizing-chronic-spasms-and-neuromuscular-disorders"),
    ("what causes the disease", "answer", "causes-and-risk-factors"),
    ("how do i live with a chronic illness", "confirm", None),
)


@pytest.mark.parametrize(("line", "outcome", "entry"), _AS_BEFORE)
def test_the_contents_own_kinds_keep_their_outcome(typed: Callable[[str], Reply], line: str,
                                                   outcome: str, entry: str | None) -> None:
    reply = typed(line)
    assert reply.outcome == outcome, (line, reply.outcome, reply.say)
    if entry is not None:
        assert reply.match is not None and reply.match.id == entry, (line, reply.say)


DIAGNOSIS = "diagnosis-and-medical-evaluations"


@pytest.mark.parametrize("line", [
    "how do they work out if it's ms",
    "how do they know if it's ms",
    "how do they check if it's ms",
    "how do they find out if someone has als",
    "how can they be sure its that and not something else",
])
def test_how_they_know_it_is_the_condition_is_diagnosis(typed: Callable[[str], Reply],
                                                        line: str) -> None:
    reply = typed(line)
    assert reply.outcome in ("answer", "confirm"), (line, reply.say)
    assert reply.match is not None and reply.match.id == DIAGNOSIS, (line, reply.say)


#: One's own signs, and what they know that is not the condition: as before.
_KNOWING_AS_BEFORE = (
    ("how would i know if i've got it", "answer",
     "what-are-the-early-signs-of-neuromuscular-disorders"),
    ("how can they tell if the milk is off", "no_match", None),
    ("how do they know what time it is", "no_match", None),
)


@pytest.mark.parametrize(("line", "outcome", "entry"), _KNOWING_AS_BEFORE)
def test_knowing_something_else_keeps_its_outcome(typed: Callable[[str], Reply], line: str,
                                                  outcome: str, entry: str | None) -> None:
    reply = typed(line)
    assert reply.outcome == outcome, (line, reply.outcome, reply.say)
    if entry is not None:
        assert reply.match is not None and reply.match.id == entry, (line, reply.say)
