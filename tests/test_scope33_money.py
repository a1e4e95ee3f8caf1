"""Session 28 (branch scope33, issue 14): money asked about, or a household
account, with nothing of health care named, is declined.

The content's only money matter is help with the costs of care (Community
Support), and "insurance", "pay", "afford" fold onto its money word. So
"what is my insurance" was read Community Support in full, and "what's my
electric bill" Neuromodulation ("electric" folds onto stimulation): a
wrong answer read in full. Money with a treatment, device or support named
keeps its entry (voice/matching/money_only.py).

Lines written here (not CLINC150's), typed through the Conversation as
`voice text` does (shipped content)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.reply import Reply

SUPPORT = "community-support-and-awareness"


@pytest.mark.parametrize("line", [
    "what is my insurance",  # Community Support read in full before
    "can you explain my insurance",  # read in full before
    "what do they pay me",  # read in full before
    "what's my electric bill",  # Neuromodulation read in full before
    "how much is my electric bill",
    "what are my insurance benefits",
    "how do i get health insurance",
    "what is the best health insurance",
])
def test_money_with_nothing_of_care_declined(typed: Callable[[str], Reply], line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "no_match", (line, reply.outcome, reply.say)


@pytest.mark.parametrize(("line", "outcome"), [
    ("does insurance cover physio", "confirm"),
    ("does my insurance pay for physio", "confirm"),
    ("does my insurance cover botox", "confirm"),
    ("will insurance pay for my wheelchair", "confirm"),
    ("can insurance help with the cost of botox", "confirm"),
    ("is electric stimulation paid for by insurance", "confirm"),
    ("does insurance cover it", "confirm"),
    ("how much does treatment cost", "confirm"),
    ("who can help with the cost", "answer"),
    ("can i afford it", "answer"),
    ("is there financial help", "answer"),
    ("are there charities that help with costs", "answer"),
    ("we can't afford the treatment who can help", "answer"),
    ("is there help with the cost of care", "confirm"),
    ("can i get help paying for care", "confirm"),
    ("how do i raise money for research", "confirm"),  # inscope17-tuning
])
def test_money_with_care_named_keeps_its_entry(typed: Callable[[str], Reply], line: str,
                                               outcome: str) -> None:
    reply = typed(line)
    assert reply.outcome == outcome, (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == SUPPORT, (line, reply.match, reply.say)
