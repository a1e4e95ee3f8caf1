"""Session 37 (branch fresh47, issue 14): an offer carried by no word that
names a subject of the content, while the line names a thing the content
never uses, is declined (voice/matching/nothing_named.py).

"I feel guilty about my fathers death", "I feel like I failed myself",
"All I can do is cry and hate myself" (Counsel Chat's tuning half), "my
body hasn't been feeling good at all what can be wrong?" (Question
Doctors') and "why do you think we're here" (CLINC's) were offered Coping
Strategies, the lifestyle FAQ, the early signs or the causes on "feel",
"myself" or "why" alone. A part of the body, a subject of the content, an
editor's phrasing, or nothing unknown but a pronoun keeps what it had.

Shipped off in session 37 (``nothing_named.ON``: held out, dev.tsv's
in-scope row lost two lines), on since session 38 with two more guards
(tests/test_fresh48_nothing_named.py); these tests turn it on. "why do you
think we're here", a question put to the assistant, is kept by one of
them since (``ASKED_OF_YOU``). Typed through the Conversation as
`voice text` does (shipped content)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest

from voice.content.model import KnowledgeBase
from voice.conversation.reply import Reply
from voice.matching import nothing_named
from voice.matching.matcher import Matcher


@pytest.fixture(autouse=True)
def _on(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(nothing_named, "ON", True)
    yield


#: Tuning lines taken before (each offered an entry), and what is declined
#: in them now: neither answered nor offered.
_DECLINED = (
    ("I feel guilty about my fathers death", "death"),
    ("I feel like I failed myself", "failed"),
    ("All I can do is cry and hate myself", "cry"),
    ("my body hasn’t been feeling good at all what can be wrong?", "body"),
)


@pytest.mark.parametrize(("line", "word"), _DECLINED)
def test_nothing_of_the_content_named_is_declined(
        typed: Callable[[str], Reply], matcher: Matcher, line: str, word: str) -> None:
    reply = typed(line)
    assert reply.outcome not in ("answer", "confirm"), (line, reply.outcome, reply.say)
    assert matcher.match(line).outcome == "no_match"
    assert nothing_named.nothing_named(matcher, line) == word


def test_the_word_named(matcher: Matcher) -> None:
    assert nothing_named.nothing_named(matcher, "All I can do is cry and hate myself") == "cry"
    # A subject of the content named: not this check's.
    assert nothing_named.nothing_named(matcher, "i feel guilty about my spasms") is None


def test_a_feeling_gets_the_kind_reply(typed: Callable[[str], Reply]) -> None:
    """Declined by the matcher, a feeling said is still met kindly
    (voice/conversation/feelings.py), with no entry offered."""
    reply = typed("I feel guilty about my fathers death")
    assert reply.match is None
    assert "sorry" in reply.say.lower()


def test_the_switch_restores_the_offer(matcher: Matcher, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nothing_named, "ON", False)
    assert nothing_named.nothing_named(matcher, "All I can do is cry and hate myself") is None
    assert matcher.match("All I can do is cry and hate myself").outcome == "confirm"


def test_not_without_the_scope_check(kb: KnowledgeBase) -> None:
    """The benchmark's "without" column: the plain matcher, as before."""
    plain = Matcher(kb, check_scope=False)
    assert nothing_named.nothing_named(plain, "All I can do is cry and hate myself") is None
    assert plain.match("All I can do is cry and hate myself").outcome == "confirm"


#: In-scope tuning lines and probes that name no subject, or only a part of
#: the body: each had this outcome and entry before the change.
_AS_BEFORE = (
    # A part of the body: the heaviness is a symptom asked of (a probe).
    # Coping Strategies was offered before session 38; legs that feel heavy
    # are weak legs since (voice/matching/body_idioms.py), Recognizing.
    ("why do my legs feel heavy", "confirm",
     "recognizing-chronic-spasms-and-neuromuscular-disorders"),
    ("my hands feel weird", "confirm", "what-are-the-early-signs-of-neuromuscular-disorders"),
    # Unknown only by a pronoun (inscope-tuning32).
    ("give me the short version of everything", "confirm", "conclusion"),
    # No word the content never uses (dev.tsv, inscope5, inscope-tuning32).
    ("why me", "confirm", "causes-and-risk-factors"),
    ("sum it all up for me", "confirm", "conclusion"),
    ("is this forever", "confirm", "is-there-a-cure-for-neuromuscular-disorders"),
    # A subject named (inscope-tuning32, dev.tsv, inscope5).
    ("does cutting back on stress help with the spasms", "confirm",
     "can-lifestyle-changes-help-manage-chronic-spasms"),
    ("how do i stop feeling anxious all the time", "confirm",
     "coping-strategies-for-individuals-and-caregivers"),
    ("i feel so low since the diagnosis", "confirm",
     "coping-strategies-for-individuals-and-caregivers"),
    # The editors' own lines ("myself" is the lifestyle FAQ's keyword).
    ("what can i do myself", "answer", "can-lifestyle-changes-help-manage-chronic-spasms"),
    ("what can i do for myself at home", "answer",
     "can-lifestyle-changes-help-manage-chronic-spasms"),
    ("who can i talk to about how i feel", "answer",
     "coping-strategies-for-individuals-and-caregivers"),
)


@pytest.mark.parametrize(("line", "outcome", "entry"), _AS_BEFORE)
def test_the_contents_own_lines_keep_their_outcome(typed: Callable[[str], Reply], line: str,
                                                   outcome: str, entry: str) -> None:
    reply = typed(line)
    assert reply.outcome == outcome, (line, reply.outcome, reply.say)
    assert reply.match is not None and reply.match.id == entry, (line, reply.say)


def test_a_request_to_the_assistant_is_not_declined(kb: KnowledgeBase) -> None:
    """The benchmark's leave-one-out: "give me the short version" matched
    with its own phrasing taken out of the content, where "version" is a
    word the content never uses; kept by ``_TO_ASKER``."""
    q = "give me the short version"
    entries = tuple(dataclasses.replace(e, phrasings=tuple(p for p in e.phrasings
                                                            if p.lower() != q))
                    for e in kb.entries)
    m = Matcher(KnowledgeBase(entries))
    r = m.match(q)
    assert r.outcome == "confirm" and r.entry is not None and r.entry.id == "conclusion"
    assert nothing_named.nothing_named(m, q) is None
