"""Gaps found by typing into `voice ask` (session 45), as a person with MS,
ALS or myasthenia gravis, or their carer, would ask:

- "i get bad cramps during my period" was met "I'm sorry to hear that" and
  offered the FAQ on when spasms need a doctor; "i get terrible bladder
  problems", "i am getting bad memory problems" were told only what the
  assistant knows: a symptom the content does not cover, told with how it
  feels, is said so after the kind word, with who can help;
- "the doctor won't take me seriously" was read the FAQ on when spasms
  need a doctor in full, where "my gp doesn't listen" got who can help;
- "youre voice is too quiet" (no apostrophe) was declined, where "your
  voice is too quiet" turned the voice up;
- "what's a standing frame", "what is a perching stool" were declined
  plainly, "what is a hoist" read Assistive Devices in full, which names
  no hoist;
- "why are my spasms worse in the morning" was declined plainly;
- "is there a cure for mg", "how is mg treated", "what is mg", "is mg
  hereditary" were declined plainly, where "... myasthenia" was answered:
  "mg" is the condition's name unless it is milligrams;
- "my mum has mg and her eyes droop" was declined plainly;
- "pins and needles in my feet" was declined for naming the feet, where
  "tingling in my feet" was offered ("pins and needles" is a keyword of
  the FAQ on seeking medical attention);
- "im a carer and im burnt out", "i'm at the end of my tether" were
  declined plainly, "i'm knackered" read Impact on Daily Life in full;
- "my dad has ms and keeps wetting himself" was offered Recognizing Chronic
  Spasms; "how do i thicken drinks", "he cant get out of his chair", "can
  ms make you dizzy", "why do i feel dizzy" were declined plainly;
- "my brother has ms and he wont go to physio" was read the physiotherapy
  FAQ in full, which says what physio does, not how to help someone who
  will not go ("wont" is "won't" typed quickly);
- "my eye keeps twitching" was declined plainly;
- "my husband has ms and hes really depressed" was read Coping Strategies
  in full, where "he's really depressed" got the carers' kind word;
- "my husband has als and is losing weight", "my mum has ms and her legs
  are swollen", "my wife has ms and she has pressure sores" were declined
  plainly;
- "cramps in my hands when i write" was declined plainly, where "my hands
  cramp when i write" got what the content says of tasks with the hands;
- "go away" was read the cure FAQ in full, "leave me alone" Coping
  Strategies;
- "my husband has als, should he get a peg", "what is plasma exchange",
  "what is a thymectomy", "what are dmts", "can ms be slowed down" were
  declined plainly;
- "should i tell people at work", "will he suffocate", "what is pba" were
  declined plainly, "my husband with als is very emotional, laughs and
  cries for no reason" offered Coping Strategies.

Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import offered_id as _offered
from .conftest import voice_text_replies

DECLINED = "Sorry, I don't have an answer for that"
SORRY = "I'm sorry to hear that."
SEEK = "when-should-someone-seek-medical-attention-for-muscle-spasms"
DEVICES_FAQ = "how-do-assistive-devices-improve-mobility"
LIFESTYLE = "can-lifestyle-changes-help-manage-chronic-spasms"


@pytest.mark.parametrize(("said", "topic"), [
    ("i get bad cramps during my period", "What I know doesn't cover periods"),
    ("i am in pain during my period", "What I know doesn't cover periods"),
    ("i get terrible bladder problems", "What I know doesn't cover bladder"),
    ("i am getting bad memory problems", "What I know doesn't cover memory"),
    ("i get really bad brain fog", "What I know doesn't cover memory"),
])
def test_a_symptom_told_with_how_it_feels_gets_its_topic_after_the_kind_word(
        tmp_path: Path, said: str, topic: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(f"{SORRY} {topic}"), reply
    assert _offered(reply) is None, reply


def test_fatigue_told_gets_what_the_content_says_of_it(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["i am fatigued"], tmp_path)
    assert str(reply["say"]).startswith("I'm sorry you're fatigued. What I know says these "
                                        "conditions often bring muscle fatigue"), reply


@pytest.mark.parametrize(("said", "starts", "entry"), [
    # A mood keeps the coping entry; a feeling with nothing uncovered keeps
    # its offer.
    ("i feel sad about my memory", "I'm sorry you're sad.",
     "coping-strategies-for-individuals-and-caregivers"),
    ("i'm exhausted looking after him", "I'm sorry you're exhausted.",
     "coping-strategies-for-individuals-and-caregivers"),
    ("i am so tired", "I'm sorry you're tired.", "impact-on-daily-life"),
])
def test_feelings_without_an_uncovered_symptom_stay_as_they_were(
        tmp_path: Path, said: str, starts: str, entry: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(starts), reply
    assert reply["outcome"] == "confirm" and _offered(reply) == entry, reply


SERVICES = "What I know doesn't cover how to get care"


@pytest.mark.parametrize("said", [
    "the doctor won't take me seriously",
    "doctors don't believe me",
    "my neurologist won't take my symptoms seriously",
])
def test_a_doctor_who_does_not_listen_gets_who_can_help(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(SERVICES), reply
    assert _offered(reply) is None, reply


@pytest.mark.parametrize("said", ["my gp doesn't listen", "the doctor doesnt listen to me"])
def test_a_doctor_not_listening_that_got_who_can_help_still_does(tmp_path: Path,
                                                                 said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(SERVICES) and _offered(reply) is None, reply


def test_whether_the_doctor_listens_in_general_is_not_that(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["does the doctor listen to patients"], tmp_path)
    assert str(reply["say"]).startswith(DECLINED), reply


@pytest.mark.parametrize(("said", "command"), [
    ("youre voice is too quiet", "I'll speak louder"),
    ("you're voice is too loud", "I'll speak more quietly"),
    ("you voice is too quiet", "I'll speak louder"),
])
def test_your_misspelt_before_voice_is_still_the_volume(tmp_path: Path, said: str,
                                                         command: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["outcome"] == "command" and command in str(reply["say"]), reply


def test_your_one_letter_off_stays_the_volume(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["yor voice is too quiet"], tmp_path)
    assert reply["outcome"] == "command" and "I'll speak louder" in str(reply["say"]), reply


def test_ones_own_voice_stays_the_speech_topic(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["my voice is too quiet"], tmp_path)
    assert str(reply["say"]).startswith("What I know doesn't cover speech"), reply


AID = "What I know doesn't describe each aid one by one."


@pytest.mark.parametrize("said", [
    "what's a standing frame",
    "what is a hoist",
    "do i need a hoist",
    "what is a perching stool",
    "does he need a profiling bed",
    "what is a grab rail",
])
def test_an_aid_the_content_does_not_name_is_said_and_the_devices_faq_offered(
        tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(AID), reply
    assert reply["outcome"] == "confirm" and _offered(reply) == DEVICES_FAQ, reply


def test_yes_after_an_aid_reads_how_aids_help(tmp_path: Path) -> None:
    _, reply = voice_text_replies(["what's a standing frame", "yes"], tmp_path)
    assert reply["outcome"] == "answer" and _offered(reply) == DEVICES_FAQ, reply


@pytest.mark.parametrize(("said", "outcome", "entry"), [
    # An aid the content names keeps its answer; a walking frame is its walker.
    ("can i get a mobility scooter", "answer", "assistive-devices"),
    ("would a walking frame help me get about", "answer", DEVICES_FAQ),
    ("should we get a stair lift", "confirm", DEVICES_FAQ),
])
def test_aids_the_content_names_keep_their_reply(tmp_path: Path, said: str, outcome: str,
                                                 entry: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert not str(reply["say"]).startswith(AID), reply
    assert reply["outcome"] == outcome and _offered(reply) == entry, reply


TIME_OF_DAY = "What I know doesn't say why symptoms such as spasms or stiffness change"


@pytest.mark.parametrize("said", [
    "why are my spasms worse in the morning",
    "why are my spasms worse in the evening",
    "why are my ms symptoms worse in the afternoon",
])
def test_spasms_worse_at_a_time_of_day_are_said_and_what_helps_offered(tmp_path: Path,
                                                                       said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(TIME_OF_DAY), reply
    assert reply["outcome"] == "confirm" and _offered(reply) == LIFESTYLE, reply


@pytest.mark.parametrize(("said", "entry"), [
    # What the matcher offered stays.
    ("why are my spasms worse at night", "impact-on-daily-life"),
    ("are spasms worse in the morning", LIFESTYLE),
])
def test_spasms_at_a_time_the_matcher_offers_keep_the_offer(tmp_path: Path, said: str,
                                                            entry: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert not str(reply["say"]).startswith(TIME_OF_DAY), reply
    assert reply["outcome"] == "confirm" and _offered(reply) == entry, reply


def test_a_cough_worse_at_night_is_not_ours(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["why is my cough worse at night"], tmp_path)
    assert str(reply["say"]).startswith(DECLINED), reply


CURE = "is-there-a-cure-for-neuromuscular-disorders"
EARLY_SIGNS = "what-are-the-early-signs-of-neuromuscular-disorders"


@pytest.mark.parametrize(("said", "outcome", "entry"), [
    ("is there a cure for mg", "answer", CURE),
    ("can mg be cured", "answer", CURE),
    ("is mg hereditary", "answer", "are-neuromuscular-disorders-hereditary"),
    ("how is mg treated", "confirm", "treatment-approaches-for-long-term-management"),
    ("what are the symptoms of mg", "confirm", EARLY_SIGNS),
])
def test_mg_said_is_myasthenia_gravis(tmp_path: Path, said: str, outcome: str,
                                      entry: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["outcome"] == outcome and _offered(reply) == entry, reply


def test_what_is_mg_says_the_article_only_names_it(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["what is mg"], tmp_path)
    assert "names myasthenia gravis only as one of the neuromuscular disorders" in str(
        reply["say"]), reply


@pytest.mark.parametrize(("said", "entry"), [
    # Milligrams stay milligrams: the medicine asked of, as before.
    ("is 10 mg of baclofen a lot", "medication"),
    ("how many mg of baclofen should i take", "medication"),
])
def test_milligrams_stay_a_dose(tmp_path: Path, said: str, entry: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert "myasthenia" not in str(reply["say"]).lower(), reply
    assert reply["outcome"] == "confirm" and _offered(reply) == entry, reply


@pytest.mark.parametrize("said", ["my mum has mg and her eyes droop", "droopy eyes with mg"])
def test_drooping_eyes_are_the_eyes_topic(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith("What I know doesn't cover the eyes"), reply


def test_pins_and_needles_in_the_feet_is_offered_as_tingling(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["pins and needles in my feet"], tmp_path)
    assert reply["outcome"] == "confirm" and _offered(reply) == SEEK, reply


def test_pins_and_needles_in_the_legs_keeps_its_offer(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["pins and needles in my legs"], tmp_path)
    assert reply["outcome"] == "confirm" and _offered(reply) == SEEK, reply


@pytest.mark.parametrize(("said", "starts", "entry"), [
    ("im a carer and im burnt out", "I'm sorry you're burnt out.",
     "coping-strategies-for-individuals-and-caregivers"),
    ("i'm completely burned out caring for him", "I'm sorry you're burned out.",
     "coping-strategies-for-individuals-and-caregivers"),
    ("i'm at the end of my tether", "I'm sorry you're struggling.",
     "coping-strategies-for-individuals-and-caregivers"),
    ("i'm knackered", "I'm sorry you're knackered.", "impact-on-daily-life"),
])
def test_burnt_out_and_knackered_are_feelings_met_kindly(tmp_path: Path, said: str, starts: str,
                                                        entry: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(starts), reply
    assert reply["outcome"] == "confirm" and _offered(reply) == entry, reply


def test_a_battery_burnt_out_is_no_feeling(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["my phone battery is burnt out"], tmp_path)
    assert str(reply["say"]).startswith(DECLINED), reply


@pytest.mark.parametrize(("said", "starts"), [
    ("my dad has ms and keeps wetting himself", "What I know doesn't cover bladder"),
    ("how do i thicken drinks", "What I know doesn't cover feeding tubes or help with swallowing"),
    ("does she need thickened fluids",
     "What I know doesn't cover feeding tubes or help with swallowing"),
    ("can ms make you dizzy", "What I know doesn't cover dizziness."),
    ("why do i feel dizzy", "What I know doesn't cover dizziness."),
    ("i get vertigo when i stand up", "What I know doesn't cover dizziness."),
    ("i feel dizzy", "I'm sorry you're dizzy. What I know doesn't cover dizziness."),
])
def test_more_symptoms_said_not_covered_with_who_can_help(tmp_path: Path, said: str,
                                                          starts: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(starts), reply
    assert _offered(reply) is None, reply


def test_getting_up_from_a_chair_gets_the_home_topic_and_equipment(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["he cant get out of his chair"], tmp_path)
    assert str(reply["say"]).startswith("What I know doesn't cover lifting or moving"), reply
    assert reply["outcome"] == "confirm" and _offered(reply) == "assistive-devices", reply


@pytest.mark.parametrize(("said", "entry"), [
    # Balance is the early-signs FAQ's "loss of coordination"; a head
    # spinning with news is no dizziness.
    ("i have no balance", EARLY_SIGNS),
    ("my head is spinning with all this information", None),
])
def test_balance_and_a_spinning_head_are_not_dizziness(tmp_path: Path, said: str,
                                                       entry: str | None) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert "dizziness" not in str(reply["say"]), reply
    assert _offered(reply) == entry, reply


REFUSES = "That's hard, and many carers meet it."


@pytest.mark.parametrize("said", [
    "my brother has ms and he wont go to physio",
    "she refuses to do her exercises",
    "my husband never wants to see the doctor",
    "my wife wont use her wheelchair",
])
def test_someone_who_will_not_go_or_try_gets_the_carers_reply(tmp_path: Path,
                                                              said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(REFUSES), reply
    assert reply["outcome"] == "confirm", reply


def test_whether_physio_helps_stays_the_physio_faq(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["does physio actually help"], tmp_path)
    assert reply["outcome"] == "answer" and _offered(reply) == (
        "what-role-does-physical-therapy-play-in-managing-these-conditions"), reply


@pytest.mark.parametrize("said", ["my eye keeps twitching", "why is my eyelid twitching"])
def test_a_twitching_eye_is_the_eyes_topic(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith("What I know doesn't cover the eyes"), reply


def test_twitching_muscles_keep_their_offer(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["why do my muscles twitch"], tmp_path)
    assert reply["outcome"] == "confirm" and _offered(reply) == (
        "recognizing-chronic-spasms-and-neuromuscular-disorders"), reply


LOW = "It's hard to see someone you care for struggling like this."


@pytest.mark.parametrize("said", ["my husband has ms and hes really depressed",
                                  "my wife has ms and is really down"])
def test_someone_low_told_after_their_condition_gets_the_carers_kind_word(
        tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(LOW), reply
    assert reply["outcome"] == "confirm" and _offered(reply) == (
        "coping-strategies-for-individuals-and-caregivers"), reply


def test_sad_about_a_match_is_not_low(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["my son has als and he is sad his team lost"], tmp_path)
    assert not str(reply["say"]).startswith(LOW), reply


@pytest.mark.parametrize(("said", "starts"), [
    ("my husband has als and is losing weight", "What I know doesn't cover weight loss"),
    ("my mum has ms and her legs are swollen", "What I know doesn't cover swelling."),
    ("my wife has ms and she has pressure sores", "What I know doesn't cover pressure sores"),
    ("how do i prevent bed sores", "What I know doesn't cover pressure sores"),
])
def test_carers_matters_said_not_covered_with_who_can_help(tmp_path: Path, said: str,
                                                           starts: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(starts), reply


def test_losing_weight_in_general_stays_declined(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["how do i lose weight"], tmp_path)
    assert str(reply["say"]).startswith(DECLINED), reply


HANDS = "Many people with these conditions find tasks with their hands hard."


@pytest.mark.parametrize("said", ["cramps in my hands when i write",
                                  "spasms in his hands when he eats"])
def test_cramps_in_the_hands_at_a_task_get_the_hands_reply(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(HANDS), reply
    assert reply["outcome"] == "confirm" and _offered(reply) == "impact-on-daily-life", reply


@pytest.mark.parametrize("said", ["go away", "leave me alone", "please go away"])
def test_sent_away_it_goes_quiet(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["outcome"] == "command" and str(reply["say"]).startswith("Goodbye."), reply


def test_will_it_go_away_is_still_the_cure_faq(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["will it go away"], tmp_path)
    assert reply["outcome"] == "answer" and _offered(reply) == CURE, reply


@pytest.mark.parametrize(("said", "starts"), [
    ("my husband has als, should he get a peg",
     "What I know doesn't cover feeding tubes or help with swallowing"),
    ("what is plasma exchange", "What I know doesn't go into plasma exchange."),
    ("what is a thymectomy", "What I know doesn't go into thymectomy."),
    ("what are dmts", "What I know doesn't go into disease-modifying therapies."),
    ("what is a disease modifying therapy",
     "What I know doesn't go into disease-modifying therapies."),
])
def test_treatments_not_named_are_said_with_who_can_tell(tmp_path: Path, said: str,
                                                          starts: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(starts), reply
    assert _offered(reply) is None, reply


@pytest.mark.parametrize("said", ["can ms be slowed down", "what slows als down"])
def test_slowing_the_condition_is_said_and_research_offered(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith("What I know doesn't go into treatments that slow"), reply
    assert reply["outcome"] == "confirm" and _offered(reply) == (
        "recent-advancements-and-research"), reply


@pytest.mark.parametrize("said", ["what is a clothes peg", "how do i slow down"])
def test_a_peg_or_slowing_down_alone_is_not_ours(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(DECLINED), reply


@pytest.mark.parametrize(("said", "starts"), [
    ("should i tell people at work", "What I know doesn't cover work"),
    ("will he suffocate", "What I know doesn't cover breathing"),
    ("what is pba", "Laughing or crying that comes suddenly"),
    ("my husband with als is very emotional, laughs and cries for no reason",
     "Laughing or crying that comes suddenly"),
])
def test_more_of_what_carers_ask_gets_its_topic(tmp_path: Path, said: str, starts: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(starts), reply


def test_telling_the_boss_one_is_leaving_stays_declined(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["how do i tell my boss i'm leaving"], tmp_path)
    assert str(reply["say"]).startswith(DECLINED), reply


def test_laughing_and_crying_at_a_film_is_not_ours(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["i laughed and cried at the film"], tmp_path)
    assert str(reply["say"]).startswith(DECLINED), reply
