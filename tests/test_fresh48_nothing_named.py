"""Session 38 (branch fresh48, issue 14): nothing_named.py turned on, with
two guards for the shapes of in-scope lines it could decline.

Tiredness told ("he is exhausted by the afternoon", probes of tuning32's
"she is tired out by lunchtime every single day"): "exhausted" folds to
``sleep``, which "night" folds to too, so by token it counted as a pronoun
or unit of time's and named no subject (``PRONOUNS_BY_WORD``). A question
put to the assistant or asking whom to turn to, matched without its own
line as a paraphrase would be ("what topics do you cover", "who can i talk
to about how i feel"; ``ASKED_OF_YOU``). Without this branch's change (ON
False, neither guard) every test here fails: the shipped lines are offered,
and with ON forced the kept lines are declined."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation.reply import Reply
from voice.matching import nothing_named
from voice.matching.matcher import Matcher


def test_shipped_on() -> None:
    source = Path(nothing_named.__file__).read_text(encoding="utf-8")
    assert "\nON = True\n" in source


#: Tuning lines offered an entry before, declined as shipped (Counsel Chat,
#: Question Doctors).
_DECLINED = (
    "I feel guilty about my fathers death",
    "I feel like I failed myself",
    "All I can do is cry and hate myself",
    "my body hasn’t been feeling good at all what can be wrong?",
)


@pytest.mark.parametrize("line", _DECLINED)
def test_declined_as_shipped(typed: Callable[[str], Reply], matcher: Matcher, line: str) -> None:
    reply = typed(line)
    assert reply.outcome not in ("answer", "confirm"), (line, reply.outcome, reply.say)
    assert matcher.match(line).outcome == "no_match"


#: Tiredness told (probes): Impact on Daily Life offered, on or off.
_TIRED = (
    "he is exhausted by the afternoon",
    "he sleeps most of the afternoon",
    "i get tired really quickly these days",
)


@pytest.mark.parametrize("line", _TIRED)
def test_tiredness_names_a_subject(typed: Callable[[str], Reply], matcher: Matcher,
                                   monkeypatch: pytest.MonkeyPatch, line: str) -> None:
    monkeypatch.setattr(nothing_named, "ON", True)
    reply = typed(line)
    assert reply.outcome == "confirm", (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == "impact-on-daily-life"
    assert nothing_named.nothing_named(matcher, line) is None


def test_by_token_tiredness_was_taken_for_the_night(matcher: Matcher,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """What the guard mends: counted by token, "exhausted" is the token of
    "night", a unit of time, and the line names no subject."""
    monkeypatch.setattr(nothing_named, "ON", True)
    monkeypatch.setattr(nothing_named, "PRONOUNS_BY_WORD", False)
    assert nothing_named.nothing_named(matcher, "he is exhausted by the afternoon") == "afternoon"


def _names(matcher: Matcher, line: str) -> bool:
    return nothing_named._names_subject(matcher, line, matcher.content_tokens(line))


def test_a_pronoun_or_the_night_alone_still_names_nothing(
        matcher: Matcher, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pronoun guard of session 37 stays: "myself" is the lifestyle
    FAQ's keyword and names no subject; "night" alone neither, twice
    neither; tiredness with the night does."""
    monkeypatch.setattr(nothing_named, "ON", True)
    assert not _names(matcher, "I feel like I failed myself")
    assert not _names(matcher, "which night is bin night")
    assert nothing_named.nothing_named(matcher, "which night is bin night") == "bin"
    assert _names(matcher, "i feel tired every night")


def test_a_phrase_folds_on_the_whole_line(typed: Callable[[str], Reply], matcher: Matcher,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """"day to day" folds to ``daili`` (a subject) only with "day" in it:
    the subject is counted on the whole line's tokens (inscope-tuning32's
    line was declined by a first version that took the words out)."""
    monkeypatch.setattr(nothing_named, "ON", True)
    assert _names(matcher, "what simple changes can i make day to day")
    reply = typed("what simple changes can i make day to day")
    assert reply.outcome == "confirm"
    assert reply.match is not None
    assert reply.match.id == "can-lifestyle-changes-help-manage-chronic-spasms"


def _without(kb: KnowledgeBase, line: str) -> Matcher:
    """A matcher over the content without ``line`` among its phrasings."""
    entries = tuple(dataclasses.replace(e, phrasings=tuple(p for p in e.phrasings
                                                            if p.lower() != line))
                    for e in kb.entries)
    return Matcher(KnowledgeBase(entries))


@pytest.mark.parametrize(("line", "entry"), (
    ("what topics do you cover", "introduction"),
    ("who can i talk to about how i feel", "coping-strategies-for-individuals-and-caregivers"),
))
def test_asked_of_you_is_kept_without_its_own_line(kb: KnowledgeBase,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   line: str, entry: str) -> None:
    """The content's own line matched without itself, as a paraphrase with
    a word the content lacks would be: offered its entry, as off."""
    monkeypatch.setattr(nothing_named, "ON", True)
    m = _without(kb, line)
    r = m.match(line)
    assert r.outcome == "confirm" and r.entry is not None and r.entry.id == entry
    monkeypatch.setattr(nothing_named, "ASKED_OF_YOU", False)
    assert m.match(line).outcome == "no_match"


def test_a_question_to_the_assistant_is_kept(typed: Callable[[str], Reply],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """CLINC's "why do you think we're here", declined by session 37's
    check, is offered again: the cost of ``ASKED_OF_YOU``."""
    monkeypatch.setattr(nothing_named, "ON", True)
    assert typed("why do you think we're here").outcome == "confirm"


def test_a_thing_hard_to_do_is_kept(typed: Callable[[str], Reply], matcher: Matcher,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Daily life one finds hard ("stairs", a word the content never uses):
    the matcher offers Impact on Daily Life, as before (test_scope37_what_
    they_have failed without ``HARD_TO_DO``). Since session 43 the
    conversation says the home topic first, with Assistive Devices offered
    (not_covered.py): the matcher's outcome is what this guards."""
    monkeypatch.setattr(nothing_named, "ON", True)
    line = "we are struggling with the stairs"
    result = matcher.match(line)
    assert result.outcome == "confirm", (line, result.outcome)
    assert result.entry is not None and result.entry.id == "impact-on-daily-life"
    reply = typed(line)
    assert reply.outcome == "confirm" and reply.say.startswith("What I know doesn't cover "
                                                               "lifting"), reply.say
    assert reply.match is not None and reply.match.id == "assistive-devices"
    monkeypatch.setattr(nothing_named, "HARD_TO_DO", False)
    assert nothing_named.nothing_named(matcher, line) == "stairs"
