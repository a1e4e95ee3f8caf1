"""The fifth sets (branch scope16): fresh uncovered health questions and
fresh in-scope questions, written in one go, near-duplicates of every
held-out set dropped unread (rapidfuzz token-set ratio >= 80) and of every
tuning set dropped (>= 85); split by the first byte of the SHA-1 of the
lower-cased question (even: tuning), as the other sets are. And "since",
"until", "while", "during", "though", "although", "unless" are function words
(normalize.STOPWORDS), like "after" and "before": "i feel so low since the
diagnosis" (inscope5-tuning.tsv) was declined on "since" (evidence -1.3)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from rapidfuzz import fuzz, process

from voice.content.model import KnowledgeBase
from voice.conversation.conversation import Conversation
from voice.matching import Matcher, normalize

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def test_the_fifth_sets_are_split_by_sha1() -> None:
    for stem in ("health", "inscope5"):
        tuning = _rows(f"{stem}-tuning5.tsv" if stem == "health" else f"{stem}-tuning.tsv")
        heldout = _rows(f"{stem}-heldout5.tsv" if stem == "health" else f"{stem}-heldout.tsv")
        assert tuning and heldout
        assert all(hashlib.sha1(q.lower().encode()).digest()[0] % 2 == 0 for q, *_ in tuning)
        assert all(hashlib.sha1(q.lower().encode()).digest()[0] % 2 == 1 for q, *_ in heldout)
    assert all(e == "-" for _, e in _rows("health-tuning5.tsv") + _rows("health-heldout5.tsv"))
    assert all(e != "-" for _, e in _rows("inscope5-tuning.tsv") + _rows("inscope5-heldout.tsv"))


def test_the_fifth_sets_are_no_paraphrase_of_an_earlier_held_out_set() -> None:
    earlier = [q.lower() for name in ("health-heldout2.tsv", "health-heldout3.tsv",
                                      "health-heldout4.tsv", "heldout.tsv",
                                      "medquad-ours-heldout.tsv")
               for q, *_ in _rows(name)]
    for name in ("health-tuning5.tsv", "health-heldout5.tsv", "inscope5-tuning.tsv",
                 "inscope5-heldout.tsv"):
        for q, *_ in _rows(name):
            assert not process.extractOne(q.lower(), earlier, scorer=fuzz.token_set_ratio,
                                          score_cutoff=80), name


def test_conjunctions_are_function_words() -> None:
    for w in ("since", "until", "while", "during", "though", "although", "unless"):
        assert normalize.is_function_word(w), w


def test_low_since_the_diagnosis_is_ours(kb: KnowledgeBase, matcher: Matcher) -> None:
    reply = Conversation(kb, matcher).respond("i feel so low since the diagnosis")
    assert reply.outcome in ("answer", "confirm"), reply.say
    assert reply.match is not None
    assert reply.match.id == "coping-strategies-for-individuals-and-caregivers"


def test_in_the_first_place_asks_why(kb: KnowledgeBase, matcher: Matcher) -> None:
    """"in the first place" is an idiom (normalize.FILLER_PHRASES): the
    question was offered the early-signs FAQ ("first signs")."""
    reply = Conversation(kb, matcher).respond("why did i get spasms in the first place")
    assert reply.outcome in ("answer", "confirm"), reply.say
    assert reply.match is not None and reply.match.id == "causes-and-risk-factors", reply.say
