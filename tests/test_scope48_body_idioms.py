"""Session 38 (branch scope48, issue 14): how people say their muscles
misbehave ("my legs lock up", "his calves knot up", "my legs are like
jelly") read in the content's words (voice/matching/body_idioms.py), only
when a part of the body is named just before.

Chosen on the tuning halves and on tests/data/scope48/probes-tuning.tsv
(docs/out-of-scope.md, session 38): 2 in-scope tuning lines and 7 probes
more found, no out-of-scope tuning line taken."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation.reply import Reply
from voice.matching import body_idioms, normalize
from voice.matching.matcher import Matcher

DATA = Path(__file__).parent / "data"
LIFESTYLE = "can-lifestyle-changes-help-manage-chronic-spasms"
RECOGNIZING = "recognizing-chronic-spasms-and-neuromuscular-disorders"
SIGNS = "what-are-the-early-signs-of-neuromuscular-disorders"
COPING = "coping-strategies-for-individuals-and-caregivers"


def _fresh(kb: KnowledgeBase) -> Matcher:
    # Prepared text is cached (normalize.prepare): cleared so the content
    # and the questions are folded with the switch as it is now.
    normalize.prepare.cache_clear()
    return Matcher(kb)


@pytest.fixture
def off(kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> Iterator[Matcher]:
    monkeypatch.setattr(body_idioms, "ON", False)
    yield _fresh(kb)
    monkeypatch.setattr(body_idioms, "ON", True)
    normalize.prepare.cache_clear()


@pytest.fixture(scope="module")
def on(kb: KnowledgeBase) -> Matcher:
    assert body_idioms.ON
    return _fresh(kb)


@pytest.mark.parametrize(("line", "entry"), [
    # inscope17-tuning: declined on its score (37.0).
    ("my wife's legs lock up at night what can we try", LIFESTYLE),
    # inscope-tuning32: declined on its score (37.5).
    ("my dad's calf muscles knot up when he walks to the shops, what's going on", RECOGNIZING),
    # Probes (tests/data/scope48/probes-tuning.tsv), declined before.
    ("my legs are like jelly by the afternoon", SIGNS),
    ("her toes curl up when she walks, why does that happen", RECOGNIZING),
    ("my jaw clenches by itself, is that one of the spasms", RECOGNIZING),
    ("what can stop my legs jumping at night", LIFESTYLE),
])
def test_idiom_offers_its_entry(on: Matcher, line: str, entry: str) -> None:
    r = on.match(line)
    assert r.outcome == "confirm"
    assert r.entry is not None and r.entry.id == entry


@pytest.mark.parametrize("line", [
    "my wife's legs lock up at night what can we try",
    "my dad's calf muscles knot up when he walks to the shops, what's going on",
    "my legs are like jelly by the afternoon",
])
def test_off_declines_as_before(off: Matcher, line: str) -> None:
    assert off.match(line).outcome == "no_match"


@pytest.mark.parametrize(("text", "folded"), [
    ("my legs lock up at night", "my legs stiff at night"),
    ("my calf muscles knot up", "my calf muscles cramp"),
    ("the muscles in her neck are in knots", "the muscles in her neck cramp"),
    ("her toes curl up when she walks", "her toes contract when she walks"),
    ("my knees keep giving out", "my knees keep weak"),
    ("my legs turn to jelly", "my legs weak"),
    ("his leg kicks out in bed", "his leg jerk in bed"),
])
def test_rewrite(text: str, folded: str) -> None:
    assert body_idioms.rewrite(text) == folded


@pytest.mark.parametrize("text", [
    # No part of the body before the idiom: the words stay.
    "how do i lock up the house",
    "i like to curl up with a book",
    "can i give out leaflets",
    "are jelly beans bad for you",
    "i need a hand to lock up",
    # The content's own "i get stressed and my muscles tense up" (Coping
    # Strategies) is stress, not stiffness: a first version folded "tense
    # up" to stiff and answered "my muscles feel tight and stiff, what can
    # help" with Coping Strategies (tuning32; no idiom of stiffness there).
    "i get stressed and my muscles tense up",
])
def test_rewrite_leaves(text: str) -> None:
    assert body_idioms.rewrite(text) == text


@pytest.mark.parametrize("line", [
    "how do i lock up my bike",
    "can i curl up on the sofa all day",
    "is jelly good for you",
    "my car's engine keeps locking up",
])
def test_not_ours_still_declined(on: Matcher, line: str) -> None:
    assert on.match(line).outcome == "no_match"


def test_stress_line_keeps_coping(on: Matcher) -> None:
    r = on.match("my muscles feel tight and stiff, what can help")
    assert r.outcome != "answer" or r.entry is None or r.entry.id != COPING


def test_probes_file() -> None:
    rows = [line for line in (DATA / "scope48" / "probes-tuning.tsv").read_text(
        encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert len(rows) >= 40 and all(len(r.split("\t")) == 2 for r in rows)


@pytest.mark.parametrize(("text", "is_said"), [
    ("My wife's legs lock up at night, what can we try?", True),
    ("my legs are like jelly", True),
    ("how do i lock up the house", False),
    ("my muscles seize up", False),
])
def test_said(text: str, is_said: bool) -> None:
    assert body_idioms.said(text) is is_said


def test_told_spasm_keeps_its_reply(typed: Callable[[str], Reply]) -> None:
    # Offered now by the matcher through the idiom (Recognizing, Impact on
    # Daily Life); the conversation keeps session 35's reply with its
    # caution, as when the matcher declined it.
    reply = typed("my legs lock up at night")
    assert reply.outcome == "confirm"
    assert "can't judge symptoms" in reply.say
