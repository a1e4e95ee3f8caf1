"""Session 34 (branch scope40, issue 14): a cause asked of a thing the
content gives no cause of is declined (voice/matching/cause_unsaid.py).

"what causes depression", "what causes numbness and tingling" (MedQuAD's
tuning half) and "what causes stretch marks" (tests/data/tuning32) were
offered Coping Strategies, the seek-medical-attention FAQ and Physical
Therapy: the thing is a word of the content's, but no sentence of it says
what causes it. Asked of a person ("what makes me anxious", session 28's
mend33 offers), of the content's own conditions or spasms, or of "it", the
line keeps what it had.

Typed through the Conversation as `voice text` does (shipped content)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.reply import Reply
from voice.matching import cause_unsaid
from voice.matching.matcher import Matcher

CAUSES = "causes-and-risk-factors"


@pytest.mark.parametrize("line", [
    "What causes Depression ?",
    "What causes Numbness and tingling ?",
    "what causes stretch marks",
    "what causes anxiety",
    "what causes insomnia",
    "what causes stress",
    "what causes tiredness in older people",
])
def test_a_cause_the_content_never_gives_is_declined(typed: Callable[[str], Reply],
                                                    line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "no_match", (line, reply.outcome, reply.say)


@pytest.mark.parametrize("line", [
    "what causes spasms", "what triggers my spasms", "what brings on the cramps",
    "what causes neuromuscular disorders"])
def test_the_contents_own_causes_are_answered(typed: Callable[[str], Reply], line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "answer", (line, reply.say)
    assert reply.match is not None and reply.match.id == CAUSES


@pytest.mark.parametrize("line", [
    "what causes ms", "what causes muscle weakness", "what makes me anxious",
    "what makes my husband depressed", "what makes me so tired all the time",
    "what causes numbness in my legs", "what causes my son's tiredness"])
def test_a_condition_of_ours_or_a_persons_own_is_still_offered(
        typed: Callable[[str], Reply], line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", (line, reply.outcome, reply.say)


def test_the_switch_restores_the_offer(matcher: Matcher, monkeypatch: pytest.MonkeyPatch) -> None:
    assert matcher.match("what causes stretch marks").outcome == "no_match"
    monkeypatch.setattr(cause_unsaid, "ON", False)
    assert matcher.match("what causes stretch marks").outcome == "confirm"


def test_the_contents_cause_sentences_are_read(matcher: Matcher) -> None:
    # The causes entry's sentences give causes of spasms: a thing named in
    # one of them is never "unsaid".
    spasm = set(matcher.content_tokens("spasms"))
    assert any(spasm & s for s in matcher.cause_sentences)
    assert not any(set(matcher.content_tokens("stretch marks")) & s
                   for s in matcher.cause_sentences)


CURE = "is-there-a-cure-for-neuromuscular-disorders"


def test_free_of_it_is_cured(typed: Callable[[str], Reply]) -> None:
    # inscope-tuning32: declined before ("free" an everyday word).
    reply = typed("will my husband ever be free of this")
    assert reply.outcome == "answer", reply.say
    assert reply.match is not None and reply.match.id == CURE
    assert typed("will i ever be free of the spasms").match.id == CURE  # type: ignore[union-attr]


@pytest.mark.parametrize("line", ["can the damage be undone", "can it be undone"])
def test_damage_undone_is_cured(typed: Callable[[str], Reply], line: str) -> None:
    # inscope-tuning32: declined before ("undone" a rare word the content never uses).
    reply = typed(line)
    assert reply.outcome in ("answer", "confirm"), reply.say
    assert reply.match is not None
    assert reply.match.id in (CURE, "recent-advancements-and-research"), reply.say


@pytest.mark.parametrize("line", ["is the museum free of charge", "can my order be undone",
                                  "am i free from hiv", "undo my last alarm"])
def test_free_and_undone_of_other_things_stay_declined(typed: Callable[[str], Reply],
                                                       line: str) -> None:
    reply = typed(line)
    assert reply.outcome not in ("answer", "confirm"), (line, reply.outcome, reply.say)
