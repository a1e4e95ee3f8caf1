"""The conditions' names, written once (session 42).

Five conversation rules each wrote the names of the content's conditions
out by hand, and they had drifted: "amyotrophic lateral sclerosis" and
"Lou Gehrig's disease" were missing from some. Typed into `voice ask`, each
line below met a wrong or plain reply that its "ms" twin did not:

- "my husband has amyotrophic lateral sclerosis is it contagious": the
  plain "Sorry, I don't have an answer" (worries);
- "my dad with lou gehrig's disease keeps falling": the hereditary FAQ
  offered, nothing of falls (falls);
- "how many people have lou gehrig's disease": Causes offered (living_topics);
- "how long do people with lou gehrig's disease live": the plain sorry;
- "can i drive with amyotrophic lateral sclerosis": Recognizing offered,
  nothing of driving (not_covered).

Now every rule reads ``conditions_named.NAMED``, built from the matcher's
own table of names. Real `voice text`."""

from __future__ import annotations

from pathlib import Path

import pytest

from voice.conversation.conditions_named import FORMS

from .conftest import offered_id as _offered
from .conftest import voice_text_replies

HEREDITY = "are-neuromuscular-disorders-hereditary"
CURE_FAQ = "is-there-a-cure-for-neuromuscular-disorders"


def test_every_name_of_the_matchers_table_is_in_the_shared_forms() -> None:
    """The forms are the matcher's, longest first (so the longer of two
    forms sharing a start is tried first), and never "mg" (milligrams)."""
    assert {"amyotrophic lateral sclerosis", "lou gehrig's disease", "multiple sclerosis",
            "myasthenia gravis", "als", "ms", "mnd"} <= set(FORMS)
    assert "mg" not in FORMS
    assert list(FORMS) == sorted(FORMS, key=len, reverse=True)


@pytest.mark.parametrize("said", [
    "my husband has amyotrophic lateral sclerosis is it contagious",
    "is lou gehrig's disease contagious",
])
def test_contagion_of_any_name(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert "doesn't say whether it can pass from one person to another" in str(reply["say"]), reply
    assert reply["answer"] is None and _offered(reply) == HEREDITY, reply


@pytest.mark.parametrize("said", [
    "my dad with lou gehrig's disease keeps falling",
    "my mum with amyotrophic lateral sclerosis keeps falling what should i do",
])
def test_a_fall_of_someone_with_any_name(tmp_path: Path, said: str) -> None:
    (reply,) = voice_text_replies([said], tmp_path)
    assert str(reply["say"]).startswith("Falls can be serious"), reply
    assert reply["answer"] is None, reply


def test_how_common_of_any_name(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["how many people have lou gehrig's disease"], tmp_path)
    assert "millions of people worldwide" in str(reply["say"]), reply
    assert reply["answer"] is None, reply


def test_how_long_people_live_with_any_name(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["how long do people with lou gehrig's disease live"],
                                  tmp_path)
    assert str(reply["say"]).startswith("That's a hard thing to be wondering about"), reply
    assert reply["answer"] is None and _offered(reply) == CURE_FAQ, reply


def test_driving_with_any_name(tmp_path: Path) -> None:
    (reply,) = voice_text_replies(["can i drive with amyotrophic lateral sclerosis"], tmp_path)
    assert "doesn't cover driving" in str(reply["say"]), reply
    assert reply["answer"] is None, reply


@pytest.mark.parametrize("said", [
    "how many people have lou gehrig's disease",
    "can i drive with amyotrophic lateral sclerosis",
])
def test_the_twin_with_ms_was_already_met(tmp_path: Path, said: str) -> None:
    """Guard (passes before too): the same line with "ms" was met before."""
    twin = said.replace("lou gehrig's disease", "ms").replace("amyotrophic lateral sclerosis",
                                                              "ms")
    (reply,) = voice_text_replies([twin], tmp_path)
    assert reply["answer"] is None, reply
    assert "millions" in str(reply["say"]) or "driving" in str(reply["say"]), reply
