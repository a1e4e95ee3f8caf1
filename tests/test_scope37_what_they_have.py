"""Session 31 (branch scope37, issue 14): what a person is said to have,
when the content never names it, is declined, never read in full.

"how do i look after someone with a broken leg" and "how do i cope with a
bad back" were read the caring entry
(Coping Strategies) in full: "look after" folds onto the content's
caregiver, "broken" is light as every unknown word is, and legs are no word
of the score (voice/matching/what_they_have.py). "... with a broken wrist"
was declined already (the wrist is a body part the content never names).
Lines beside them, a person with something the content does name, keep
their entry.

Typed through the Conversation as `voice text` does (shipped content)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.reply import Reply

CARING = "coping-strategies-for-individuals-and-caregivers"


@pytest.mark.parametrize("line", [
    "how do i look after someone with a broken leg",
    "how do i care for someone with a bad back",
    "how do i look after someone with a bad burn",
    "how do i look after my wife after her operation",
    "how can i support someone with a bad cold",
    "how do i cope with a bad back",
    "how do i deal with a bad burn",
    "how do i cope with a broken arm in a cast",
])
def test_what_the_content_never_names_is_declined(typed: Callable[[str], Reply],
                                                  line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "no_match", (line, reply.outcome, reply.say)


def test_after_a_fall_when_to_get_help_then_offers(typed: Callable[[str], Reply]) -> None:
    # Declined until session 34; a fall now gets when to get help first and
    # what helps with walking offered (conversation/falls.py), never read.
    reply = typed("how do i care for my dad after a fall")
    assert reply.outcome == "confirm" and reply.say.startswith("Falls can be serious"), reply


@pytest.mark.parametrize(("line", "outcome", "entry"), [
    ("how do i look after someone with spasms", "answer", CARING),
    ("how do i look after my husband with ms", "answer", CARING),
    ("how do i care for my wife with fatigue", "answer", CARING),
    ("how do i care for someone with a neuromuscular condition", "answer", CARING),
    ("how do i help my dad after his botox injections", "answer", "medication"),
    ("how do i look after someone with weak legs", "confirm", CARING),
    ("how do i care for my mum after her diagnosis", "confirm", CARING),
    ("how do i help my husband with his wheelchair", "confirm",
     "how-do-assistive-devices-improve-mobility"),
    ("how do i help my dad with his physio", "confirm",
     "what-role-does-physical-therapy-play-in-managing-these-conditions"),
    ("how do i cope with poor sleep", "answer", CARING),
    ("how do i cope with muscle cramps", "answer", CARING),
    ("how do i cope with being a carer", "answer", CARING),
    ("how do i cope with a walker", "confirm", CARING),
    ("how do i live with a neuromuscular disorder", "confirm", "impact-on-daily-life"),
    # The home topic since session 43 (not_covered.py), the equipment offered.
    ("we are struggling with the stairs", "confirm", "assistive-devices"),
])
def test_what_the_content_names_keeps_its_entry(typed: Callable[[str], Reply], line: str,
                                                outcome: str, entry: str) -> None:
    reply = typed(line)
    assert reply.outcome == outcome, (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == entry, (line, reply.match, reply.say)
