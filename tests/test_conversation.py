"""Whole conversations as transcripts: text in, replies out, no audio."""

import pytest

from voice.content.loader import load_knowledge, parse_markdown
from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, phrases
from voice.speech_out.base import VoiceSettings

from .conftest import CONTENT

CURE = "is-there-a-cure-for-neuromuscular-disorders"

#: Two entries a one-word question cannot tell apart: the matcher must ask.
TWINS = """# FAQ
## Do braces help?
Braces support weak joints.
Keywords: braces
## Which braces are there?
Ankle and knee braces.
Keywords: braces
"""


@pytest.fixture
def twins() -> Conversation:
    return Conversation(KnowledgeBase(tuple(parse_markdown(TWINS, "twins.md"))))


@pytest.fixture
def talk() -> Conversation:
    return Conversation(load_knowledge([CONTENT]), settings=VoiceSettings(rate=150, volume=0.7))


def test_question_then_repeat_then_slower(talk: Conversation) -> None:
    first = talk.respond("can these disorders be cured?")
    assert first.outcome == "answer" and first.match and first.match.id == CURE
    assert first.say.startswith(phrases.DISCLAIMER)
    again = talk.respond("say that again")
    assert again.command == "repeat" and again.say == first.say
    slower = talk.respond("slower please")
    assert slower.settings.rate == 125 and "slowly" in slower.say
    # "repeat" after "slower" repeats the answer, not the acknowledgement.
    assert talk.respond("what?").say == first.say
    second = talk.respond("what should I eat")
    assert not second.say.startswith(phrases.DISCLAIMER), "the note comes once a session"


def test_volume_and_rate_are_bounded(talk: Conversation) -> None:
    for _ in range(10):
        reply = talk.respond("louder")
    assert reply.settings.volume == 1.0 and "as loud as" in reply.say
    for _ in range(20):
        reply = talk.respond("faster")
    assert reply.settings.rate == 260 and "fastest" in reply.say
    assert talk.respond("quieter").settings.volume == 0.85


def test_confirm_then_yes(twins: Conversation) -> None:
    ask = twins.respond("braces")
    assert ask.outcome == "confirm"
    assert ask.say.startswith("Did you mean: Do braces help; or: Which braces are there?")
    first = ask.match
    answer = twins.respond("yes")
    assert answer.outcome == "answer" and answer.match == first


@pytest.mark.parametrize("yes", ["alright", "all right"])
def test_alright_is_a_yes(twins: Conversation, yes: str) -> None:
    # Whisper writes real speakers' "right" as "alright" at times.
    first = twins.respond("braces").match
    answer = twins.respond(yes)
    assert answer.outcome == "answer" and answer.match == first


def test_confirm_then_the_second_one(twins: Conversation) -> None:
    ask = twins.respond("um braces")
    answer = twins.respond("the second one")
    assert answer.match and answer.match != ask.match
    assert answer.match.title in ask.say


def test_confirm_then_no_asks_again(twins: Conversation) -> None:
    twins.respond("braces")
    reply = twins.respond("no")
    assert reply.say == phrases.ASK_AGAIN
    assert twins.respond("yes").outcome == "command", "the offer is gone after no"


def test_no_match_suggests_topics_then_lists_them(talk: Conversation) -> None:
    # Not the weather: said it cannot tell (small_turns.py, session 46).
    first = talk.respond("who won the football")
    assert first.outcome == "no_match" and first.match is None
    assert "I don't have an answer for that in what I know" in first.say
    assert "For example, you can ask:" in first.say
    talk.respond("play some music")
    third = talk.respond("tell me a joke")
    assert third.outcome == "no_match"
    assert phrases.TOPICS_INTRO in third.say and "Introduction" in third.say


def test_nothing_heard(talk: Conversation) -> None:
    reply = talk.respond("")
    assert reply.outcome == "no_match" and "didn't catch that" in reply.say


def test_emergency_comes_before_matching_even_asleep(talk: Conversation) -> None:
    reply = talk.respond("I have chest pain, what are the early signs")
    assert reply.outcome == "emergency" and "emergency number" in reply.say
    talk.respond("goodbye")
    assert talk.respond("I can't breathe").outcome == "emergency"


def test_sleep_and_wake(talk: Conversation) -> None:
    bye = talk.respond("goodbye")
    assert bye.command == "sleep" and bye.asleep and "wake up" in bye.say
    ignored = talk.respond("is there a cure")
    assert ignored.say == "" and ignored.match is None and ignored.asleep
    woke = talk.respond("wake up")
    assert woke.command == "wake" and not woke.asleep
    assert talk.respond("is there a cure").match is not None


def test_long_section_in_parts_and_stop(talk: Conversation) -> None:
    first = talk.respond("how can I cope")
    assert first.more and first.say.endswith(phrases.GO_ON)
    rest = talk.respond("go on")
    assert rest.outcome == "answer" and not rest.more
    assert "counseling" in rest.say
    assert talk.respond("more").say == phrases.NO_MORE
    talk.respond("how can I cope")
    stop = talk.respond("stop")
    assert stop.stop_speaking and stop.command == "stop"
    # The part not read is kept for "go on" (it said "That's all I have";
    # tests/test_journeys6_go_on.py), and then there is no more.
    assert "counseling" in talk.respond("go on").say
    assert talk.respond("go on").say == phrases.NO_MORE


def test_go_back(talk: Conversation) -> None:
    talk.respond("is there a cure")
    talk.respond("what should I eat")
    back = talk.respond("go back")
    assert back.match and back.match.id == CURE


def test_help_and_topics(talk: Conversation) -> None:
    help_reply = talk.respond("what can I ask")
    assert help_reply.command == "help" and "slower" in help_reply.say
    topics = talk.respond("list topics")
    assert topics.more and "Introduction" in topics.say
    more = talk.respond("more")
    assert "Medication" in more.say


def test_command_words_inside_questions_are_questions(talk: Conversation) -> None:
    reply = talk.respond("should I stop my medication")
    assert reply.command is None and not reply.stop_speaking
    # Not sure enough to answer, but the near miss is suggested by name.
    assert "Medication" in reply.say


def test_json_contract_fields(talk: Conversation) -> None:
    data = talk.respond("is it hereditary").to_json()
    for key in ("input", "outcome", "say", "match", "rate", "volume", "query", "score",
                "answer", "alternatives"):
        assert key in data
    assert data["match"]["kind"] == "faq"
    assert data["volume"] == 0.7


def test_a_misheard_reply_to_did_you_mean_asks_once_more(twins: Conversation) -> None:
    ask = twins.respond("braces")
    # "yes" came out as something else: the offer is not thrown away...
    again = twins.respond("guess")
    assert again.outcome == "confirm" and again.match == ask.match
    assert again.score == ask.score
    assert again.say == "Sorry, I didn't catch that. " + ask.say
    assert twins.respond("").outcome == "no_match"  # ...but asked once more only
    assert twins.respond("yes").outcome == "command", "the offer is gone"


def test_a_misheard_reply_is_asked_again_after_nothing_heard_too(twins: Conversation) -> None:
    ask = twins.respond("braces")
    assert twins.respond("").say.startswith("Sorry, I didn't catch that. Did you mean")
    assert twins.respond("the second one").match == ask.alternatives[0].entry


def test_a_new_question_after_did_you_mean_is_answered(talk: Conversation) -> None:
    assert talk.respond("braces for my legs").outcome == "confirm"
    answer = talk.respond("can these disorders be cured?")
    assert answer.outcome == "answer" and answer.match and answer.match.id == CURE


def test_topics_are_numbered_and_chosen_by_number(talk: Conversation) -> None:
    entries = talk.kb.entries
    early = talk.respond("seven")  # before the list: said how
    assert early.outcome == "no_match" and "list topics" in early.say
    listing = talk.respond("list topics")
    assert listing.say.startswith(f"{phrases.TOPICS_INTRO} 1, {entries[0].title}; 2, ")
    assert listing.say.endswith(phrases.MORE_TOPICS)
    parts = [talk.respond("more") for _ in range(4)]
    assert parts[0].say.startswith(f"7, {entries[6].title.rstrip('?')};")
    assert parts[-1].say.endswith(phrases.CHOOSE_BY_NUMBER) and not parts[-1].more
    for said, n in (("seven", 7), ("number 3", 3), ("topic twenty-one", 21), ("2", 2)):
        reply = talk.respond(said)
        assert reply.outcome == "answer" and reply.match == entries[n - 1], said
    beyond = talk.respond(f"number {len(entries) + 4}")
    assert beyond.outcome == "no_match"
    assert f"There is no topic {len(entries) + 4}. The topics go from 1 to {len(entries)}" in (
        beyond.say)


def test_number_said_with_number_needs_no_list_and_one_or_two_answer_an_offer(
    twins: Conversation, talk: Conversation
) -> None:
    reply = talk.respond("number nine")
    assert reply.outcome == "answer" and reply.match == talk.kb.entries[8]
    ask = twins.respond("braces")
    assert twins.respond("two").match == ask.alternatives[0].entry


def test_numbers_inside_questions_are_questions(talk: Conversation) -> None:
    talk.respond("list topics")
    reply = talk.respond("is there a cure for type two")
    assert reply.match and reply.match.id == CURE, "not topic 2"


def test_that_is_wrong_offers_the_runner_up(talk: Conversation) -> None:
    first = talk.respond("can these disorders be cured")
    assert first.outcome == "answer" and first.alternatives
    runner_up = first.alternatives[0].entry
    wrong = talk.respond("that's not what I asked")
    assert wrong.outcome == "confirm" and wrong.command == "wrong"
    assert wrong.say == f"{phrases.SORRY} Did you mean: {runner_up.title.rstrip('?')}? " \
                       "Please say yes or no."
    assert wrong.stop_speaking
    chosen = talk.respond("yes")
    assert chosen.outcome == "answer" and chosen.match == runner_up
    # Wrong again, and nothing else was close: ask again, no third guess.
    again = talk.respond("wrong")
    assert again.say == phrases.SORRY_ASK_AGAIN


def test_after_did_you_mean_the_other_offer_is_the_runner_up(twins: Conversation) -> None:
    ask = twins.respond("braces")
    twins.respond("yes")
    wrong = twins.respond("no")  # after a whole answer: not what was meant
    assert wrong.outcome == "confirm" and wrong.match == ask.alternatives[0].entry


def test_no_to_shall_i_go_on_is_not_a_wrong_answer(talk: Conversation) -> None:
    first = talk.respond("how can I cope")
    assert first.more, "a long section, in parts"
    reply = talk.respond("no")
    assert reply.say == phrases.WHAT_ELSE and reply.outcome == "command"


def test_a_doubtfully_heard_question_is_offered_not_answered(talk: Conversation) -> None:
    sure = talk.respond("can these disorders be cured?")
    assert sure.outcome == "answer" and sure.match and sure.match.id == CURE
    doubted = talk.respond("can these disorders be cured?", doubtful=True)
    assert doubted.outcome == "confirm" and doubted.match and doubted.match.id == CURE
    assert doubted.say.startswith("Did you mean")
    assert talk.respond("yes").match == doubted.match


def test_doubt_changes_nothing_but_questions(talk: Conversation) -> None:
    assert talk.respond("louder", doubtful=True).command == "louder"
    assert talk.respond("I can't breathe", doubtful=True).outcome == "emergency"
    assert talk.respond("what's the weather", doubtful=True).outcome == "no_match"


def test_no_answer_to_words_heard_unsurely_asks_again_instead_of_declining(
        talk: Conversation) -> None:
    # Misheard, a question about spasms can come out as anything; the user
    # must not be told it was off the subject.
    unsure = talk.respond("what's the weather", doubtful=True)
    assert unsure.say.startswith("Sorry, I didn't catch that clearly. Please ask again")
    assert "I don't have an answer for that in what I know" not in unsure.say
    assert "list topics" in unsure.say
    # Sure of the words, the weather is said it cannot tell (session 46).
    sure = talk.respond("who won the football")
    assert "I don't have an answer for that in what I know" in sure.say


@pytest.mark.parametrize("asked", ["are you a doctor", "Are you a doctor?",
                                   "is this medical advice", "who are you"])
def test_asked_about_itself_it_says_it_is_no_doctor(talk: Conversation, asked: str) -> None:
    # "are you a doctor" was answered, in full, with the entry on when to seek
    # medical attention.
    reply = talk.respond(asked)
    assert (reply.outcome, reply.command, reply.say) == ("command", "about", phrases.ABOUT_ME)
    assert "not medical advice" in reply.say and "doctor" in reply.say
    assert talk.respond("repeat").say == phrases.ABOUT_ME
    # A question about doctors is still a question.
    assert talk.respond("when should I see a doctor").outcome in ("answer", "confirm")


@pytest.mark.parametrize("typed", ["", "...", "???", "😀😀", " - "])
def test_a_line_without_words_is_not_caught_not_declined(talk: Conversation,
                                                          typed: str) -> None:
    # "..." was told "Sorry, I don't have an answer for that in what I know".
    reply = talk.respond(typed)
    assert reply.outcome == "no_match"
    assert reply.say == "Sorry, I didn't catch that. Please say it again, or say 'help'."


@pytest.mark.parametrize(("typed", "outcome"), [("y", "answer"), ("Y", "answer"),
                                                ("yes that one", "answer"), ("n", "command")])
def test_one_key_answers_to_did_you_mean(twins: Conversation, typed: str,
                                         outcome: str) -> None:
    # "y" was met with "Sorry, I didn't catch that. Did you mean ...?" again.
    assert twins.respond("braces").outcome == "confirm"
    reply = twins.respond(typed)
    assert reply.outcome == outcome
    if outcome == "command":
        assert reply.say == phrases.ASK_AGAIN


def test_a_lone_letter_is_no_answer_when_nothing_was_asked(talk: Conversation) -> None:
    assert talk.respond("y").command is None


@pytest.mark.parametrize("asked", ["can you call my doctor", "call my daughter please",
                                   "phone my doctor"])
def test_asked_to_phone_someone_it_says_it_cannot_and_what_to_do(talk: Conversation,
                                                                  asked: str) -> None:
    # "can you call my doctor" was answered, in full, with the entry on when
    # to seek medical attention.
    reply = talk.respond(asked)
    assert (reply.outcome, reply.command, reply.say) == ("command", "call", phrases.CANNOT_CALL)
    assert "emergency number" in reply.say
    # Asking when to call a doctor is still the question it was.
    assert talk.respond("when should I call a doctor").outcome == "answer"
