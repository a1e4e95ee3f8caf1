"""Session 36 (branch scope45, issue 14): people's questions to therapists
(tests/data/counsel/, Counsel Chat, MIT; scripts/make_counsel_sets.py), and
a problem dealt with that the content never names is declined
(voice/matching/done_to_unknown.py).

"How do I manage my anger?", "I need help controlling my anger" (the new
tuning half) and "is there any medicine to control anger?" (iCliniq's) were
offered Treatment Approaches or Medication on "manage" / "control" alone.
A part of the body after the verb, or the content's own matter, keeps what
it had ("how do i stretch my neck", "how do i manage my spasms").

Typed through the Conversation as `voice text` does (shipped content)."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from voice.conversation.reply import Reply
from voice.matching import done_to_unknown
from voice.matching.matcher import Matcher

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "counsel"


def _lines(name: str) -> list[str]:
    return [line for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def test_the_halves_are_split_by_the_sha1_rule() -> None:
    tuning, held = _lines("counsel-tuning.tsv"), _lines("counsel-heldout.tsv")
    assert len(tuning) == 61 and len(held) == 59
    for half, even in ((tuning, True), (held, False)):
        for q in half:
            assert (hashlib.sha1(q.lower().encode()).digest()[0] % 2 == 0) is even
    assert not {q.lower() for q in tuning} & {q.lower() for q in held}


def test_no_line_names_the_contents_matter() -> None:
    """Lines about our content are left out, not labelled (make_counsel_sets.py)."""
    sys.path.insert(0, str(REPO / "scripts"))
    import make_counsel_sets as mk

    for q in _lines("counsel-tuning.tsv") + _lines("counsel-heldout.tsv"):
        assert not (mk.OURS.search(q) or mk.OURS_TEXT.search(q) or mk.COPING.search(q))
        assert mk.MIN_WORDS <= len(q.split()) <= mk.MAX_WORDS


def test_the_licence_is_kept() -> None:
    assert "MIT License" in (REPO / "tests" / "data" / "LICENSE-counsel-chat.txt").read_text()


_DECLINED = (
    "How do I manage my anger?",
    "I need help controlling my anger",
    "is there any medicine to control anger?",
    "how do i manage my anger",
)


@pytest.mark.parametrize("line", _DECLINED)
def test_a_problem_the_content_never_names_is_declined(
        typed: Callable[[str], Reply], line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "no_match", (line, reply.outcome, reply.say)


def test_the_word_asked_about(matcher: Matcher) -> None:
    assert done_to_unknown.done_to_unknown(matcher, "how do i manage my anger") == "anger"
    assert done_to_unknown.done_to_unknown(matcher, "how do i manage my spasms") is None
    assert done_to_unknown.done_to_unknown(matcher, "how do i stop my hand shaking") is None


def test_the_switch_restores_the_offer(matcher: Matcher, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(done_to_unknown, "ON", False)
    assert done_to_unknown.done_to_unknown(matcher, "how do i manage my anger") is None
    assert matcher.match("how do i manage my anger").outcome == "confirm"


def test_not_without_the_scope_check(kb: object) -> None:
    """The benchmark's "without" column: the plain matcher, as before."""
    plain = Matcher(kb, check_scope=False)  # type: ignore[arg-type]
    assert done_to_unknown.done_to_unknown(plain, "how do i manage my anger") is None


#: A part of the body, a faculty, the content's own matter: as before
#: (probes; each had this outcome before the change).
_AS_BEFORE = (
    ("how do i manage my spasms", "confirm", "treatment-approaches-for-long-term-management"),
    ("how do i stretch my neck", "answer", "physical-therapy"),
    ("how can i relax my shoulders", "answer",
     "coping-strategies-for-individuals-and-caregivers"),
    ("how can i improve my grip", "confirm", "how-do-assistive-devices-improve-mobility"),
    ("how do i manage my stiffness", "confirm", "physical-therapy"),
    ("how can i control the jerking", "answer", "treatment-approaches-for-long-term-management"),
    ("how can i ease the tightness", "answer", "physical-therapy"),
    ("how do i manage my caregiver burnout", "answer",
     "coping-strategies-for-individuals-and-caregivers"),
)


@pytest.mark.parametrize(("line", "outcome", "entry"), _AS_BEFORE)
def test_the_contents_own_matter_keeps_its_outcome(typed: Callable[[str], Reply], line: str,
                                                   outcome: str, entry: str) -> None:
    reply = typed(line)
    assert reply.outcome == outcome, (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == entry, (line, reply.say)
