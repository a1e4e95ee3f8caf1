"""A disorder the article does not name, and "what is als" (session 32,
branch named38, found by typing).

"can muscular dystrophy be cured" and "caring for someone with muscular
dystrophy" were declined as if off the subject ("Sorry, I don't have an
answer for that in what I know"), though the article's general entries on
neuromuscular disorders are written for them too. Now it says plainly that
the article does not cover the disorder by name and offers the general
entry that fits; "yes" reads it. A line with no fitting general entry is
declined naming the disorder. "what is als" was read the entry that only
names ALS as if it described it; now one line says so first. Real `voice
text`, and the last test real `voice listen` (espeak-ng through the
virtual microphone, tiny.en).
"""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from voice.content.model import KnowledgeBase
from voice.matching import other_disorders

from .conftest import voice_text_replies
from .test_robust25_slow_and import whisper_listened

CURE = "Is there a cure for neuromuscular disorders"


@pytest.mark.parametrize(("line", "name", "offered"), [
    ("can muscular dystrophy be cured", "muscular dystrophy", CURE),
    ("caring for someone with muscular dystrophy", "muscular dystrophy", "Coping Strategies"),
    ("is parkinson's hereditary", "Parkinson's disease", "Are neuromuscular disorders"),
    ("what is cerebral palsy", "cerebral palsy", "Recognizing Chronic Spasms"),
    ("what are the early signs of guillain barre", "Guillain-Barré syndrome",
     "What are the early signs"),
    # The exercise section and Physical Therapy ("what gentle exercise
    # helps") score alike (68.1, 67.7); since session 37 (close_phrase.py)
    # the wording puts Physical Therapy first. Either answers it.
    ("my son has spinal muscular atrophy what exercise helps", "spinal muscular atrophy",
     "The Role of Exercise|Physical Therapy"),
])
def test_an_unnamed_disorder_is_said_and_the_general_entry_offered(
        tmp_path: Path, line: str, name: str, offered: str) -> None:
    reply = voice_text_replies([line], tmp_path)[0]
    assert reply["outcome"] == "confirm", reply
    assert any(reply["say"].startswith(f"My article does not cover {name} by name. "
                                       "Would you like what it says about neuromuscular "
                                       f"disorders in general: {one}")
               for one in offered.split("|")), reply


def test_yes_reads_the_general_entry_no_declines_it(tmp_path: Path) -> None:
    offer, yes, again, no = voice_text_replies(
        ["can muscular dystrophy be cured", "yes",
         "caring for someone with muscular dystrophy", "no"], tmp_path)
    assert offer["outcome"] == "confirm", offer
    assert yes["outcome"] == "answer" and "no universal cure" in yes["say"], yes
    assert again["outcome"] == "confirm", again
    assert no["outcome"] == "command" and "What else" in no["say"], no


def test_nothing_fits_declined_naming_the_disorder(tmp_path: Path) -> None:
    reply = voice_text_replies(["can you book a flight for my brother with cerebral palsy"],
                               tmp_path)[0]
    assert reply["outcome"] == "no_match", reply
    assert reply["say"].startswith("My article does not cover cerebral palsy by name. Sorry,"), \
        reply


def test_a_yes_is_not_learned_as_a_phrasing(tmp_path: Path) -> None:
    """The general entry must never be read outright next time: the line
    that the article does not name the disorder comes first again."""
    replies = voice_text_replies(["can muscular dystrophy be cured", "yes",
                                  "can muscular dystrophy be cured"], tmp_path)
    assert replies[2]["outcome"] == "confirm", replies[2]
    assert replies[2]["say"].startswith("My article does not cover muscular dystrophy"), \
        replies[2]


@pytest.mark.parametrize(("line", "name"), [
    ("what is als", "ALS"), ("what is ms", "multiple sclerosis"),
    ("what is myasthenia gravis", "myasthenia gravis"),
    ("what is motor neurone disease", "ALS"), ("tell me about ms", "multiple sclerosis"),
    ("what does als mean", "ALS"),
])
def test_a_condition_only_named_says_so_then_reads(tmp_path: Path, line: str, name: str) -> None:
    reply = voice_text_replies([line], tmp_path)[0]
    assert reply["outcome"] == "answer", reply
    assert reply["match"]["id"] == "recognizing-chronic-spasms-and-neuromuscular-disorders", reply
    assert (f"My article names {name} only as one of the neuromuscular disorders"
            in reply["say"]), reply
    assert "Chronic muscle spasms occur" in reply["say"], reply


@pytest.mark.parametrize("line", [
    "what are chronic spasms", "is there a cure for als", "what causes ms",
    "what is macular dystrophy", "display the routing number for account huntington",
    "do i need a tetanus jab after a dog bite",
])
def test_other_lines_are_left_alone(tmp_path: Path, line: str) -> None:
    reply = voice_text_replies([line], tmp_path)[0]
    assert "by name" not in reply["say"] and "only as one of" not in reply["say"], reply


def test_a_disorder_the_content_names_is_not_unnamed(kb: KnowledgeBase) -> None:
    """A caregiver's entry on cerebral palsy: no longer "not by name"."""
    assert other_disorders.unnamed_disorder("what is cerebral palsy", kb) is not None
    first = replace(kb.entries[0], answer=kb.entries[0].answer + " Cerebral palsy too.")
    edited = replace(kb, entries=(first, *kb.entries[1:]))
    assert other_disorders.unnamed_disorder("what is cerebral palsy", edited) is None


@pytest.mark.audio
def test_voice_listen_offers_the_general_entry(virtual_mic: Any, tmp_path: Path) -> None:
    wav = tmp_path / "asked.wav"
    subprocess.run(["espeak-ng", "-v", "en", "-s", "140", "-w", str(wav),
                    "Is cerebral palsy hereditary?"], check=True, timeout=30)
    replies = whisper_listened(virtual_mic, wav, tmp_path)
    assert replies, "nothing heard"
    assert replies[0]["outcome"] == "confirm", replies
    assert replies[0]["say"].startswith("My article does not cover cerebral palsy"), replies


@pytest.mark.parametrize(("line", "offered"), [
    ("are muscular disorders hereditary", "Are neuromuscular disorders hereditary"),
    ("can muscular disorders be cured", CURE),
])
def test_muscular_disorders_are_ours(tmp_path: Path, line: str, offered: str) -> None:
    """"muscular" was a word the content never says (Snowball keeps it apart
    from "muscle"): the line was declined as another subject's; now offered."""
    reply = voice_text_replies([line], tmp_path)[0]
    assert reply["outcome"] in ("answer", "confirm"), reply
    assert reply["match"]["title"].startswith(offered), reply


@pytest.mark.parametrize(("said", "offered"), [
    ("my mother has parkinsons, how can i help her",
     "Coping Strategies for Individuals and Caregivers"),
    ("my son has cerebral palsy what do we do", "Introduction"),
])
def test_told_who_has_it_offers_what_fits_the_telling(tmp_path: Path, said: str,
                                                      offered: str) -> None:
    """Said of "this condition" when told who has it (other_disorders.TOLD):
    with "a neuromuscular disorder" in its place the cure FAQ was offered."""
    reply = voice_text_replies([said], tmp_path)[0]
    assert reply["outcome"] == "confirm" and reply["match"]["title"] == offered, reply
