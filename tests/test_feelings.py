"""Someone saying how they feel is met kindly, and offered, not read, an entry.

"I feel sad", "I am tired", "I'm scared" name a subject (sadness, fatigue,
fear), so a whole section was read to a sentence that asked nothing. A line
of distress ("I can't go on") was declined or offered with no kind word.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, phrases
from voice.conversation.feelings import feeling_of, is_question
from voice.matching.matcher import Matcher

from .conftest import DATA

COPING = "coping-strategies-for-individuals-and-caregivers"
DAILY_LIFE = "impact-on-daily-life"


@pytest.mark.parametrize(("line", "kind", "entry"), [
    ("I feel sad", "I'm sorry you're sad.", COPING),
    ("I am tired", "I'm sorry you're tired.", DAILY_LIFE),
    ("I'm scared", "I'm sorry you're scared.", COPING),
    ("I am lonely", "I'm sorry you're lonely.", COPING),
    ("I'm so fed up with all this", "I'm sorry you're fed up.", COPING),
    ("I cannot sleep", phrases.SORRY_TO_HEAR, DAILY_LIFE),
    ("i am a carer and i am exhausted", "I'm sorry you're exhausted.", COPING),
    # A real person's words (LibriSpeech 237-134500), answered with Coping
    # Strategies in full before.
    ("if I feel that way I feel that way", phrases.THANKS_FOR_TELLING, COPING),
])
def test_a_feeling_is_met_kindly_and_the_entry_offered_not_read(
        kb: KnowledgeBase, matcher: Matcher, line: str, kind: str, entry: str) -> None:
    before = matcher.match(line)
    assert before.entry is not None and before.entry.id == entry
    talk = Conversation(kb, matcher)
    reply = talk.respond(line)
    assert reply.outcome == "confirm", reply.say
    assert reply.match is not None and reply.match.id == entry
    assert reply.say.startswith(f"{kind} Would you like to hear about: ")
    assert reply.answer is None and reply.match.answer[:40] not in reply.say
    # "yes" reads it, as after "Did you mean ...?"; the words are not learned,
    # so the next "I feel sad" is met kindly again.
    answer = talk.respond("yes")
    assert answer.outcome == "answer" and answer.match is not None
    assert answer.match.id == entry and answer.learned is None
    assert talk.respond(line).outcome == "confirm"


def test_a_feeling_spoken_is_offered_too(kb: KnowledgeBase, matcher: Matcher) -> None:
    reply = Conversation(kb, matcher).respond("I'm scared", heard=True)
    assert reply.outcome == "confirm"
    assert reply.say.startswith("I'm sorry you're scared. Would you like to hear about: ")


@pytest.mark.parametrize("line", [
    "I can't go on", "I feel hopeless", "I feel like giving up", "I just want to give up",
    "I don't want to be here any more", "I am a burden to my family",
    "what's the point of living", "nobody would miss me",
])
def test_a_line_of_distress_is_never_passed_over(kb: KnowledgeBase, line: str) -> None:
    talk = Conversation(kb)
    reply = talk.respond(line)
    assert reply.say.startswith(phrases.DISTRESS), reply.say
    assert "call your local emergency number" in reply.say
    assert reply.outcome == "confirm" and reply.match is not None
    assert reply.match.id == COPING, "what the content has on coping is offered"
    assert reply.stop_speaking


def test_plain_words_of_danger_stay_emergencies(kb: KnowledgeBase) -> None:
    for line in ("I want to die", "I feel suicidal", "I'm going to kill myself"):
        assert Conversation(kb).respond(line).outcome == "emergency"


def test_a_good_feeling_is_glad_and_asks_what_next(kb: KnowledgeBase) -> None:
    for line in ("I feel happy today", "I am fine thanks", "I feel much better"):
        reply = Conversation(kb).respond(line)
        assert (reply.outcome, reply.say) == ("command", phrases.GLAD), line


@pytest.mark.parametrize("line", [
    "why am I so tired",
    "I am tired all the time, is that normal",
    "I'm scared, what can I do?",
    "how do i stop feeling anxious all the time",
    "can you get depressed in the winter",
    "is a wheelchair giving up or does it help",  # dev.tsv: not distress
    "I gave up smoking, will that help my cramps",
    "I'm bad at remembering my tablets",
    "I am well aware of the risks of surgery",
])
def test_questions_about_feelings_are_matched_as_before(
        kb: KnowledgeBase, matcher: Matcher, line: str) -> None:
    assert feeling_of(line) is None
    reply = Conversation(kb, matcher).respond(line)
    assert reply.outcome == matcher.match(line).outcome
    assert not reply.say.startswith(("I'm sorry", phrases.THANKS_FOR_TELLING))


def test_questions_are_told_from_statements() -> None:
    assert is_question("I am tired, is that normal")
    assert is_question("i'm fed up what can i do about it")
    assert not is_question("I am scared of what will happen")
    assert not is_question("I feel sad.")


def _lines(name: str) -> list[str]:
    return [line.split("\t")[0] for line in (DATA / name).read_text().splitlines()
            if line.strip() and not line.startswith("#")]


def test_on_the_tuning_sets_only_statements_of_feeling_are_caught() -> None:
    """8 tuning sets, 4,336 lines: the feelings found are these four lines,
    all about the speaker's own feelings, and none of the out-of-scope
    requests (scripts/benchmark_feelings.py prints the held-out figures)."""
    found = sorted(line for name in ("tuning.tsv", "dev.tsv", "foreign-tuning.tsv",
                                     "health-tuning.tsv", "health-tuning2.tsv",
                                     "health-tuning3.tsv", "medquad-tuning.tsv",
                                     "kqa-tuning.tsv")
                   for line in _lines(name) if feeling_of(line) is not None)
    assert found == ["i can not sleep because of my spasms", "i feel isolated",
                     "i get stressed and my muscles tense up",
                     "i'm so fed up with all this"]


def test_through_the_wyoming_handle_program(kb: KnowledgeBase, matcher: Matcher,
                                            tmp_path: Path) -> None:
    """A satellite in another room gets the same kind words (Handled)."""
    from wyoming.asr import Transcript
    from wyoming.handle import Handled

    from voice.services.wyoming.server import WyomingService

    service = WyomingService(kb, matcher)
    result = service.handle.handle(Transcript(text="I am so tired"), service.new_conversation())
    assert Handled.is_type(result.event.type)
    assert Handled.from_event(result.event).text == (
        "I'm sorry you're tired. Would you like to hear about: Impact on Daily Life? "
        "Please say yes or no.")
