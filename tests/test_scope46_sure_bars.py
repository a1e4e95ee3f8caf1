"""Session 36 round 2 (branch scope46, issue 14): sure_ours.py's sharper
bars, chosen on the tuning halves (still shipped off: held out it took one
K-QA and one Counsel Chat line; these tests turn it on).

scope44's bars (evidence 7.5 against everyday requests, 5.0 against other
health questions) left uncovered tuning lines a hair away ("my daughter
finds it difficult to fall asleep. why?", iCliniq: 7.46 and 5.49), offered
"is baclofen safe to take long term" a wrong entry, and held out took one
more K-QA line. Now the evidence must reach 8.0, and a content word said as
such, distinctive of the content against general English, must carry at
least 2.5 (against everyday requests and other health questions alike):
patients' questions gather evidence from many weak words and a "why".

Typed through the Conversation as `voice text` does (shipped content)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.reply import Reply
from voice.matching import sure_ours
from voice.matching.matcher import Matcher

#: As shipped, before any test turns it on.
_SHIPPED = sure_ours.ON


@pytest.fixture(autouse=True)
def _sure_ours_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sure_ours, "ON", True)


def test_the_bars_as_shipped() -> None:
    """Off as shipped (held out it worsened two rows), the bars sharper."""
    assert _SHIPPED is False
    assert sure_ours.EVIDENCE_AT == 8.0
    assert sure_ours.CARRIER_AT == 2.5


#: The in-scope tuning lines gained (declined on a score of 41-44 before; 8 then).
_GAINED = (
    # The two "low magnesium" lines: offered on their own score since
    # session 40 (branch scope50, "low" before a nutrient read "deficiency of").
    ("we cannot afford private physio, is it still worth doing stretches ourselves",
     "what-role-does-physical-therapy-play-in-managing-these-conditions"),
    ("will a physio help my husband walk better",
     "what-role-does-physical-therapy-play-in-managing-these-conditions"),
    ("the specialist said motor neurone disease, what does that mean for us",
     "recognizing-chronic-spasms-and-neuromuscular-disorders"),
    ("what research (or clinical trials) is being done for Myasthenia Gravis ?",
     "recent-advancements-and-research"),
    ("what research (or clinical trials) is being done for Multiple Sclerosis ?",
     "recent-advancements-and-research"),
    ("what research (or clinical trials) is being done for Spasticity ?",
     "recent-advancements-and-research"),
)


@pytest.mark.parametrize(("line", "entry"), _GAINED)
def test_gained_lines_are_offered(typed: Callable[[str], Reply], line: str,
                                             entry: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == entry


def test_no_wrong_entry_offered_for_baclofen(typed: Callable[[str], Reply]) -> None:
    """Evidence 7.68: scope44's bar of 7.5 offered Treatment Approaches; the
    question is the medications' (the content has no answer on long-term
    safety), so it stays declined."""
    reply = typed("is baclofen safe to take long term")
    assert reply.outcome == "no_match", (reply.outcome, reply.say)


#: Uncovered tuning lines whose evidence is high (6.5-12.2 against everyday
#: requests, 4.2-5.5 against other health questions) but which no
#: distinctive content word carries (at most 2.19).
_UNCARRIED = (
    "my daughter finds it difficult to fall asleep. why?",
    "despite taking medicine for the past four years i am facing depression and anxiety. why?",
    "Should we put off kids until my husband is mentally cured?",
)


@pytest.mark.parametrize("line", _UNCARRIED)
def test_uncarried_lines_are_not_surely_ours(matcher: Matcher, line: str,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Even with the evidence bars lowered to 5.0 and 3.0, the carrier alone
    keeps them out."""
    monkeypatch.setattr(sure_ours, "EVIDENCE_AT", 5.0)
    monkeypatch.setattr(sure_ours, "HEALTH_EVIDENCE_AT", 3.0)
    assert sure_ours.carrier(matcher, line) < sure_ours.CARRIER_AT
    assert not sure_ours.surely_ours(matcher, line)


def test_why_carries_nothing(matcher: Matcher) -> None:
    """"why" has evidence 2.10 both ways but is no word of the content's own."""
    assert sure_ours.carrier(matcher, "why?") == float("-inf")


def test_the_carrier_of_a_gain(matcher: Matcher) -> None:
    """"physio" (physiotherapy, 4.0); "ms" (2.59) for MedQuAD's research line."""
    assert sure_ours.carrier(matcher, "will a physio help my husband walk better") >= 4.0
    assert sure_ours.carrier(
        matcher, "what research (or clinical trials) is being done for Multiple Sclerosis ?"
    ) >= sure_ours.CARRIER_AT


def test_nothing_without_a_scope_model(matcher: Matcher) -> None:
    plain = Matcher(matcher.kb, check_scope=False)
    assert sure_ours.carrier(plain, _GAINED[0][0]) == float("-inf")
