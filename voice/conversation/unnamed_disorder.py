"""A disorder the content does not name ("can muscular dystrophy be cured"):
said plainly, then what the content says of neuromuscular disorders in
general offered, never read unasked; or declined naming the disorder when
no general entry fits. And the content's own conditions asked to be
described ("what is als"): the answer read after one line saying the
article only names them (voice/matching/other_disorders.py, session 32).

Why an offer and not the answer: the general entry is true of these
disorders as a group, not said of the one asked about; the user hears
that first and chooses. The words are not learned on "yes" (a learned
phrasing would read the entry outright next time, without the line).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from voice.conversation import not_understood, phrases, replies
from voice.conversation.heard import is_contents_question
from voice.conversation.reply import Reply
from voice.matching import other_disorders

if TYPE_CHECKING:
    from voice.content.model import Entry
    from voice.conversation.conversation import Conversation
    from voice.conversation.questions import Line


def not_by_name(name: str) -> str:
    """Said first: the disorder is not in the article by name."""
    return f"My article does not cover {name} by name."


def in_general(title: str) -> str:
    """The general entry offered (answered as any "Did you mean ...?")."""
    return (f"Would you like what it says about neuromuscular disorders in general: "
            f"{title.rstrip('?.!')}? Please say yes or no.")


def named_only(name: str) -> str:
    """Said before the entry that names one of the content's conditions in passing."""
    return (f"My article names {name} only as one of the neuromuscular disorders behind "
            f"chronic spasms, and does not describe it further. What it says about these "
            f"disorders:")


def unnamed_disorder(talk: Conversation, line: Line) -> Reply | None:
    """A line naming a disorder the content does not (a rule of
    questions.RULES): the general entry that fits offered, or the line
    declined with the disorder named. None for any other line."""
    found = other_disorders.unnamed_disorder(line.text, talk.kb)
    if found is None or is_contents_question(line.text, talk.matcher):
        return None
    result = talk.matcher.match(found.general, doubtful=line.doubtful, heard=line.heard,
                                sure=line.sure)
    s = talk.state
    if result.outcome in ("answer", "confirm") and result.entry is not None:
        s.offered = s.kind_offered = [result.entry]
        s.offer_words = ""
        s.offer_repeats, s.offer_score = 0, result.score
        s.pending_parts = []
        s.failures = 0
        return replies.reply(
            talk, line.text, "confirm",
            f"{not_by_name(found.name)} {in_general(result.entry.title)}",
            match=result.entry, score=result.score, alternatives=result.candidates[1:],
        )
    declined = not_understood.not_understood(talk, line.text, result=result,
                                             unclear=line.doubtful, typed=not line.heard)
    return _said_first(talk, declined, not_by_name(found.name))


def spelled_out(talk: Conversation, text: str, reply: Reply) -> Reply:
    """``reply`` after "MS stands for multiple sclerosis." when ``text`` asks
    what one of the content's abbreviations stands for."""
    found = other_disorders.stands_for(text)
    if found is None:
        return reply
    return _said_first(talk, reply, f"{found[0]} stands for {found[1]}.")


def described(talk: Conversation, text: str, entry: Entry, reply: Reply) -> Reply:
    """``reply``, the answer ``entry`` to ``text``, after one line when the
    question asks what one of the content's conditions is and the entry only
    names it."""
    name = other_disorders.named_only(text, entry)
    if name is None or reply.outcome != "answer":
        return reply
    return _said_first(talk, reply, named_only(name))


def _said_first(talk: Conversation, reply: Reply, first: str) -> Reply:
    """``reply`` with ``first`` said before it, after the disclaimer when it
    opens the reply (kept for "repeat" as it was)."""
    say = f"{first} {reply.say}"
    if reply.say.startswith(phrases.DISCLAIMER):
        say = f"{phrases.DISCLAIMER} {first} {reply.say[len(phrases.DISCLAIMER):].lstrip()}"
    if talk.state.last_say == reply.say:
        talk.state.last_say = say
    return replace(reply, say=say)

