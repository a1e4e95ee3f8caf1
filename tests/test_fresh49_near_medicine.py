"""Session 39 (branch fresh49, issue 14): one's own dose of a pill for
anything gets the prescriber's notice and no offer of the Medication entry
when the scope model says the line is not about the content
(voice/conversation/near_medicine.py).

"i forgot to take my pill this morning, should i take two tonight"
(tests/data/health-tuning48.tsv) and "what happens if i take two doses of
my blood pressure pill by mistake" (tests/data/tuning32/health-tuning32.tsv)
were told to ask the pharmacist, then offered Medication (muscle relaxants,
botulinum toxin): the matcher's nearest entry below every threshold.
Without the module every test here fails (an import error; both lines were
offered Medication)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation import near_medicine
from voice.conversation.reply import Reply
from voice.matching.matcher import Matcher

#: Offered Medication before (the two tuning lines).
_OWN_DOSE = (
    "i forgot to take my pill this morning, should i take two tonight",
    "what happens if i take two doses of my blood pressure pill by mistake",
)


@pytest.mark.parametrize("line", _OWN_DOSE)
def test_the_notice_and_no_offer(typed: Callable[[str], Reply], matcher: Matcher,
                                 line: str) -> None:
    reply = typed(line)
    assert reply.outcome not in ("answer", "confirm"), (line, reply.outcome, reply.say)
    assert reply.match is None
    # The notice is still said, with where to turn and a way forward.
    assert "pharmacist" in reply.say and "emergency number" in reply.say
    assert "list topics" in reply.say
    assert not near_medicine.near_is_ours(line, matcher)


@pytest.mark.parametrize("line", _OWN_DOSE)
def test_the_switch_restores_the_offer(typed: Callable[[str], Reply],
                                       monkeypatch: pytest.MonkeyPatch, line: str) -> None:
    monkeypatch.setattr(near_medicine, "ON", False)
    reply = typed(line)
    assert reply.outcome == "confirm"
    assert reply.match is not None and reply.match.id == "medication"


def test_misheard_speech_keeps_the_route(matcher: Matcher) -> None:
    # Words taken for mishearings: the raw words carry no evidence.
    assert near_medicine.near_is_ours(_OWN_DOSE[0], matcher, misheard=True)


#: Own-medicine lines the near-miss route (or another) offers Medication for,
#: the scope model saying ours: offered as before.
_STILL_OFFERED = (
    "should i stop my medication",
    "should i stop my tablets",
    "should i stop my baclofen",
    "can i take my tablets early",
    "should my wife take her tablets before bed",
    "is it safe to skip my medication for a day",
)


@pytest.mark.parametrize("line", _STILL_OFFERED)
def test_ours_still_offered(typed: Callable[[str], Reply], line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == "medication"


def test_near_route_ours(matcher: Matcher) -> None:
    assert near_medicine.near_is_ours("should i stop my medication", matcher)


def test_shipped_on() -> None:
    assert near_medicine.ON
