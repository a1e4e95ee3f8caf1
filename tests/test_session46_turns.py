"""Gaps found by typing into `voice text` (session 46) the small turns a
tired person with MS, ALS or myasthenia gravis, or their carer, says
between questions (voice/conversation/small_turns.py):

- "great", "cool", "hmm", "nice one", "brilliant", "that helps", "i see",
  "got it", "perfect thanks", "good stuff" after an answer (and alone)
  were declined plainly ("Sorry, I don't have an answer for that in what I
  know. I can answer questions about ..."); "i see" offered the FAQ on
  when to seek medical attention;
- "ta", "cheers love", "bless you" were declined plainly;
- "speak up im deaf", "i'm hard of hearing", "you're mumbling", "stop
  mumbling", "still too quiet" were declined, where "speak up" turned the
  voice up; "talk slower i cant keep up", "i cant keep up", "speak
  clearly" were declined, where "talk slower" slowed it;
- "you're useless", "that's rubbish", "this is pointless", "you already
  said that", "i know that already", "you're not listening", "you didn't
  answer my question" were declined plainly, where "that's not helpful"
  offered the runner-up;
- "night night" read Impact on Daily Life in full; "cheerio", "morning",
  "evening all", "hi love" were declined plainly;
- "is this a doctor" read the FAQ on when to seek medical attention in
  full; "my carer is typing for me" read Coping Strategies in full, "i'm
  typing for my mum" offered the FAQ on heredity;
- "are you awake", "you there", "again but slower", "the answer before",
  "go back one", "pause for a moment", "is this being
  recorded", "not too bad", "sorry i'm slow" were declined plainly;
- "seriously" after an answer read the FAQ on when to seek medical
  attention in full; "really", "wow", "no way" were declined plainly;
- "i'll ask my doctor", "i'll think about it", "i will try that" were
  declined plainly, "worth a try" offered the physiotherapy FAQ;
- "did you get that", "do you understand me", "that was a lot", "too much
  information", "bye love", "goodnight love", "i think thats all", "cheers
  for that", "sorry for the typos", "im fine how are you", "one more time
  slower", "hello anyone home", "how do you know" were declined plainly;
- "nothing else thanks" after an answer was taken for "tell me more" and
  offered the next entry; "no more questions" was declined plainly.

Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import offered_id as _offered
from .conftest import voice_text_replies

DECLINED = "Sorry, I don't have an answer for that"
ASKED = "what causes spasms"
GLAD = "Glad that helped. Ask me another question whenever you like."
ANOTHER = "All right. Ask me another question whenever you like."
WHENEVER = "All right. Ask me a question whenever you like"


@pytest.mark.parametrize("said", [
    "great", "cool", "nice one", "brilliant", "that helps", "perfect thanks", "good stuff",
    "ok great", "brill", "lovely",
])
def test_praise_after_an_answer_is_glad_it_helped(tmp_path: Path, said: str) -> None:
    answered, reply = voice_text_replies([ASKED, said], tmp_path)
    assert answered["outcome"] == "answer", answered
    assert reply["say"] == GLAD, reply
    assert _offered(reply) is None, reply


@pytest.mark.parametrize("said", ["hmm", "i see", "got it", "fair enough", "oh right",
                                  "interesting", "mhm"])
def test_a_plain_acknowledgement_after_an_answer_is_the_way_forward(
        tmp_path: Path, said: str) -> None:
    _, reply = voice_text_replies([ASKED, said], tmp_path)
    assert reply["say"] == ANOTHER, reply
    assert _offered(reply) is None, reply


@pytest.mark.parametrize("said", ["great", "hmm", "i see"])
def test_an_acknowledgement_before_any_answer_names_the_way_forward(
        tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(WHENEVER), reply
    assert _offered(reply) is None, reply


def test_an_acknowledgement_to_an_offer_reads_nothing_and_offers_again(
        tmp_path: Path) -> None:
    offer, reply, repeated = voice_text_replies(["i'm exhausted", "hmm", "repeat"], tmp_path)
    assert offer["outcome"] == "confirm", offer
    assert reply["outcome"] == "confirm" and _offered(reply) == _offered(offer), reply
    assert str(reply["say"]).startswith("Would you like to hear about"), reply
    assert repeated["outcome"] != "answer", repeated


def test_repeat_after_an_acknowledgement_says_the_answer(tmp_path: Path) -> None:
    answered, _, again = voice_text_replies([ASKED, "great", "repeat"], tmp_path)
    assert again["say"] == answered["say"], again


@pytest.mark.parametrize("said", ["ta", "cheers love", "bless you", "thanks love"])
def test_thanks_in_everyday_words_is_welcomed(tmp_path: Path, said: str) -> None:
    _, reply = voice_text_replies([ASKED, said], tmp_path)
    assert reply["command"] == "thanks", reply
    assert str(reply["say"]).startswith("You're welcome."), reply


@pytest.mark.parametrize(("said", "command"), [
    ("speak up im deaf", "louder"), ("i'm hard of hearing", "louder"),
    ("i'm a bit deaf", "louder"), ("you're mumbling", "louder"), ("stop mumbling", "louder"),
    ("still too quiet", "louder"), ("my hearing is bad", "louder"),
    ("talk slower i cant keep up", "slower"), ("i cant keep up", "slower"),
    ("speak clearly", "slower"), ("much slower", "slower"), ("still too fast", "slower"),
])
def test_how_it_speaks_said_with_why(tmp_path: Path, said: str, command: str) -> None:
    _, reply = voice_text_replies([ASKED, said], tmp_path)
    assert reply["command"] == command, reply


@pytest.mark.parametrize("said", [
    "you're useless", "that's rubbish", "this is pointless", "you already said that",
    "i know that already", "you're not listening", "you didn't answer my question",
    "stupid machine", "nope wrong answer",
])
def test_frustration_after_an_answer_offers_the_runner_up(tmp_path: Path, said: str) -> None:
    _, reply = voice_text_replies([ASKED, said], tmp_path)
    assert reply["command"] == "wrong", reply
    assert str(reply["say"]).startswith("Sorry about that."), reply
    assert reply["outcome"] != "answer", reply


def test_frustration_with_nothing_answered_asks_again(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["you're useless"], tmp_path)
    assert str(reply["say"]).startswith("Sorry about that. Please ask again"), reply


@pytest.mark.parametrize(("said", "command"), [
    ("night night", "sleep"), ("cheerio", "sleep"), ("i'm off to bed", "sleep"),
    ("nothing else thanks", "sleep"), ("no more questions", "sleep"),
    ("morning", "greet"), ("evening all", "greet"), ("hi love", "greet"),
    ("good morning love", "greet"),
    ("are you awake", "wake"), ("you there", "wake"), ("still there", "wake"),
    ("pause for a moment", "pause"), ("brb", "pause"),
    ("i'll be back", "pause"),
    ("is this being recorded", "privacy"), ("is anyone listening to this", "privacy"),
    ("is this a doctor", "about"), ("tell me what you can do", "help"),
    ("am i talking to a real person", "about"),
    ("you lost me", "repeat"), ("can you explain that simpler", "simpler"),
])
def test_small_turns_after_an_answer_are_carried_out(
        tmp_path: Path, said: str, command: str) -> None:
    _, reply = voice_text_replies([ASKED, said], tmp_path)
    assert reply["command"] == command, reply
    assert reply["outcome"] not in ("answer", "confirm"), reply


def test_again_but_slower_says_it_again_slower(tmp_path: Path) -> None:
    answered, reply = voice_text_replies([ASKED, "again but slower"], tmp_path)
    assert reply["command"] == "again_slower", reply
    assert reply["say"] == answered["say"] and reply["rate"] < answered["rate"], reply


def test_the_answer_before_in_other_words_goes_back(tmp_path: Path) -> None:
    first, _, reply = voice_text_replies([ASKED, "is there a cure", "the answer before"],
                                         tmp_path)
    assert _offered(reply) == _offered(first), reply
    assert reply["outcome"] == "answer", reply


@pytest.mark.parametrize(("said", "say"), [
    ("my carer is typing for me", "Thank you for telling me."),
    ("i'm typing for my mum", "Thank you for telling me."),
    ("this is my husband typing", "Thank you for telling me."),
    ("not too bad", "I'm glad to hear that."),
    ("sorry i'm slow", "That's all right, take your time."),
])
def test_said_about_the_user_is_met_without_an_answer(
        tmp_path: Path, said: str, say: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(say), reply
    assert _offered(reply) is None, reply


@pytest.mark.parametrize(("said", "command"), [
    ("seriously", "noted"), ("really", "noted"), ("wow", "noted"), ("no way", "noted"),
    ("i'll ask my doctor", "plan"), ("i'll think about it", "plan"),
    ("i will try that", "plan"), ("worth a try", "plan"),
    ("did you get that", "what_heard"), ("do you understand me", "what_heard"),
    ("that was a lot", "shorter"), ("too much information", "shorter"),
    ("bye love", "sleep"), ("goodnight love", "sleep"), ("i think thats all", "sleep"),
    ("cheers for that", "thanks"), ("sorry for the typos", "no_rush"),
    ("im fine how are you", "well"), ("one more time slower", "again_slower"),
    ("hello anyone home", "wake"), ("how do you know", "source"),
])
def test_more_small_turns_after_an_answer(tmp_path: Path, said: str, command: str) -> None:
    _, reply = voice_text_replies([ASKED, said], tmp_path)
    assert reply["command"] == command, reply
    if command != "again_slower":
        assert reply["outcome"] not in ("answer", "confirm"), reply


def test_what_they_will_do_is_a_good_idea(tmp_path: Path) -> None:
    _, reply = voice_text_replies([ASKED, "i'll ask my doctor"], tmp_path)
    assert reply["say"] == ("That sounds like a good idea. Ask me another question "
                            "whenever you like."), reply


def test_praise_to_an_offer_offers_it_again_plainly(tmp_path: Path) -> None:
    offer, reply = voice_text_replies(["i'm exhausted", "great"], tmp_path)
    assert offer["outcome"] == "confirm", offer
    assert reply["outcome"] == "confirm" and _offered(reply) == _offered(offer), reply
    assert str(reply["say"]).startswith("Would you like to hear about"), reply


@pytest.mark.parametrize("said", ["what time is it", "what's the weather like today",
                                  "what day is it", "is it going to rain tomorrow"])
def test_the_time_or_the_weather_is_said_to_be_beyond_it(tmp_path: Path, said: str) -> None:
    """Declined plainly before ("Sorry, I don't have an answer for that"):
    it has no clock or network use for them, and says so with what it does."""
    from voice.conversation import phrases

    reply = voice_text_replies([said], tmp_path)[0]
    assert reply["say"] == phrases.CANNOT_TELL_TIME and reply["outcome"] != "answer"
