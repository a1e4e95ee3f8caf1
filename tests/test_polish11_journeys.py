"""Session 11: three lines a user met wrongly (docs/user-journeys.md).

"what will my life be like?" and "my son has spasms at night, what helps"
were answered, in full, with Impact on Daily Life; "how do I stop my legs
jumping at night" was declined. Now: a fear about one's life is met kindly
and Impact on Daily Life offered (voice/conversation/worries.py, "life");
what helps spasms at night gets the entries on what helps spasms offered
(voice/conversation/at_night.py), never read unasked; typed or said aloud.
"""

from __future__ import annotations

import io
import sys
from typing import Any

import pytest

from voice.app import Assistant
from voice.audio.clip import read_wav
from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, phrases
from voice.conversation.at_night import asks_what_helps_at_night
from voice.conversation.worries import worry_of
from voice.matching.matcher import Matcher
from voice.speech_in.whisper import WhisperRecognizer

from .conftest import DATA, REPO, every_question_line, voice_text_replies

sys.path.insert(0, str(REPO / "scripts"))
from benchmark_audio import pad  # type: ignore[import-not-found, unused-ignore]
from make_spoken_questions import (  # type: ignore[import-not-found, unused-ignore]
    Variant,
    speak,
)

IMPACT = "impact-on-daily-life"
LIFESTYLE = "can-lifestyle-changes-help-manage-chronic-spasms"
MEDICATION = "medication"
COPING = "coping-strategies-for-individuals-and-caregivers"
AT_NIGHT_OFFER = (f"{phrases.AT_NIGHT} Would you like to hear about: Can lifestyle changes "
                  "help manage chronic spasms; or: Medication?")
LIFE_OFFER = (f"{phrases.WORRY} Would you like to hear about: Impact on Daily Life; or: "
              "Coping Strategies for Individuals and Caregivers?")
NIGHT_LINES = ["my son has spasms at night, what helps", "how do I stop my legs jumping at night",
               "how do I stop leg cramps at night", "what helps spasms at night",
               "my spasms keep me awake at night, what can I do",
               "is there anything for cramps in bed"]
LIFE_LINES = ["What will my life be like?", "what is my life going to be like",
              "what will life be like for me", "will I still have a normal life"]


def _never_read(kb: KnowledgeBase, say: str) -> None:
    for entry in kb.entries:
        assert entry.answer[:40] not in say, entry.id


@pytest.mark.parametrize("line", NIGHT_LINES)
def test_what_helps_spasms_at_night_offers_what_helps_spasms(
        kb: KnowledgeBase, matcher: Matcher, line: str) -> None:
    for heard in (False, True):
        talk = Conversation(kb, matcher)
        reply = talk.respond(line, heard=heard)
        assert reply.outcome == "confirm", reply.say
        assert reply.say.startswith(AT_NIGHT_OFFER), reply.say
        _never_read(kb, reply.say)
        chosen = talk.respond("yes")
        assert chosen.outcome == "answer" and chosen.match is not None
        assert chosen.match.id == LIFESTYLE and chosen.learned is None


@pytest.mark.parametrize("line", LIFE_LINES)
def test_what_my_life_will_be_like_is_met_kindly_and_impact_offered(
        kb: KnowledgeBase, matcher: Matcher, line: str) -> None:
    for heard in (False, True):
        talk = Conversation(kb, matcher)
        reply = talk.respond(line, heard=heard)
        assert reply.outcome == "confirm", reply.say
        assert reply.say.startswith(LIFE_OFFER), reply.say
        _never_read(kb, reply.say)
        chosen = talk.respond("the second one")
        assert chosen.match is not None and chosen.match.id == COPING


@pytest.mark.parametrize(("line", "entry"), [
    # The content's own ways of asking: answered as before.
    ("how will my life change", IMPACT),
    ("can i still work", IMPACT),
    ("will it affect my job", IMPACT),
    ("what can I do myself to reduce spasms", LIFESTYLE),
])
def test_the_contents_own_questions_are_still_answered(
        kb: KnowledgeBase, matcher: Matcher, line: str, entry: str) -> None:
    reply = Conversation(kb, matcher).respond(line)
    assert reply.outcome == "answer" and reply.match is not None, reply.say
    assert reply.match.id == entry


@pytest.mark.parametrize("line", [
    "what helps restless legs at night", "what causes cramps at night",
    "does it get worse at night", "how do I stop my spasms", "my legs jump at night",
    "how do I sleep better at night", "what is my life expectancy",
    "what will my husband's life be like",
])
def test_lines_near_them_are_not_taken(line: str) -> None:
    assert not asks_what_helps_at_night(line)
    worry = worry_of(line)
    assert worry is None or worry.kind != "life"


def test_no_line_of_any_question_set_or_of_the_content_is_taken(kb: KnowledgeBase) -> None:
    """Every line of tests/data's sets (held out too: counted, never read
    one by one) and every "Also asked" line: none taken by either rule, so
    scripts/benchmark.py's figures cannot move; except an in-scope question
    that asks what helps spasms at night (one came with scope16's fresh
    sets), which must then be offered its own entry. Session 32 (branch
    scope38): "anything for that" and "what can we try" ask what helps too,
    and take inscope17-tuning's two lines of that shape, both in scope."""
    lines = every_question_line(kb)
    assert len(lines) > 9000
    ids = {e.id for e in kb.entries}
    expected = {row.split("\t")[0]: set(row.split("\t")[1].split("|"))
                for p in sorted(DATA.glob("inscope*.tsv"))
                for row in p.read_text(encoding="utf-8").splitlines()
                if row.strip() and not row.startswith("#") and "\t" in row}
    taken = [q for q in lines if asks_what_helps_at_night(q)]
    in_scope = [q for q in taken if expected.get(q, set()) & ids]
    assert len(taken) == len(in_scope) <= 3
    conversation = Conversation(kb, Matcher(kb))
    offered_right = [r.outcome == "confirm" and r.match is not None
                     and r.match.id in expected[q]
                     for q in in_scope for r in [conversation.respond(q)]]
    assert all(offered_right), f"{offered_right.count(False)} not offered their entry"
    assert sum((w := worry_of(q)) is not None and w.kind == "life" for q in lines) == 0


def test_the_journey_through_voice_text(tmp_path: Any) -> None:
    replies = voice_text_replies(
        ["What will my life be like?", "yes", "my son has spasms at night, what helps",
         "the second one", "how do I stop my legs jumping at night", "no"], tmp_path)
    life, yes, night, second, legs, no = replies
    assert life["outcome"] == "confirm" and life["say"].startswith(LIFE_OFFER)
    assert yes["outcome"] == "answer" and yes["match"]["id"] == IMPACT
    assert night["outcome"] == "confirm" and night["say"].startswith(AT_NIGHT_OFFER)
    assert second["outcome"] == "answer" and second["match"]["id"] == MEDICATION
    # Medication was just read: not offered again (session 39,
    # kind_offers.offer_what_helps).
    assert legs["outcome"] == "confirm" and legs["say"].startswith(
        f"{phrases.AT_NIGHT} Would you like to hear about: Can lifestyle changes help manage "
        "chronic spasms?")
    assert no["say"] == phrases.WHAT_ELSE


def _heard_reply(kb: KnowledgeBase, whisper_tiny: WhisperRecognizer,
                 text: str, voice: Variant) -> dict[str, Any]:
    said = whisper_tiny.transcribe(pad(read_wav(speak(text, voice))))
    return Assistant(Conversation(kb), None, out=io.StringIO(),
                     json_lines=True).handle_heard(said)


@pytest.mark.parametrize(("said", "voice", "words"), [
    ("what will my life be like", Variant("en-us"), LIFE_OFFER),
    # en-us and en+m3 are heard "... jumping at diet", en "how do my top
    # might at height" (docs/user-journeys.md, session 11).
    ("how do I stop my legs jumping at night", Variant("en+f3"), AT_NIGHT_OFFER),
])
def test_said_aloud_it_is_met_the_same(kb: KnowledgeBase, whisper_tiny: WhisperRecognizer,
                                       said: str, voice: Variant, words: str) -> None:
    """espeak-ng's voice, heard by the real Whisper tiny.en, through the
    assistant's spoken path (Assistant.handle_heard, as `voice listen`)."""
    got = _heard_reply(kb, whisper_tiny, said, voice)
    assert got["outcome"] == "confirm", got
    assert got["say"].startswith(words), got
