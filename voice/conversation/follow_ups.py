"""Lines that lean on the turn before: the rest of a half question joined to
it, a pointer standing for the conversation's subject ("what helps it"),
"how long" asked of it, and a new question answered by the section just
read ("what is ms", then "what is als")."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from typing import TYPE_CHECKING

from voice.content.model import Entry
from voice.conversation import finding, kind_offers, phrases, replies
from voice.conversation.how_long import says_a_time, without_how_long
from voice.conversation.reply import Reply
from voice.conversation.same_section import mentioned_elsewhere, naming_sentence
from voice.conversation.subject import asks_of_it, subject_of, with_subject
from voice.conversation.unfinished import finished
from voice.matching.matcher import MatchResult
from voice.matching.normalize import clean

if TYPE_CHECKING:
    from voice.conversation.conversation import Conversation


def joined(talk: Conversation, part: str, rest: str, doubtful: bool, heard: bool,
           sure: Collection[str]) -> str:
    """The line to answer after "I only heard '``part``'": ``rest``
    joined to it ("what is the" + "spasticity"), unless ``rest`` is a
    question of its own, or the joined line finds nothing where ``rest``
    alone does ("how do I" + "eat well": the subject is in the rest)."""
    joined = finished(part, rest)
    if joined is None:
        return rest
    if (finding.match(talk, joined, doubtful, heard, sure).outcome == "no_match"
            and finding.match(talk, rest, doubtful, heard, sure).outcome != "no_match"):
        return rest
    return joined


def just_read(talk: Conversation, entry: Entry, text: str) -> bool:
    """``entry`` is the one read last, and ``text`` is another question
    than the one that read it ("what is ms", then "what is als")."""
    s = talk.state
    return bool(s.history) and s.history[-1].id == entry.id \
        and clean(text) != clean(s.read_for)


def read_already(talk: Conversation, text: str, entry: Entry) -> Reply:
    """A new question answered by the section just read: "what is ms",
    "what is als", "what is myasthenia gravis" read the same section
    (Recognizing ..., which names all three in one sentence) three times
    running (session 24). Said so, with the sentence that names what
    was asked, and read again only on "yes" (voice/conversation/same_section.py)."""
    subject = subject_of(text, talk.matcher)
    others = [e.answer for e in talk.kb.entries if e.id != entry.id]
    said = naming_sentence(entry.answer, subject)
    more = bool(subject) and mentioned_elsewhere(subject, others)
    return _offered_again(talk, text, entry, phrases.read_already(entry.title, said, not more))


def same_for_another(talk: Conversation, text: str, entry: Entry, named: str) -> Reply:
    """The question before asked again of another condition ("can ms be
    cured", then "what about als"), answered by the entry just read: said
    so, read again only on "yes" (voice/conversation/another_condition.py)."""
    return _offered_again(talk, text, entry, phrases.same_for_another(entry.title, named))


def _offered_again(talk: Conversation, text: str, entry: Entry, say: str) -> Reply:
    """``entry``, just read, offered again with ``say``."""
    s = talk.state
    s.offered = s.kind_offered = [entry]
    s.offer_words, s.offer_repeats, s.offer_score = "", 0, 100.0
    s.pending_parts, s.failures = [], 0
    return replies.reply(talk, text, "confirm", say, match=entry, score=100.0,
                         stop_speaking=True)


def how_long_offer(talk: Conversation, text: str, subject: str, doubtful: bool, heard: bool,
                   sure: Collection[str]) -> Reply | None:
    """"How long does diagnosis take": matched without "long" (a word of
    the long-term management entry, voice/conversation/how_long.py), what
    that finds offered, never read; said first when it gives no times.
    ``subject``: the conversation's, for a pointer ("how long does it last").
    None when the line without "long" finds nothing."""
    line = without_how_long(text)
    if subject:
        line = with_subject(line, subject) or line
    got = finding.match(talk, line, doubtful, heard, (*sure, *clean(subject).split()))
    if got.outcome == "no_match" or got.entry is None:
        return None  # the line as said stands, offered (questions.question)
    offered = got.offered or [got.entry]
    if any(says_a_time(e.answer) for e in offered):
        talk.state.offered, talk.state.offer_words = offered, ""
        talk.state.offer_repeats, talk.state.offer_score = 0, got.score
        talk.state.pending_parts, talk.state.failures = [], 0
        return replies.reply(talk, text, "confirm",
                             phrases.did_you_mean([e.title for e in offered]),
                             match=got.entry, score=got.score, alternatives=got.candidates[1:])
    talk.state.pending_parts, talk.state.failures = [], 0
    return kind_offers.kindly_offer(talk, text, phrases.NO_TIMES, offered, got.entry, got.score,
                                    phrases.WORRY_WAY_FORWARD, "how_long", stop_speaking=True,
                                    alternatives=got.candidates[1:])


def about_subject(talk: Conversation, text: str, result: MatchResult, subject: str, doubtful: bool,
                  heard: bool, sure: Collection[str]) -> MatchResult | None:
    """A follow-up whose pointer stands for the conversation's subject
    ("what causes spasms", then "what helps it"), which finds nothing as
    said: what the line with the subject in the pointer's place finds
    (voice/conversation/subject.py), offered ("Did you mean ...?"), never
    read in full: the pointer may stand for something else. None: the
    line as said stands (an answer or an offer it has is kept)."""
    if result.outcome != "no_match":
        return None
    line = with_subject(text, subject)
    if line is None or not asks_of_it(text, talk.matcher):
        return None
    got = finding.match(talk, line, doubtful, heard, (*sure, *clean(subject).split()))
    if got.outcome == "no_match" or got.entry is None:
        return None
    return replace(got, outcome="confirm")

