"""Gaps found by typing into `voice ask` (session 42), as a person with MS,
ALS or myasthenia gravis, or their carer, would ask:

- "is medical marijuana good for spasms" was read the FAQ on when to seek
  medical attention in full ("medical"), where "does cannabis help spasms"
  was told the content does not cover cannabis; "will smoking weed help my
  ms" was told about smoking;
- "does diet make a difference" and "does what i eat make a difference"
  were declined, where "does diet help" is read Dietary Adjustments;
- "should i tell my employer" was declined, "should i tell my boss i have
  ms" told about telling children or family;
- "he won't accept help", "she refuses to use her walker" were declined,
  "my husband won't use his wheelchair" read Assistive Devices in full;
- "how can i make the bathroom safer", "should i use heat or ice" and
  "should i put ice on my leg" were declined plainly.

Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import offered_id as _offered
from .conftest import voice_text_replies

MEDICATION = "medication"
DIETARY = "dietary-adjustments"
IMPACT = "impact-on-daily-life"
COPING = "coping-strategies-for-individuals-and-caregivers"


@pytest.mark.parametrize("said", [
    "is medical marijuana good for spasms",
    "will smoking weed help my ms",
])
def test_cannabis_by_any_name_is_said_not_covered(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith("What I know doesn't cover cannabis"), reply
    assert reply["answer"] is None and _offered(reply) == MEDICATION, reply


def test_weed_killer_is_no_cannabis(tmp_path: Path) -> None:
    """Guard (passes before too): "weed" alone is cannabis ("does weed help
    ms spasms"), not weed killer."""
    (reply,) = voice_text_replies(["can weed killer cause spasms"], tmp_path)
    assert "cannabis" not in str(reply["say"]), reply


@pytest.mark.parametrize("said", ["does diet make a difference",
                                  "does what i eat make a difference"])
def test_making_a_difference_is_helping(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert reply["outcome"] in ("answer", "confirm"), reply
    assert _offered(reply) == DIETARY, reply


def test_the_difference_between_two_things_is_no_help(tmp_path: Path) -> None:
    """Guard (passes before too): a comparison is not "help"."""
    (reply,) = voice_text_replies(["what is the difference between a spasm and a cramp"],
                                  tmp_path)
    assert reply["answer"] is None, reply


@pytest.mark.parametrize("said", ["should i tell my employer",
                                  "should i tell my boss i have ms"])
def test_telling_an_employer(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith("What I know doesn't cover work"), reply
    assert reply["answer"] is None and _offered(reply) == IMPACT, reply


@pytest.mark.parametrize("said", ["how do i tell my boss i'm leaving",
                                  "my employer wants me back in the office"])
def test_work_without_the_conditions_is_not_the_topic(tmp_path: Path, said: str) -> None:
    """Guard (passes before too)."""
    (reply,) = voice_text_replies([said], tmp_path)
    assert "cover work" not in str(reply["say"]), reply
    assert reply["answer"] is None, reply


@pytest.mark.parametrize("said", ["he won't accept help", "she refuses to use her walker",
                                  "my husband won't use his wheelchair",
                                  "my mum doesn't want any help"])
def test_someone_refusing_help(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith("That's hard, and many carers meet it"), reply
    assert reply["answer"] is None and _offered(reply) == COPING, reply


@pytest.mark.parametrize("said", ["the printer won't accept the paper",
                                  "my son won't eat his vegetables"])
def test_refusing_other_things_is_not_the_topic(tmp_path: Path, said: str) -> None:
    """Guard (passes before too)."""
    (reply,) = voice_text_replies([said], tmp_path)
    assert "carers meet it" not in str(reply["say"]), reply


def test_the_bathroom_made_safer(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["how can i make the bathroom safer"], tmp_path)
    assert "changes to the home" in str(reply["say"]), reply
    assert "occupational therapist" in str(reply["say"]), reply


@pytest.mark.parametrize("said", ["should i use heat or ice", "should i put ice on my leg"])
def test_heat_or_ice(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith("What I know doesn't cover heat, cold"), reply
    assert reply["answer"] is None, reply


@pytest.mark.parametrize("said", ["how do i communicate with him when he can't talk",
                                  "what about when he can't talk",
                                  "is there a device that can speak for me"])
def test_speech_and_communication(tmp_path: Path, said: str) -> None:
    """Declined plainly, or offered the devices FAQ (which names no speech
    aid), before."""
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith("What I know doesn't cover speech"), reply
    assert "speech and language therapist" in str(reply["say"]), reply


def test_breathless_lying_down(tmp_path: Path) -> None:
    """Declined plainly before: in ALS a sign for the doctor."""
    (reply,) = voice_text_replies(["he gets breathless lying down"], tmp_path)
    say = str(reply["say"])
    assert say.startswith("What I know doesn't cover breathing"), reply
    assert "emergency number" in say, reply


def test_short_of_breath_stays_an_emergency(tmp_path: Path) -> None:
    """Guard (passes before too)."""
    (reply,) = voice_text_replies(["she is short of breath"], tmp_path)
    assert reply["outcome"] == "emergency", reply


def test_worse_with_age_is_not_read_the_seek_attention_faq(tmp_path: Path) -> None:
    """Was read the FAQ on seeking medical attention in full: the content
    never speaks of age. Now said so, and that FAQ offered."""
    (reply,) = voice_text_replies(["do spasms get worse with age"], tmp_path)
    assert str(reply["say"]).startswith("What I know doesn't say how these conditions change "
                                        "with age"), reply
    assert reply["answer"] is None, reply
    assert _offered(reply) == "when-should-someone-seek-medical-attention-for-muscle-spasms"


def test_spasms_getting_worse_is_still_that_faq(tmp_path: Path) -> None:
    """Guard (passes before too): without "with age" it is the FAQ's own."""
    (reply,) = voice_text_replies(["my spasms are getting worse"], tmp_path)
    assert reply["outcome"] == "answer", reply
    assert _offered(reply) == "when-should-someone-seek-medical-attention-for-muscle-spasms"


@pytest.mark.parametrize(("said", "start"), [
    ("can i drink coffee", "What I know doesn't cover caffeine"),
    ("is it ok to have a beer", "What I know doesn't cover alcohol"),
    ("can i have a cup of tea", "What I know doesn't cover caffeine"),
])
def test_leave_for_a_drink(tmp_path: Path, said: str, start: str) -> None:
    """Declined plainly before."""
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith(start), reply


def test_leave_for_a_biscuit_is_no_topic(tmp_path: Path) -> None:
    """Guard (passes before too)."""
    (reply,) = voice_text_replies(["can i have a biscuit"], tmp_path)
    assert "doesn't cover" not in str(reply["say"]), reply


@pytest.mark.parametrize("said", ["can diet cure ms", "can surgery cure it",
                                  "can exercise cure als"])
def test_a_thing_asked_to_cure_it(tmp_path: Path, said: str) -> None:
    """Declined plainly, or The Role of Exercise offered alone, before."""
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith("What I know says there is no universal cure yet"), reply
    assert reply["answer"] is None, reply
    assert _offered(reply) == "is-there-a-cure-for-neuromuscular-disorders", reply


def test_a_cure_for_something_else_is_not_ours(tmp_path: Path) -> None:
    """Guard (passes before too)."""
    (reply,) = voice_text_replies(["does honey cure a cough"], tmp_path)
    assert "universal cure" not in str(reply["say"]), reply
