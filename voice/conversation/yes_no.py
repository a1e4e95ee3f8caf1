"""Yes, "go on", "tell me more", "the second one", and "that's wrong" (the
runner-up offered)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from voice.conversation import phrases, replies, two_part_lines
from voice.conversation.reply import Reply
from voice.matching.normalize import clean

if TYPE_CHECKING:
    from voice.conversation.conversation import Conversation


#: "And the other?", "what about the other one": asking for the other entry
#: of an offer after one was read (session 34); "the other one" alone is a
#: command already (commands.PHRASINGS "second").
#: "What was the other one?", "what was the second option again": declined
#: as questions (session 37, typed), though only said when one of an offer
#: was read and the other waits (dispatch: ``chosen_among``, nothing offered).
#: Not "topic": "the second topic" is topic 2 of the list (choices.py).
_THE_OTHER = re.compile(r"(?:and |what about |how about |now |then |can you read |read |"
                        r"tell me |and now |what was |what is |which was |so )*(?:the )?"
                        r"(?:other|second)(?: one| option| choice)?(?: again)?(?: please)?")


def asks_for_the_other(text: str) -> bool:
    """Whether ``text`` asks for "the other one" in other words."""
    return _THE_OTHER.fullmatch(clean(text).rstrip(" ?.!")) is not None


def wrong(talk: Conversation, text: str, command: str) -> Reply:
    """The answer just given was not what was asked: offer the runner-up."""
    s = talk.state
    s.offered, s.others, s.pending_parts = s.others, [], []
    s.offer_repeats, s.offer_score = 0, 0.0
    # If the runner-up is what was meant, the question's words mean it.
    s.offer_words, s.answer_words = s.answer_words, ""
    titles = [e.title for e in s.offered]
    return replies.reply(
        talk, text, "confirm", f"{phrases.SORRY} {phrases.did_you_mean(titles)}",
        match=s.offered[0], command=command, stop_speaking=True,
    )


def yes(talk: Conversation, text: str, command: str) -> Reply:
    """"Yes" (the offer read), "the second one", or "go on" / "tell me more"
    (the next part, the parts set aside by "stop", or the nearest other entry)."""
    s = talk.state
    if s.offered:
        index = 1 if command == "second" else 0
        if index == 1 and len(s.offered) == 1 and s.offered[0] in s.chosen_among:
            # "Both" read the first and offered the second alone: "the
            # other one" is that one (it said "What else ...?").
            index = 0
        if index < len(s.offered):
            chosen = s.offered[index]
            return replies.answer(talk, text, chosen, others=[e for e in s.offered if e != chosen],
                                  learned=replies.learn(talk, chosen))
    if command == "second" and not s.offered and s.chosen_among and s.history:
        # "The other one" after "yes" read the first of two offered: the
        # other read (it said "What else would you like to know?").
        read = s.history[-1]
        among = s.chosen_among
        chosen = (among[1] if len(among) > 1 and among[1] != read
                  else next((e for e in among if e != read), read))
        reply = replies.answer(talk, text, chosen, others=[e for e in among if e != chosen])
        s.chosen_among = among
        return reply
    if command == "more" and not s.pending_parts and s.stopped_parts:
        s.pending_parts, s.stopped_parts = s.stopped_parts, []
    if s.pending_parts:
        chunk = s.pending_parts.pop(0)
        say = f"{chunk} {s.pending_prompt}" if s.pending_parts else chunk
        entry = s.pending_entry
        reply = replies.reply(
            talk, text, "answer" if entry else "command", say, match=entry,
            answer=entry.answer if entry else None, score=100.0 if entry else 0.0,
            command=None if entry else command, more=bool(s.pending_parts),
        )
        if entry is not None and not s.pending_parts and s.second is not None:
            return two_part_lines.offer_second(talk, reply)
        return reply
    if command == "more" and s.others and s.history:
        # "Tell me more" after the whole answer: the nearest other entry
        # is offered, not "That's all" (it never read unasked).
        s.offered, s.others = s.others, []
        s.kind_offered = s.offered
        s.offer_repeats, s.offer_score, s.offer_words = 0, 0.0, ""
        titles = [e.title for e in s.offered]
        return replies.reply(
            talk, text, "confirm", f"{phrases.ALL_ON_THAT} {phrases.would_you_like(titles)}",
            match=s.offered[0], command=command,
        )
    if command == "more" and not s.history:
        return replies.reply(talk, text, "command", phrases.NOTHING_READ_YET, command=command)
    if command == "more":
        # Not remembered: "go on" once too often, then "repeat", said
        # "That's all I have on that" again instead of the answer's last
        # part (found using voice text).
        return replies.reply(talk, text, "command", phrases.NO_MORE, command=command,
                             remember=False)
    return replies.reply(talk, text, "command", phrases.WHAT_ELSE, command=command)



def both(talk: Conversation, text: str, command: str) -> Reply:
    """"Both" to two entries offered: the first read, the second offered
    after it ("You also asked about ...: say yes to hear it"), as a line
    asking two questions is answered. One offered: a plain yes."""
    s = talk.state
    if len(s.offered) < 2:
        return yes(talk, text, "yes")
    first, second = s.offered[0], s.offered[1]
    # Not learned: the words asked for both, not for the first alone.
    s.offer_words = ""
    reply = replies.answer(talk, text, first, others=[second])
    s.second = second
    if s.pending_parts:
        # Offered after the first one's last part ("go on" reads on).
        return reply
    return two_part_lines.offer_second(talk, reply)


def unsure(talk: Conversation, text: str, command: str) -> Reply:
    """"Maybe" or "I don't know" to an offer: no "I didn't catch that"
    (it was heard), the offer made again as a plain choice."""
    s = talk.state
    if not s.offered and s.pending_parts and s.last_say.endswith(s.pending_prompt):
        # To "Shall I go on?" just asked.
        return replies.reply(talk, text, "command",
                             f"{phrases.THAT_IS_ALL_RIGHT} {phrases.GO_ON_OR_ASK}",
                             command=command, more=True)
    if not s.offered:
        # Parts kept from long before (a topic list, say): nothing was
        # just asked, and "I don't know" is no question to decline.
        return replies.reply(talk, text, "command", phrases.NEVER_MIND, command=command)
    titles = [e.title for e in s.offered]
    return replies.reply(talk, text, "confirm",
                         f"{phrases.THAT_IS_ALL_RIGHT} {phrases.would_you_like(titles)}",
                         match=s.offered[0], score=s.offer_score, command=command)


def no_or_wrong(talk: Conversation, text: str, command: str) -> Reply:
    """ "No" or "that's wrong": a phrasing the user taught unlearned, an offer
    declined, "Shall I go on?" declined, or the runner-up offered."""
    s = talk.state
    if command == "wrong" and s.answered_phrasing is not None:
        # The answer came from a phrasing the user taught: it was wrong.
        gone, s.answered_phrasing = s.answered_phrasing, None
        talk.phrasings.forget(gone)
        s.pending_parts = []
        return replies.reply(talk, text, "command", phrases.forgot_phrasing(gone.words),
                             command=command, stop_speaking=True, learned="removed")
    if command == "wrong" and s.offered and s.offered == [s.second_offered]:
        # "That's wrong" to "You also asked about X": the answer just
        # read was wrong, as after any answer (the runner-up is offered).
        s.offered, s.second_offered = [], None
    if s.offered:
        # Declining the offered second question is not a wrong guess;
        # nor is declining what was offered after a feeling, a worry
        # or "tell me more" (no words of theirs were guessed at):
        # "ask again in other words" told them they had asked wrongly.
        say = (phrases.WHAT_ELSE if s.offered == [s.second_offered]
               or s.offered is s.kind_offered else phrases.ASK_AGAIN)
        s.offered, s.second_offered = [], None
        return replies.reply(talk, text, "command", say, command=command)
    if s.pending_parts and command == "no":
        # "Shall I go on?" "No.": the answer was right, just long enough.
        replies.set_aside(talk)
        reply = replies.reply(talk, text, "command", phrases.WHAT_ELSE, command=command)
        if s.second is not None:
            # The second question of the line is still unanswered.
            return two_part_lines.offer_second(talk, reply, "All right.")
        return reply
    if s.others:
        return wrong(talk, text, command)
    if command == "wrong":
        s.pending_parts = []
        return replies.reply(talk, text, "command", phrases.SORRY_ASK_AGAIN, command=command,
                             stop_speaking=True)
    return replies.reply(talk, text, "command", phrases.WHAT_ELSE, command=command)
