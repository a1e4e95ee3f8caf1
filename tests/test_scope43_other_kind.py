"""Session 35 (branch scope43, issue 14): a kind of disorder the content
never names is declined, not offered (voice/matching/other_kind_declined.py).

"What is (are) Mood Disorders ?" and "Where to find support for people with
Alcohol use disorder ?" (MedQuAD's tuning half) were offered Coping
Strategies and Community Support: session 25's rule (Matcher.names_other_kind)
only stepped them down from an answer to an offer, and a yes read an entry
about another condition. When the content's own matter (a spasm, a muscle)
is named too, or the kind is the content's own, the line keeps what it had.

Typed through the Conversation as `voice text` does (shipped content)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.reply import Reply
from voice.matching import other_kind_declined
from voice.matching.matcher import Matcher


@pytest.mark.parametrize("line", [
    "What is (are) Mood Disorders ?",
    "Where to find support for people with Alcohol use disorder ?",
    "what is a mood disorder",
    "what are mood disorders",
    "where can i find support for people with alcohol use disorder",
])
def test_another_kind_of_disorder_is_declined(typed: Callable[[str], Reply], line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "no_match", (line, reply.outcome, reply.say)


def test_the_switch_restores_the_offer(matcher: Matcher, monkeypatch: pytest.MonkeyPatch) -> None:
    assert other_kind_declined.other_kind_declined(matcher, "what is a mood disorder")
    monkeypatch.setattr(other_kind_declined, "ON", False)
    assert not other_kind_declined.other_kind_declined(matcher, "what is a mood disorder")
    assert matcher.match("what is a mood disorder").outcome == "confirm"


def test_not_without_the_kind_rule(matcher: Matcher, monkeypatch: pytest.MonkeyPatch) -> None:
    """require_kind off (benchmark.py's "without" column) turns it off too."""
    monkeypatch.setattr(matcher, "require_kind", False)
    assert not other_kind_declined.other_kind_declined(matcher, "what is a mood disorder")


#: The content's own matter named too, the content's own kinds, its diseases:
#: as before.
_AS_BEFORE = (
    ("are spasms a sign of a serious illness", "confirm",
     "when-should-someone-seek-medical-attention-for-muscle-spasms"),
    ("can a thyroid disorder cause muscle cramps", "confirm", "causes-and-risk-factors"),
    ("what is a neuromuscular condition", "answer",
     "recognizing-chronic-spasms-and-neuromuscular-disorders"),
    ("support groups for people with a chronic illness", "answer",
     "community-support-and-awareness"),
    ("is a spasm disorder hereditary", "answer", "are-neuromuscular-disorders-hereditary"),
    ("can a nerve disease cause spasms", "answer", "causes-and-risk-factors"),
    ("is it a serious disease", "answer",
     "when-should-someone-seek-medical-attention-for-muscle-spasms"),
    ("my wife has motor neurone disease how can i help her", "confirm",
     "coping-strategies-for-individuals-and-caregivers"),
)


@pytest.mark.parametrize(("line", "outcome", "entry"), _AS_BEFORE)
def test_the_contents_own_matter_keeps_its_outcome(typed: Callable[[str], Reply], line: str,
                                                   outcome: str, entry: str) -> None:
    reply = typed(line)
    assert reply.outcome == outcome, (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == entry, (line, reply.say)
