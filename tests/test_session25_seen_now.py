"""Session 25: a worrying sign told as it is seen. In `voice text`, "he
can't swallow properly", "she's confused" and "he is in pain" were declined
(the third reading out the topic list), and "I can't swallow" was read the
early-signs FAQ in full. Now the user hears when to call for help at once
and to tell the doctor or nurse, then the FAQ on when to seek medical
attention is offered, never read unasked (voice/conversation/seen_now.py)."""

from __future__ import annotations

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, phrases
from voice.conversation.seen_now import sign_seen_now
from voice.matching.emergency import is_emergency
from voice.matching.matcher import Matcher

from .conftest import every_typed_line

SEE_A_DOCTOR = "when-should-someone-seek-medical-attention-for-muscle-spasms"

SEEN = [
    "he can't swallow properly", "she's confused", "he is in pain", "I can't swallow",
    "my husband can't swallow", "he's very confused and drowsy", "my wife is slurring her words",
    "she is in a lot of pain", "my mum is very weak today", "he is struggling to swallow",
    "he can't stand up", "Help, my dad is confused.",
]


@pytest.mark.parametrize("said", SEEN)
def test_a_sign_seen_now_gets_when_to_call_then_an_offer(kb: KnowledgeBase, matcher: Matcher,
                                                         said: str) -> None:
    for heard in (False, True):
        talk = Conversation(kb, matcher)
        reply = talk.respond(said, heard=heard)
        assert reply.say.startswith(phrases.SEEN_NOW), reply.say
        assert reply.outcome == "confirm"
        chosen = talk.respond("yes")
        assert chosen.outcome == "answer" and chosen.match is not None
        assert chosen.match.id == SEE_A_DOCTOR


@pytest.mark.parametrize("said", [
    "can ms make it hard to swallow", "why do i feel confused", "I'm confused",
    "i'm a bit confused about the treatments", "what causes pain", "is pain a symptom of ms",
    "what are the early signs", "does als affect swallowing",
])
def test_questions_and_not_following_are_not_taken(said: str) -> None:
    assert not sign_seen_now(said)


@pytest.mark.parametrize("said", ["he can't swallow at all", "I'm struggling to breathe",
                                  "she is choking"])
def test_emergencies_stay_emergencies(kb: KnowledgeBase, matcher: Matcher, said: str) -> None:
    assert Conversation(kb, matcher).respond(said).outcome == "emergency"


#: The forum question of tests/data/forum/forum-ours-tuning.tsv this rule
#: rightly meets (session 44).
NUMB_TODAY = "my hand went numb today?"
#: A probe of tests/data/scope48/probes-tuning.tsv met since session 45
#: (branch typed45b) as heavy limbs told, its labelled entry (the early
#: signs) offered first.
LIKE_LEAD = "my feet feel like lead when i walk"


def test_no_typed_line_of_the_sets_but_an_emergency_is_taken() -> None:
    """Over every line of tests/data (held out too, counted, not read): the
    one line taken is an emergency, met as one before this rule is asked;
    since session 44 also a forum question of the tuning half, "my hand
    went numb today?", rightly told to call the emergency number if it came
    on suddenly (tests/data/forum); since session 45 a probe of heavy feet
    told (``LIKE_LEAD``)."""
    taken = [line for line in every_typed_line() if sign_seen_now(line)]
    assert len(taken) <= 3
    assert all(is_emergency(line) or line in (NUMB_TODAY, LIKE_LEAD) for line in taken)
