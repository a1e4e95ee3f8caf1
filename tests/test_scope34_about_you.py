"""Session 29 (branch scope34, issue 14): a line about the assistant itself
(who it works for, what it enjoys, whether it is a robot, how it is doing)
is declined, not answered with the entry its one everyday word folds onto.

"what does your life mean to you" was read Impact on Daily Life in full,
"i want to know if you are a robot" Technological Innovations, "how do i
activate you please" The Role of Exercise: a wrong answer read in full.
The "you" of a health question is anyone ("how do you treat spasms", "can
stress make your spasms worse"), and a request to the assistant asks about
what follows ("what would you recommend for cramps"): those keep their
entry (voice/matching/about_you.py).

Lines written here (not CLINC150's), typed through the Conversation as
`voice text` does (shipped content)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from voice.conversation.reply import Reply


@pytest.mark.parametrize("line", [
    "what does your life mean to you",  # Impact on Daily Life read in full before
    "would you say you are a computer",  # Technological Innovations read in full before
    "i want to know if you are a robot",  # read in full before
    "how do i activate you please",  # The Role of Exercise read in full before
    "who is your manager at work",
    "what kind of activities do you enjoy doing",
    "where do you work",
    "how can i get your attention",
    "wake up, assistant",
])
def test_the_assistant_asked_about_is_declined(typed: Callable[[str], Reply], line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "no_match", (line, reply.outcome, reply.say)


@pytest.mark.parametrize(("line", "command"), [
    # Commands said loosely (voice/conversation/said_loosely.py, main's
    # session 29): stopped and the topic list, rather than declined or
    # the Introduction read.
    ("ai, shut up", "Stopped."),
    ("what topics do you cover", "You can ask me about"),
])
def test_the_assistant_told_what_to_do_does_it(typed: Callable[[str], Reply], line: str,
                                               command: str) -> None:
    reply = typed(line)
    assert reply.outcome == "command" and reply.say.startswith(command), (line, reply.say)


@pytest.mark.parametrize(("line", "outcome", "entry"), [
    ("how do you treat spasms", "answer", "treatment-approaches-for-long-term-management"),
    ("are you born with it", "answer", "are-neuromuscular-disorders-hereditary"),
    ("does it run in your family", "answer", "are-neuromuscular-disorders-hereditary"),
    ("how does ms affect your life", "answer", "impact-on-daily-life"),
    ("can you still work", "confirm", "impact-on-daily-life"),
    ("can stress make your spasms worse", "confirm",
     "can-lifestyle-changes-help-manage-chronic-spasms"),
    ("can your muscles get stronger", "answer", "physical-therapy"),
    ("does your diet matter", "answer", "dietary-adjustments"),
    ("what would you recommend for cramps", "confirm",
     "treatment-approaches-for-long-term-management"),
    ("do you have anything on diet", "answer", "dietary-adjustments"),
    ("what do you think about acupuncture", "answer", "alternative-therapies"),
    ("how do you stay positive", "answer", "coping-strategies-for-individuals-and-caregivers"),
    ("can you get help with the cost of care", "confirm", "community-support-and-awareness"),
    ("what support is there for you as a carer", "answer",
     "coping-strategies-for-individuals-and-caregivers"),
    ("how does a robot suit help you walk", "answer", "technological-innovations-in-treatment"),
    ("what can robots do for you", "answer", "technological-innovations-in-treatment"),
    ("what about robots and ai", "answer", "technological-innovations-in-treatment"),
    ("robot suits, are they any good", "answer", "technological-innovations-in-treatment"),
    ("can ai help diagnose als", "answer", "technological-innovations-in-treatment"),
])
def test_anyones_you_and_requests_keep_their_entry(typed: Callable[[str], Reply], line: str,
                                                    outcome: str, entry: str) -> None:
    reply = typed(line)
    assert reply.outcome == outcome, (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == entry, (line, reply.match, reply.say)
