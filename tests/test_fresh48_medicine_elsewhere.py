"""Session 38 (branch fresh48, issue 14): a medicine asked of for a
condition the content never mentions gets the prescriber's notice and no
offer of the Medication entry (voice/conversation/medicine_elsewhere.py).

"when should my baby have the measles jab" (tests/data/health-tuning48.tsv)
was told to ask the pharmacist, then offered Medication (muscle relaxants,
botulinum toxin): the matcher's nearest entry below every threshold, on
"jab" alone. Without the module every test here fails (an import error; the
lines were offered Medication)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation import medicine_elsewhere, near_medicine
from voice.conversation.reply import Reply
from voice.matching.matcher import Matcher

#: Offered Medication before: health-tuning48.tsv and two probes.
_NOT_OFFERED = (
    ("when should my baby have the measles jab", "measles"),
    ("when should my son have his flu jab", "flu"),
    ("i forgot my diabetes tablets this morning", "diabetes"),
)


@pytest.mark.parametrize(("line", "condition"), _NOT_OFFERED)
def test_the_notice_and_no_offer(typed: Callable[[str], Reply], matcher: Matcher,
                                 line: str, condition: str) -> None:
    reply = typed(line)
    assert reply.outcome not in ("answer", "confirm"), (line, reply.outcome, reply.say)
    assert reply.match is None
    # The prescriber's notice is still said.
    assert "pharmacist" in reply.say
    assert medicine_elsewhere.other_condition(line, matcher) == condition


def test_the_switch_restores_the_offer(typed: Callable[[str], Reply],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(medicine_elsewhere, "ON", False)
    # Session 39's near_medicine declines the offer too (the scope model
    # says the line is not ours): off here, to isolate this rule.
    monkeypatch.setattr(near_medicine, "ON", False)
    reply = typed("when should my baby have the measles jab")
    assert reply.outcome == "confirm"
    assert reply.match is not None and reply.match.id == "medication"


#: Own-medicine lines about the content's medicines, or naming no other
#: condition: Medication offered as before.
_STILL_OFFERED = (
    "should i stop my baclofen",
    "how do i take my pills",
    "what happens if i miss a dose of my muscle relaxants",
    "should my husband stop his tizanidine",
)


@pytest.mark.parametrize("line", _STILL_OFFERED)
def test_ours_still_offered(typed: Callable[[str], Reply], matcher: Matcher,
                            line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == "medication"
    assert medicine_elsewhere.other_condition(line, matcher) is None


def test_a_medicine_word_is_no_other_condition(matcher: Matcher) -> None:
    """The notice's own subject ("antidepressants", a medicine the content
    never mentions) does not stop the offer; a part of the body neither."""
    assert medicine_elsewhere.other_condition("should i stop my antidepressants", matcher) is None
    assert medicine_elsewhere.other_condition("can i take my tablets for my calf",
                                              matcher) is None


def test_shipped_on() -> None:
    assert medicine_elsewhere.ON
