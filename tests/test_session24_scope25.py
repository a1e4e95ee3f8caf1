"""Session 24 (branch scope25, issue 14): what the user gets.

- "how do i support her" was read Community Support and Awareness in full
  (its "support" is a noun there: support groups); supporting a person is
  Coping Strategies' "how can I support someone with this": offered, as
  nothing says who she is or what she has.
- "i was diagnosed with ms, what should i do" was offered Diagnosis and
  Medical Evaluations ("i was diagnosed, what should i do" read it in full):
  after a telling, "what should i do" asks where to begin, the
  Introduction's "where do i start", offered as "what now" is.
- A spoken line whose only content word reaches the content through a
  synonym heard a little unsurely ("where can i buy cheap shoes" heard
  "where can i keep(0.56) shoes(0.53)") was read Assistive Devices in full:
  offered now (heard.FOLDED_SURE).

Typed lines go through the Conversation as `voice text` does; spoken ones
through the app's path for speech (Assistant.handle_heard) with hearings
recorded from real tiny.en decodes of espeak-ng en-us clips (hear24's
tuning-half run): how tiny.en hears a knife-edge clip differs by CPU
(tests/recorded.py), the rule must not."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest

from voice.app import Assistant
from voice.content.model import KnowledgeBase
from voice.conversation import Conversation
from voice.conversation.reply import Reply
from voice.speech_in.base import Transcript

COPING = "coping-strategies-for-individuals-and-caregivers"
COMMUNITY = "community-support-and-awareness"


@pytest.mark.parametrize("line", ["how do i support her", "how can i support him",
                                  "how can we support them", "how can i support my wife",
                                  "support her"])
def test_supporting_a_person_offers_the_caring_entry(typed: Callable[[str], Reply],
                                                     line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", (reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == COPING, reply.say


#: Told or named what they have, the editor's own line, "support" as a noun
#: or a thing supported, supported with a thing of theirs: as before.
_SUPPORT_AS_BEFORE = (
    ("my wife has ms, how do i support her", "answer", COPING),
    ("my mum has been diagnosed with ms how do i support her", "answer", COPING),
    ("how do i support my husband with ms", "answer", COPING),
    ("how can i support someone with this", "answer", COPING),
    ("how can i get support", "answer", COMMUNITY),
    ("what support groups are there", "answer", COMMUNITY),
    ("how can i support a charity", "answer", COMMUNITY),
    ("how do i support my son with his exams", "no_match", None),
)


def test_only_an_untold_person_supported_is_offered(typed: Callable[[str], Reply]) -> None:
    """The offer is for a person with nothing told; every other use of
    "support" keeps its outcome."""
    got = [(line, typed(line)) for line, _, _ in _SUPPORT_AS_BEFORE]
    first = typed("how do i support her")
    assert (first.outcome, first.match.id if first.match else None) == ("confirm", COPING)
    for (line, reply), (_, outcome, entry) in zip(got, _SUPPORT_AS_BEFORE, strict=True):
        assert reply.outcome == outcome, (line, reply.outcome, reply.say)
        if entry is not None:
            assert reply.match is not None and reply.match.id == entry, (line, reply.say)


@pytest.mark.parametrize("line", [
    "i was diagnosed with ms, what should i do",
    "i was diagnosed, what should i do",
    "i have just been diagnosed with myasthenia gravis, what should i do",
    "my husband was diagnosed with als what do we do",
    "i was diagnosed with ms, what do i need to know",
])
def test_what_should_i_do_after_being_diagnosed_offers_where_to_start(
        typed: Callable[[str], Reply], line: str) -> None:
    reply = typed(line)
    assert reply.outcome == "confirm", (reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == "introduction", reply.say


def test_what_should_i_do_about_a_thing_is_not_where_to_start(
        typed: Callable[[str], Reply]) -> None:
    """Only "what should i do" ending the line after a telling: what to do
    about a thing named asks what helps it; no condition of ours, declined."""
    assert typed("i was diagnosed, what should i do").outcome == "confirm"
    about = typed("i was diagnosed with ms, what should i do about my spasms")
    assert about.outcome == "confirm" and about.match is not None
    assert about.match.id != "introduction", about.say
    assert typed("i was diagnosed with diabetes what should i do").outcome == "no_match"


def _handled(kb: KnowledgeBase, words: tuple[tuple[str, float], ...]) -> dict[str, Any]:
    said = Transcript(" ".join(w for w, _ in words), "whisper",
                      sum(p for _, p in words) / len(words), [], words)
    return Assistant(Conversation(kb), None, out=io.StringIO(),
                     json_lines=True).handle_heard(said)


@pytest.mark.parametrize("words", [
    # "where can i buy cheap shoes" (foreign-tuning.tsv), espeak-ng en-us.
    (("where", 0.77), ("can", 0.97), ("i", 0.92), ("keep", 0.56), ("shoes", 0.53)),
    # "what helps sunburn peel less" (health-tuning.tsv).
    (("what", 0.93), ("help", 0.48), ("someone", 0.43), ("deal", 0.50), ("with", 0.92)),
])
def test_a_mishearing_carried_by_one_unsure_synonym_is_never_read(
        kb: KnowledgeBase, words: tuple[tuple[str, float], ...]) -> None:
    out = _handled(kb, words)
    assert out["outcome"] != "answer", out


#: The content's own word as unsure ("cope"), a synonym heard above the
#: floor ("what sports can i do", tuning.tsv: sport at 0.57) or surely.
_ANSWERED_AS_BEFORE = (
    ((("how", 0.9), ("can", 0.95), ("i", 0.95), ("cope", 0.53)), COPING),
    ((("what", 0.96), ("sport", 0.57), ("can", 0.98), ("i", 0.98), ("do", 1.0)),
     "the-role-of-exercise-and-rehabilitation"),
    ((("what", 0.95), ("tablets", 0.9), ("can", 0.97), ("i", 0.96), ("take", 0.95)),
     "medication"),
)


def test_only_unsure_synonyms_are_stepped_down(kb: KnowledgeBase) -> None:
    """The mishearing is offered; a surer or the content's own word is still
    answered outright."""
    shoes = (("where", 0.77), ("can", 0.97), ("i", 0.92), ("keep", 0.56), ("shoes", 0.53))
    assert _handled(kb, shoes)["outcome"] == "confirm"
    for words, entry in _ANSWERED_AS_BEFORE:
        out = _handled(kb, words)
        assert out["outcome"] == "answer", out
        assert out["match"]["id"] == entry, out
