"""Gaps found by typing into `voice text` (session 38): the signs
myasthenia and MS are known by, told ("I have double vision", "I drag my
left foot", "I get tired chewing", "my voice fades when I talk") were
declined plainly or met as a feeling; questions about the eyes were declined
with nothing said of them; "what is foot drop" was read the early-signs FAQ,
which names no foot. Real `voice text`, and the pure rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.content.model import Entry
from voice.conversation import phrases
from voice.conversation.is_it_safe import asks_if_safe
from voice.conversation.not_covered import not_covered, said_over_answer
from voice.conversation.seen_now import sign_seen_now
from voice.conversation.what_else_helps import asks_what_else_helps

from .conftest import every_typed_line, voice_text_replies

SEE_A_DOCTOR = "when-should-someone-seek-medical-attention-for-muscle-spasms"

TOLD = [
    "I have double vision", "I get double vision when I'm tired", "I'm seeing double",
    "my vision is blurry", "I drag my left foot", "my foot keeps catching on the carpet",
    "my foot drags when I walk", "I have foot drop", "I have trouble chewing",
    "I get tired chewing", "my jaw gets tired when I chew", "my voice fades when I talk",
    "my voice gets weak at the end of the day", "my husband's voice is getting quieter",
    "my arms get tired when I brush my hair", "I can't lift my arms above my head",
    "my wife keeps dragging her leg",
]


@pytest.mark.parametrize("said", TOLD)
def test_a_sign_told_is_taken(said: str) -> None:
    assert sign_seen_now(said)


def test_told_signs_get_when_to_call_then_the_seek_medical_offer(tmp_path: Path) -> None:
    """Through the real `voice text`: each was "Sorry, I don't have an
    answer for that" (or a feeling's reply) before."""
    said = ["I have double vision", "I drag my left foot", "I get tired chewing",
            "my voice fades when I talk", "yes"]
    replies = voice_text_replies(said, tmp_path)
    for reply in replies[:4]:
        assert reply["say"].startswith(phrases.SEEN_NOW), reply
        assert reply["outcome"] == "confirm" and reply["answer"] is None, reply
        assert (reply.get("match") or {}).get("id") == SEE_A_DOCTOR, reply
    assert replies[4]["outcome"] == "answer"
    assert (replies[4].get("match") or {}).get("id") == SEE_A_DOCTOR


@pytest.mark.parametrize("said", [
    "what is double vision", "can ms cause double vision", "does foot drop get better",
    "why does my voice fade", "I have a cold", "my vision is fine", "I have trouble sleeping",
    "I get tired easily", "I keep dropping things",
])
def test_questions_and_other_lines_are_not_taken_as_told(said: str) -> None:
    assert not sign_seen_now(said)


@pytest.mark.parametrize("said", ["can MS cause double vision", "what is double vision a sign of",
                                  "does myasthenia affect the eyes", "what is optic neuritis"])
def test_the_eyes_are_said_not_covered_with_when_to_call(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["outcome"] == "no_match", reply
    assert reply["say"].startswith("What I know doesn't cover the eyes"), reply
    assert "emergency number" in reply["say"]


@pytest.mark.parametrize("said", ["what is foot drop", "does foot drop get better"])
def test_foot_drop_is_said_not_covered_not_read_the_early_signs(tmp_path: Path,
                                                               said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["outcome"] == "no_match" and reply["answer"] is None, reply
    assert reply["say"].startswith("What I know doesn't explain foot drop"), reply


def test_an_entry_that_names_foot_drop_is_answered() -> None:
    """A page a caregiver adds on foot drop answers it: only an entry that
    never names it is passed over."""
    named = Entry("foot-drop", "section", "Foot drop", "Foot drop is weakness lifting the foot.")
    unnamed = Entry("early", "faq", "What are the early signs?", "Muscle weakness.",
                    phrasings=("i keep dropping things",))
    assert said_over_answer("what is foot drop", named) is None
    over = said_over_answer("what is foot drop", unnamed)
    assert over is not None and over.topic.key == "foot drop"
    assert said_over_answer("i keep dropping things", unnamed) is None


@pytest.mark.parametrize("said", ["I keep dropping things", "what are the early signs",
                                  "how do assistive devices help", "should I get a splint"])
def test_the_contents_own_lines_are_as_before(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["outcome"] in ("answer", "confirm"), reply
    assert "foot drop" not in reply["say"] and "eyes" not in reply["say"], reply


def test_few_typed_lines_of_the_sets_meet_the_new_rules() -> None:
    """Over every line of tests/data (held out too, counted, not read) but
    the sets added since."""
    later = _lines_of_later_sets()
    lines = [line for line in every_typed_line() if line not in later]
    told = sum(1 for line in lines if sign_seen_now(line))
    topics = [u.topic.key for line in lines if (u := not_covered(line)) is not None]
    # Two since session 45 (branch typed45b): the scope48 probe "my feet
    # feel like lead when i walk", heavy limbs told, its labelled entry (the
    # early signs) offered first.
    assert told <= 2
    assert topics.count("foot drop") <= 1 and topics.count("eyes") <= 10


def _lines_of_later_sets() -> set[str]:
    """The lines of the sets added after these rules (session 44:
    tests/data/forum, people's own questions about our subjects, where eyes
    and foot drop are asked, rightly told; tests/data/truthfulqa)."""
    data = Path(__file__).resolve().parent / "data"
    return {line.split("\t")[0].strip()
            for folder in ("forum", "truthfulqa") for f in (data / folder).glob("*.tsv")
            for line in f.read_text(encoding="utf-8").splitlines()}


@pytest.mark.parametrize("said", ["can orthotics help with foot drop",
                                  "can a brace help foot drop"])
def test_an_aid_for_foot_drop_is_still_offered_the_devices_faq(tmp_path: Path, said: str) -> None:
    """inscope5's tuning half: the devices FAQ was offered, and still is."""
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["outcome"] == "confirm", reply
    assert (reply.get("match") or {}).get("id") == "how-do-assistive-devices-improve-mobility"


def test_what_else_can_help_after_an_answer_offers_the_rest_of_what_helps(
        tmp_path: Path) -> None:
    """Each "what else" was "Sorry, I don't have an answer for that"; now
    the entries on what helps not read yet are offered, never read unasked,
    and what was read is not offered again."""
    replies = voice_text_replies(["what medicines help spasms", "what else can help", "yes",
                                  "what else can i do", "is there anything else i can try"],
                                 tmp_path)
    assert (replies[0].get("match") or {}).get("id") == "medication"
    offers = [replies[1], replies[3], replies[4]]
    for reply in offers:
        assert reply["outcome"] == "confirm" and reply["answer"] is None, reply
        assert reply["say"].startswith(phrases.ELSE_HELPS), reply
        assert "Medication" not in reply["say"], reply
    read = (replies[2].get("match") or {}).get("title")
    assert replies[2]["outcome"] == "answer" and read
    assert read not in replies[3]["say"] and read not in replies[4]["say"]


@pytest.mark.parametrize("said", [
    "what else can help", "what else can I do", "is there anything else I can try",
    "what else helps with spasms", "And what else could help?", "anything else that helps",
])
def test_what_else_helps_is_asked(said: str) -> None:
    assert asks_what_else_helps(said)


@pytest.mark.parametrize("said", [
    "what else", "what else can I ask", "what else do you know", "what else causes spasms",
    "what helps spasms", "what else is there",
])
def test_other_lines_are_not_what_else_helps(said: str) -> None:
    assert not asks_what_else_helps(said)


def test_what_else_can_help_with_nothing_read_is_as_before(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["what else can help"], tmp_path)
    assert not reply["say"].startswith(phrases.ELSE_HELPS), reply


@pytest.mark.parametrize("first", ["what is botox", "tell me about physical therapy"])
def test_is_it_safe_after_an_answer_says_who_can_tell_them(tmp_path: Path, first: str) -> None:
    """It was offered Alternative Therapies and The Role of Exercise,
    whatever "it" stood for."""
    replies = voice_text_replies([first, "is it safe"], tmp_path)
    assert replies[0]["outcome"] == "answer"
    assert replies[1]["outcome"] == "no_match", replies[1]
    assert replies[1]["say"].startswith(phrases.IF_SAFE), replies[1]


@pytest.mark.parametrize(("said", "asks"), [
    ("is it safe", True), ("Is it safe for me?", True), ("are they safe", True),
    ("is that safe to take", True), ("is it dangerous to take", True), ("is it ok to take", True),
    ("are they dangerous", False),      # after "what causes spasms": of spasms
    ("is it ok", False), ("is it safe to drive", False), ("is acupuncture safe", False),
])
def test_asks_if_safe(said: str, asks: bool) -> None:
    assert asks_if_safe(said) is asks


def test_is_acupuncture_safe_is_still_the_contents(tmp_path: Path) -> None:
    replies = voice_text_replies(["what is botox", "is acupuncture safe"], tmp_path)
    assert (replies[1].get("match") or {}).get("id") == "alternative-therapies", replies[1]
