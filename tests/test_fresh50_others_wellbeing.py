"""Session 40 (branch fresh50, issue 14): others_wellbeing.py declines a
child's, a teenager's or a friend's sleep, mood, stress or diet asked with
nothing of the content's conditions named.

The declined lines are tuning lines (MedQuAD, iCliniq, Counsel Chat,
health-tuning48) offered Coping Strategies, Impact on Daily Life or the
diet entry before; the kept lines are probes of the editors' shapes (the
asker's own mood or tiredness, a grown child who cares for the asker, a
condition named). Without this branch's change the file does not import;
with the module but ``ON`` False the declined lines are offered again
(``test_the_switch_restores_the_offer``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation.reply import Reply
from voice.matching import others_wellbeing as ow
from voice.matching import wellbeing_apart as wa
from voice.matching.matcher import Matcher


def test_shipped_on() -> None:
    source = Path(ow.__file__).read_text(encoding="utf-8")
    assert "\nON = True\n" in source


#: Tuning lines offered an entry before, and the person each asks of.
_DECLINED = (
    ("Why does my granddaughter instantly switch moods?", "granddaughter"),
    ("my daughter finds it difficult to fall asleep. why?", "daughter"),
    ("my friend is under depression due to work stress. please help.", "friend"),
    ("Do I need to see a doctor for Help your teen cope with stress ?", "teen"),
    ("Do I need to see a doctor for Managing your depression - teens ?", "teens"),
    ("should my children take vitamin drops", "children"),
)


@pytest.mark.parametrize(("line", "person"), _DECLINED)
def test_declined(typed: Callable[[str], Reply], matcher: Matcher, line: str,
                  person: str) -> None:
    reply = typed(line)
    assert reply.outcome not in ("answer", "confirm"), (line, reply.outcome, reply.say)
    assert matcher.match(line).outcome == "no_match"
    assert ow.others_wellbeing(matcher, line, said=line) == person


@pytest.mark.parametrize(("line", "person"), _DECLINED[:3])
def test_the_switch_restores_the_offer(typed: Callable[[str], Reply],
                                       monkeypatch: pytest.MonkeyPatch, line: str,
                                       person: str) -> None:
    monkeypatch.setattr(ow, "ON", False)
    # Session 41: "my friend is under depression due to work stress" ties
    # two wellbeing subjects by a cause, declined by wellbeing_apart too.
    monkeypatch.setattr(wa, "ON", False)
    assert typed(line).outcome == "confirm"


def test_heard_speech_declined_too(matcher: Matcher) -> None:
    assert matcher.match("my son keeps waking up in the night", heard=True).outcome == "no_match"


def test_not_without_a_scope_model(kb: KnowledgeBase) -> None:
    line = _DECLINED[0][0]
    assert ow.others_wellbeing(Matcher(kb, check_scope=False), line) is None


#: The asker's own mood or tiredness, a child told of (probes): offered as
#: before; declined without ``_asker_own``.
_ASKER_OWN = (
    "how do i talk to my children about my mood swings",
    "my children don't understand my tiredness",
)


@pytest.mark.parametrize("line", _ASKER_OWN)
def test_the_askers_own_kept(typed: Callable[[str], Reply], matcher: Matcher,
                             monkeypatch: pytest.MonkeyPatch, line: str) -> None:
    assert typed(line).outcome in ("answer", "confirm"), line
    assert ow.others_wellbeing(matcher, line) is None
    monkeypatch.setattr(ow, "_asker_own", lambda words: False)
    assert ow.others_wellbeing(matcher, line) is not None


#: Probes of the caring and the conditions' shapes: taken, the rule silent.
_KEPT = (
    "my daughter is stressed from looking after me",
    "my daughter cares for me and is exhausted",
    "my son has spasms at night and can't sleep",
    "my kids are stressed about my illness",
    "my son is depressed since his diagnosis",
    "my friend gets muscle spasms when stressed",
    "my son has spasms, should he take vitamin d",
    "my husband can't sleep",
    "i am so stressed and my kids notice it",
)


@pytest.mark.parametrize("line", _KEPT)
def test_kept(typed: Callable[[str], Reply], matcher: Matcher, line: str) -> None:
    assert typed(line).outcome in ("answer", "confirm"), line
    assert ow.others_wellbeing(matcher, line) is None
