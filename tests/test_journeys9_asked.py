"""Journeys of 2026-12-02 (`voice text`, `voice ask`, `voice serve`): things a
first-time user says that are no question about the content, each declined
before as if it were one ("Sorry, I don't have an answer for that in what I
know"), or offered an entry:

- "what do you keep about me?", "are you recording me?", "does my data leave
  this device?" (offered "Technological Innovations in Treatment");
- "can you hear me?", "are you listening?";
- "wait", "hold on", "one moment" (a tired user asking for a moment; the third
  such line read out the whole topic list);
- "how do I use this";
- "I want to talk to a human";
- "say that again slower", "can you repeat that more slowly" (the third such
  line read out the topic list), "say it louder".

Each test failed before the fix (docs/user-journeys.md, "Checked on 2026-12-02").
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from voice.content.loader import load_knowledge
from voice.conversation import Conversation, phrases
from voice.conversation.commands import asks_about_privacy

from .conftest import CONTENT, every_typed_line, voice_text_replies
from .test_privacy import FALSE_CLAIMS

#: A shipped entry read in two parts ("Shall I go on?").
LONG_QUESTION = "how can caregivers cope"

PRIVACY_QUESTIONS = [
    "what do you keep about me?", "Are you recording me?", "is this private?",
    "do you record what I say", "does my data leave this device?", "do you store my voice",
    "who can hear this?", "where does my information go?", "what do you know about me",
    "is my information safe?", "delete my data",
]


@pytest.fixture
def talk() -> Conversation:
    return Conversation(load_knowledge([CONTENT]))


@pytest.mark.parametrize("said", PRIVACY_QUESTIONS)
def test_asked_what_it_keeps_it_says_so(talk: Conversation, said: str) -> None:
    reply = talk.respond(said)
    assert (reply.outcome, reply.command, reply.say) == ("command", "privacy", phrases.PRIVACY)


@pytest.mark.parametrize("said", [
    "is it safe to exercise", "is my medication safe", "should I record my symptoms",
    "how do I store my medication", "what should I keep track of",
    "do you know what causes spasms", "delete my list", "is this safe",
])
def test_questions_with_those_words_are_no_privacy_question(said: str) -> None:
    assert not asks_about_privacy(said)


def test_no_typed_line_of_the_question_sets_is_taken_for_one() -> None:
    """None of the typed sets (in scope, out of scope, everyday requests,
    health questions, emergencies): counted, not read line by line."""
    lines = every_typed_line()
    assert sum(asks_about_privacy(t) for t in lines) == 0


def test_what_it_says_about_privacy_is_true() -> None:
    """Held to voice/privacy.py, as every other privacy statement is."""
    from voice.privacy import KEPT
    from voice.services.question_log import KEEP_DAYS
    from voice.speech_in.pocketsphinx.learning import KEEP

    say = phrases.PRIVACY
    assert f"last {KEEP} questions" in say and "voice adapt --reset" in say
    assert f"for {KEEP_DAYS} days" in say and "question log" in say
    assert "forget what you learned" in say
    # Every row that keeps the user's words or voice is spoken of.
    assert {k.where for k in KEPT if k.voice or k.words} == {
        "adaptation/learned/", "adaptation/enrolled/", "phrasings.json", "questions.jsonl"}
    for claim in FALSE_CLAIMS:
        assert re.search(claim, say.lower()) is None, claim


@pytest.mark.parametrize("said", ["can you hear me?", "Are you listening?", "is anyone there"])
def test_asked_whether_it_is_there_it_says_it_is(talk: Conversation, said: str) -> None:
    assert talk.respond(said).say == phrases.ALREADY_AWAKE


def test_asked_whether_it_is_there_while_asleep_it_wakes(talk: Conversation) -> None:
    talk.respond("goodbye")
    assert talk.respond("can you hear me").say == phrases.WAKE


@pytest.mark.parametrize("said", ["wait", "hold on", "one moment", "hang on", "pause"])
def test_wait_keeps_the_rest_for_go_on(talk: Conversation, said: str) -> None:
    first = talk.respond(LONG_QUESTION)
    assert first.more
    paused = talk.respond(said)
    assert (paused.say, paused.stop_speaking) == (phrases.PAUSED_WITH_MORE, True)
    rest = talk.respond("go on")
    assert rest.outcome == "answer" and rest.match == first.match


def test_wait_three_times_is_not_read_the_topic_list(talk: Conversation) -> None:
    replies = [talk.respond(s) for s in ("wait", "hold on", "one moment")]
    assert [r.say for r in replies] == [phrases.PAUSED] * 3


def test_wait_keeps_a_did_you_mean_open(talk: Conversation) -> None:
    offer = talk.respond("how do i treat it")
    assert offer.outcome == "confirm"
    talk.respond("hold on")
    assert talk.respond("the second one").outcome == "answer"


def test_how_do_i_use_this_is_help(talk: Conversation) -> None:
    assert talk.respond("how do I use this?").command == "help"


def test_asking_for_a_person_is_told_how_to_reach_one(talk: Conversation) -> None:
    assert talk.respond("I want to talk to a human").say == phrases.CANNOT_CALL


@pytest.mark.parametrize("said", ["say that again slower", "can you repeat that more slowly",
                                  "slower please and repeat", "Could you say it again slowly?"])
def test_again_slower_slows_down_and_repeats(talk: Conversation, said: str) -> None:
    first = talk.respond(LONG_QUESTION)
    again = talk.respond(said)
    assert again.say == first.say and again.stop_speaking
    assert again.settings.rate < first.settings.rate
    assert again.settings.volume == first.settings.volume


@pytest.mark.parametrize("said", ["say that again louder", "repeat it louder", "say it louder"])
def test_again_louder_speaks_up_and_repeats(talk: Conversation, said: str) -> None:
    talk.respond("quieter")
    first = talk.respond(LONG_QUESTION)
    again = talk.respond(said)
    assert again.say == first.say
    assert again.settings.volume > first.settings.volume
    assert again.settings.rate == first.settings.rate


def test_again_slower_before_any_answer_says_there_is_none(talk: Conversation) -> None:
    assert talk.respond("say that again slower").say == phrases.NOTHING_TO_REPEAT


def test_the_journey_through_voice_text(tmp_path: Path) -> None:
    """The same lines typed into a real `voice text`."""
    said = ["can you hear me", LONG_QUESTION, "hold on", "go on", "what do you keep about me",
            "say that again slower", "quit"]
    hello, first, paused, rest, privacy, again, _ = voice_text_replies(said, tmp_path)
    assert hello["say"] == phrases.ALREADY_AWAKE
    assert first["more"] and paused["say"] == phrases.PAUSED_WITH_MORE
    assert rest["outcome"] == "answer" and rest["match"] == first["match"]
    assert privacy["say"] == phrases.PRIVACY
    assert again["say"] == phrases.PRIVACY and int(again["rate"]) < int(privacy["rate"])
