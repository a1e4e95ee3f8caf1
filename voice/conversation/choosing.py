"""A number said: one of the offered entries ("Did you mean A; or B?" "two"),
or a topic of the list read with numbers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from voice.conversation import not_understood, phrases, replies
from voice.conversation.choices import Choice
from voice.conversation.not_understood import OFFER_REPEATS
from voice.conversation.reply import Reply

if TYPE_CHECKING:
    from voice.conversation.conversation import Conversation


def choose(talk: Conversation, text: str, choice: Choice) -> Reply:
    """A number said: an offered entry, a topic of the list, or how to choose."""
    s = talk.state
    if s.offered and not choice.led and 1 <= choice.number <= len(s.offered):
        # "Did you mean A; or B?" answered with "one" or "two".
        chosen = s.offered[choice.number - 1]
        return replies.answer(talk, text, chosen, others=[e for e in s.offered if e != chosen],
                              learned=replies.learn(talk, chosen))
    if (s.offered and not choice.led and not s.numbered
            and s.offer_repeats < OFFER_REPEATS):
        # "zero" or "3" to "Did you mean A; or B?": neither, so the offer
        # is asked again with how to answer it (before: "first say 'list
        # topics'", as if nothing had been asked).
        return not_understood.offer_again(talk, text)
    if choice.led or s.numbered:
        entries = talk.kb.entries
        if 1 <= choice.number <= len(entries):
            return replies.answer(talk, text, entries[choice.number - 1])
        return replies.reply(talk, text, "no_match", phrases.no_such_topic(choice.number,
                                                                           len(entries)))
    # A bare number with nothing to choose from: perhaps a misheard
    # question, perhaps a choice too early. Either way, say how.
    return replies.reply(talk, text, "no_match", phrases.list_topics_first())

