"""Session 46 (`voice ask`, typed as a worried carer or patient asks):

- "should i go to a&e", "should i go to A and E", "should i call 111",
  "should i take her to casualty" were declined plainly, and "should i go
  to the er" lost "er" as a hesitation ("I only heard 'should i go to
  the'"), where "should i go to the hospital" was answered the FAQ on when
  to seek medical attention (normalize.clean reads the emergency
  department's everyday names as "hospital", 111 as the doctor);
- "take me to a&e" was offered that FAQ: asked to be taken now, it is an
  emergency's advice;
- "can i take my husbands pills" was declined plainly, "can i borrow my
  mums baclofen", "my friend gave me some of her tablets, can i take them"
  and "can i take my tablets with food" were offered an entry (Medication,
  Dietary Adjustments) as if it could say: only a prescriber can, and the
  assistant says so first (own_medicine.py).

Real `voice text`."""

from __future__ import annotations

from pathlib import Path

from voice.conversation import phrases

from .conftest import voice_text_replies

SEEK = "when-should-someone-seek-medical-attention-for-muscle-spasms"


def _id(reply: dict) -> str | None:  # type: ignore[type-arg]
    return (reply.get("match") or {}).get("id")


def test_the_emergency_department_by_its_everyday_names(tmp_path: Path) -> None:
    said = ["should i go to a&e", "should i go to A and E", "should i go to the er",
            "should i call 111", "should i take her to casualty", "should i go to the hospital"]
    replies = voice_text_replies(said, tmp_path)
    # Read once; asked again in other words, "That's in the part I just read".
    assert replies[0]["outcome"] == "answer"
    assert [_id(r) for r in replies] == [SEEK] * len(said)


def test_asked_to_be_taken_there_now_is_an_emergency(tmp_path: Path) -> None:
    replies = voice_text_replies(["take me to a&e", "please take me to hospital now"], tmp_path)
    assert [r["say"] for r in replies] == [phrases.EMERGENCY] * 2


def test_the_er_as_a_hesitation_stays_one(tmp_path: Path) -> None:
    """Not the end of a clause: "er" is still a hesitation there."""
    reply = voice_text_replies(["what is the er best treatment for spasms"], tmp_path)[0]
    assert _id(reply) != SEEK


def test_someone_elses_medicine_or_how_to_take_ones_own(tmp_path: Path) -> None:
    said = ["can i take my husbands pills", "can i borrow my mums baclofen",
            "my friend gave me some of her tablets, can i take them",
            "can i take my tablets with food"]
    replies = voice_text_replies(said, tmp_path)
    assert all(r["say"].startswith(phrases.OWN_MEDICINE) for r in replies), \
        [r["say"][:60] for r in replies]
    assert all(r["outcome"] != "answer" for r in replies)
