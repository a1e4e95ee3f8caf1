"""Gaps found by typing into `voice ask` / `voice text` (session 41), as a
person with MS, ALS or myasthenia gravis, or their carer, would ask:

- "how long do people with als live" met the plain "Sorry, I don't have an
  answer for that" (worries.py took only "live with it");
- "my mum with ms keeps falling what should I do" was asked about the
  hereditary FAQ first: "with ms" hid the fall (falls.py);
- "do I need an MRI" was told only "What I know doesn't go into that test",
  while "do I need a scan" is Diagnosis's own line;
- "can you recommend a doctor" was answered Treatment Approaches in full;
  "how many people have als" offered Community Support; "where can I find
  more information" and "is it safe to get pregnant with mg" declined
  plainly;
- after "my wife has ms": "she gets really stiff in the mornings" and "what
  can I do for her" were both declined plainly.

Real `voice text`, and the pure rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation import phrases
from voice.conversation.falls import about_falls
from voice.conversation.helping_someone import asks_how_to_help
from voice.conversation.spasm_told import spasm_told, stiffness_told
from voice.matching.matcher import Matcher

from .conftest import every_typed_line, voice_text_replies
from .conftest import offered_id as _offered

CURE_FAQ = "is-there-a-cure-for-neuromuscular-disorders"
DIAGNOSIS = "diagnosis-and-medical-evaluations"
COPING = "coping-strategies-for-individuals-and-caregivers"
RECOGNIZING = "recognizing-chronic-spasms-and-neuromuscular-disorders"


@pytest.mark.parametrize("said", [
    "how long do people with als live",
    "how long does someone with mg live",
    "how long do people with ms usually live",
])
def test_how_long_people_live_with_it_is_met_kindly(tmp_path: Path, said: str) -> None:
    """Was "Sorry, I don't have an answer for that": now the kind word of
    any fear of the future, that the doctor can talk it through, and the
    nearest entry offered, never read unasked."""
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith("That's a hard thing to be wondering about"), reply
    assert reply["outcome"] == "confirm" and reply["answer"] is None, reply
    assert _offered(reply) == CURE_FAQ, reply


def test_how_long_a_thing_lives_is_not_a_worry(tmp_path: Path) -> None:
    """Guard (passes before too): no condition named, no worry."""
    (reply,) = voice_text_replies(["how long do batteries live"], tmp_path)
    assert reply["outcome"] == "no_match", reply
    assert not str(reply["say"]).startswith("That's a hard thing"), reply


@pytest.mark.parametrize("said", [
    "my mum with ms keeps falling what should i do",
    "my husband who has als fell today",
])
def test_a_fall_of_someone_with_the_condition_is_a_fall(tmp_path: Path, said: str) -> None:
    """Was offered "Are neuromuscular disorders hereditary" first (mum, a
    relative): now when to get help after a fall, and "yes" reads what
    helps with walking."""
    assert about_falls(said)
    first, yes = voice_text_replies([said, "yes"], tmp_path)
    assert str(first["say"]).startswith("Falls can be serious"), first
    assert first["outcome"] == "confirm", first
    assert _offered(first) != "are-neuromuscular-disorders-hereditary", first
    assert yes["outcome"] == "answer" and _offered(yes) == _offered(first), yes


def test_with_a_condition_does_not_make_other_words_a_fall() -> None:
    """Guards (pass before too)."""
    assert not about_falls("my friend with ms is falling asleep at work")
    assert not about_falls("will the price with tax fall")


@pytest.mark.parametrize("said", ["do i need an mri", "will i need a lumbar puncture",
                                  "do i need a blood test"])
def test_asking_whether_a_test_is_needed_is_offered_diagnosis(tmp_path: Path, said: str) -> None:
    """Was "What I know doesn't go into that test" and nothing else: now
    that, what the content does say, and Diagnosis offered; "yes" reads it."""
    first, yes = voice_text_replies([said, "yes"], tmp_path)
    assert str(first["say"]).startswith("What I know doesn't go into that test. It does say"), first
    assert first["outcome"] == "confirm" and _offered(first) == DIAGNOSIS, first
    assert yes["outcome"] == "answer" and _offered(yes) == DIAGNOSIS, yes


def test_what_an_mri_is_is_still_only_said_not_covered(tmp_path: Path) -> None:
    """Guard (passes before too): not asked whether one is needed."""
    (reply,) = voice_text_replies(["what is an mri"], tmp_path)
    assert reply["outcome"] == "no_match" and _offered(reply) is None, reply


def test_a_carer_tells_of_stiffness_then_asks_what_to_do(tmp_path: Path) -> None:
    """After "my wife has ms", both lines were "Sorry, I don't have an
    answer for that": now stiffness is said back in its own words with what
    spasms are offered, and "what can I do for her" offers the carers'
    entry."""
    _, stiff, for_her = voice_text_replies(
        ["my wife has ms", "she gets really stiff in the mornings", "what can i do for her"],
        tmp_path)
    assert str(stiff["say"]).startswith(phrases.STIFF_TOLD), stiff
    assert stiff["outcome"] == "confirm" and _offered(stiff) == RECOGNIZING, stiff
    assert str(for_her["say"]).startswith("Being there for someone"), for_her
    assert for_her["outcome"] == "confirm" and _offered(for_her) == COPING, for_her


@pytest.mark.parametrize("said", ["he is so stiff today", "i get really stiff at night"])
def test_stiffness_told_is_a_spasm_told(said: str) -> None:
    assert spasm_told(said) and stiffness_told(said)


@pytest.mark.parametrize("said", ["the bread is stiff", "my legs lock up at night",
                                  "she is stiffing the waiter"])
def test_what_is_not_stiffness_told(said: str) -> None:
    """Guards: no person stiff; a muscle idiom keeps its own words."""
    assert not stiffness_told(said)


@pytest.mark.parametrize("said, helping", [
    ("how can i help him", True),
    ("what can i do for my husband", True),
    ("what can i do for her", True),
    ("how can i help her with her homework", False),
    ("what can i do for dinner", False),
])
def test_how_to_help_with_the_person_as_a_pronoun(said: str, helping: bool) -> None:
    assert asks_how_to_help(said) is helping


def test_the_new_words_are_rare_in_lines_written_by_others() -> None:
    """Over every typed set under tests/data (held out too, counted, never
    read): stiffness told 0 and helping 1 at the change."""
    lines = every_typed_line()
    assert sum(stiffness_told(line) for line in lines) <= 2
    assert sum(asks_how_to_help(line) for line in lines) <= 3


@pytest.mark.parametrize("said", ["can you recommend a doctor",
                                  "can you recommend a good neurologist",
                                  "do you know a good physio"])
def test_asked_to_recommend_a_doctor_it_says_who_can(tmp_path: Path, said: str) -> None:
    """"can you recommend a doctor" was answered Treatment Approaches in full
    (no entry names a doctor to go to), the others declined plainly."""
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith("I can't recommend a particular doctor"), reply
    assert reply["outcome"] == "no_match" and reply["answer"] is None, reply


def test_where_to_find_a_neurologist_stays_the_matchers(tmp_path: Path) -> None:
    """Guard (passes before too): finding one is Diagnosis's (neurologists)."""
    (reply,) = voice_text_replies(["where can i find a neurologist"], tmp_path)
    assert reply["outcome"] == "answer" and _offered(reply) == DIAGNOSIS, reply


@pytest.mark.parametrize("said", ["how common are these conditions", "how many people have als",
                                  "is als rare"])
def test_how_common_is_what_the_introduction_says(tmp_path: Path, said: str) -> None:
    """Were declined plainly or offered Community Support: now the one
    figure the content gives (millions worldwide), and that there is no
    other."""
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith("What I know says only that chronic spasms"), reply
    assert "millions" in str(reply["say"]) and reply["answer"] is None, reply


@pytest.mark.parametrize("said", ["where can i find more information", "how can i find out more"])
def test_where_to_find_more_is_answered_with_who_and_support_offered(tmp_path: Path,
                                                                    said: str) -> None:
    first, yes = voice_text_replies([said, "yes"], tmp_path)
    assert str(first["say"]).startswith("What I know is one article, kept on this device"), first
    assert first["outcome"] == "confirm" and _offered(first) == "community-support-and-awareness"
    assert yes["outcome"] == "answer", yes


def test_more_about_something_else_is_not_this(tmp_path: Path) -> None:
    """Guard (passes before too)."""
    (reply,) = voice_text_replies(["where can i find more information about flights"], tmp_path)
    assert reply["outcome"] == "no_match", reply
    assert not str(reply["say"]).startswith("What I know is one article"), reply


def test_pregnancy_with_mg_is_the_pregnancy_topic(tmp_path: Path) -> None:
    """"mg" after "with" is the condition: was declined plainly."""
    replies = voice_text_replies(["is it safe to get pregnant with mg",
                                  "i take 10 mg of baclofen is that a lot"], tmp_path)
    assert str(replies[0]["say"]).startswith("What I know doesn't cover pregnancy"), replies[0]
    assert not str(replies[1]["say"]).startswith("What I know doesn't cover pregnancy")


@pytest.mark.parametrize("said", ["i'm having a really bad spasm right now",
                                  "my legs won't stop shaking"])
def test_a_spasm_told_as_it_happens_hears_when_to_call_first(tmp_path: Path, said: str) -> None:
    """Were a bare two-choice offer and a plain decline: told, not asked,
    as it happens, the user hears first when to call for help, then what
    helps is offered (as "what do I do, my leg is cramping right now")."""
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith("I'm sorry, that sounds hard. If it is very severe"), reply
    assert reply["outcome"] == "confirm" and reply["answer"] is None, reply


def test_a_question_about_now_is_still_the_contents(tmp_path: Path) -> None:
    """Guard (passes before too): asked, not told."""
    (reply,) = voice_text_replies(["is it normal to cramp right now"], tmp_path)
    assert not str(reply["say"]).startswith("I'm sorry, that sounds hard"), reply


@pytest.mark.parametrize("said, emergency", [
    ("she's had a seizure", True),
    ("my son has just had a seizure", True),
    ("he has had a seizure in the past", False),
    ("i had a seizure last year can baclofen cause that", False),
])
def test_a_seizure_just_had_is_an_emergency(tmp_path: Path, said: str, emergency: bool) -> None:
    """"she's had a seizure" was declined plainly; one in the past is not
    told to call now."""
    (reply,) = voice_text_replies([said], tmp_path)
    assert (reply["outcome"] == "emergency") is emergency, reply


@pytest.mark.parametrize("said", ["can you pass me the remote", "could you pass me my glasses"])
def test_pass_me_something_is_not_passing_it_on(matcher: Matcher, said: str) -> None:
    """Said in the room, "can you pass me the remote" was offered "Are
    neuromuscular disorders hereditary?" (its "pass on"): declined now;
    "can I pass it on to my kids" is answered the hereditary FAQ as before."""
    assert matcher.match(said).outcome == "no_match"
    kept = matcher.match("can i pass it on to my kids")
    assert kept.outcome == "answer" and kept.entry is not None
    assert kept.entry.id == "are-neuromuscular-disorders-hereditary"


@pytest.mark.parametrize("said", ["my legs keep jumping", "my legs keep twitching"])
def test_a_limbs_spasm_told_is_offered_what_spasms_are(tmp_path: Path, said: str) -> None:
    """Was asked "Did you mean: Dietary Adjustments; or: When should someone
    seek medical attention?" (a near tie of every entry, 86.7 / 86.5 /
    86.2): now what spasms are and what helps them, as when the matcher
    found nothing; "yes" reads Recognizing."""
    first, yes = voice_text_replies([said, "yes"], tmp_path)
    assert str(first["say"]).startswith(phrases.SPASM_TOLD), first
    assert first["outcome"] == "confirm" and _offered(first) == RECOGNIZING, first
    assert yes["outcome"] == "answer" and _offered(yes) == RECOGNIZING, yes


def test_a_limbs_spasm_asked_about_keeps_the_matchers_offer(tmp_path: Path) -> None:
    """Guard (passes before too): asked, not told."""
    (reply,) = voice_text_replies(["why do my legs keep jumping"], tmp_path)
    assert not str(reply["say"]).startswith(phrases.SPASM_TOLD), reply


@pytest.mark.parametrize("said", ["is that all", "is that it", "anything else"])
def test_is_that_all_after_an_answer_asks_for_more(tmp_path: Path, said: str) -> None:
    """After an answer, "is that all" was declined ("Sorry, I don't have an
    answer for that") and "is that it" offered two unrelated entries: now
    they are "tell me more"."""
    _, more = voice_text_replies(["what helps with spasms", said], tmp_path)
    assert str(more["say"]).startswith("That's all I have on that."), more


@pytest.mark.parametrize("said, entry", [("wat shud i eat", "dietary-adjustments"),
                                         ("phisio", "what-role-does-physical-therapy-play-in-"
                                                    "managing-these-conditions")])
def test_text_speak_corrected_to_an_editors_line_is_offered(tmp_path: Path, said: str,
                                                            entry: str) -> None:
    """"wat shud i eat" was declined: corrected, it is the editors' own
    "what should i eat", which the extra evidence asked of a corrected line
    refused. Offered now (a correction is never answered outright)."""
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["outcome"] == "confirm" and _offered(reply) == entry, reply
