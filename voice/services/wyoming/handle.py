"""The ``handle`` program: a Transcript in, the assistant's words out.

This is what Home Assistant's Wyoming integration uses as a conversation
agent. The words are the pure conversation's own (voice.conversation), so
they are exactly what the assistant says aloud: the health-information
note, the emergency advice, "Did you mean ...?". What the assistant declines
(nothing in the content answers it) is ``NotHandled``, with the polite
decline as its text, so Home Assistant knows the question was not answered
and still speaks the way forward.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wyoming.asr import Transcript
from wyoming.event import Event
from wyoming.handle import Handled, NotHandled

from voice.conversation import Conversation, Reply
from voice.conversation.heard import surely_heard, understood
from voice.matching.matcher import Matcher
from voice.services.wyoming.asr import HeardLog
from voice.services.wyoming.sessions import Sessions, conversation_id
from voice.speech_in.base import Transcript as Heard

#: Longest question taken, in characters. The longest FAQ question is under
#: 100; a satellite's transcript of 60 s of speech is about 1,000.
TEXT_CHARS = 2000


@dataclass
class HandleResult:
    event: Event
    reply: Reply
    ended: bool = False
    """The conversation ended ("goodbye", "quit"): the next turn starts a new one."""


class HandleProgram:
    """Answers Transcripts with the conversation of their connection or id."""

    def __init__(self, sessions: Sessions, heard: HeardLog | None = None,
                 matcher: Callable[[], Matcher] | None = None) -> None:
        self.sessions = sessions
        self.heard = heard
        #: The matcher in use now (the content may have been read again).
        self.matcher = matcher

    def handle(self, transcript: Transcript, own: Conversation) -> HandleResult:
        """The reply to ``transcript``; ``own`` is the connection's conversation,
        used when the client sends no conversation id."""
        text = (transcript.text or "")[:TEXT_CHARS]
        conv_id = conversation_id(transcript.context)
        conversation = self.sessions.get(conv_id) if conv_id is not None else own
        if self.matcher is not None:
            matcher = self.matcher()
            if conversation.matcher is not matcher:
                # A conversation goes on where it was ("yes" to an offer made
                # before the change reads that entry), with the new content.
                conversation.kb, conversation.matcher = matcher.kb, matcher
        heard = self.heard.take(text) if self.heard is not None else None
        reply = _respond(conversation, text, heard)
        # "quit" ends this conversation, never the service. "goodbye" puts
        # the assistant to sleep at home, where only "wake up" is heard
        # next; a client has its own wake word, and a sleeping conversation
        # would meet its next question with silence. So both start afresh.
        ended = reply.exit or reply.asleep
        if ended and conv_id is not None:
            self.sessions.forget(conv_id)
        context: dict[str, Any] | None = (
            {"conversation_id": conv_id} if conv_id is not None else None
        )
        if reply.outcome == "no_match":
            return HandleResult(NotHandled(text=reply.say, context=context).event(), reply,
                                ended)
        return HandleResult(Handled(text=reply.say, context=context).event(), reply, ended)


def _respond(conversation: Conversation, text: str, heard: Heard | None) -> Reply:
    """As ``Assistant.handle_heard`` for words this server itself heard (its
    word confidences then count), as ``handle_text`` for anything else."""
    if heard is not None:
        text, doubtful = understood(heard, conversation.matcher)
        return conversation.respond(text, doubtful, heard=True, sure=surely_heard(heard))
    return conversation.respond(text)
