"""Conversations kept by conversation id, forgotten after a while.

Home Assistant opens a new connection for every utterance and sends the
conversation's id in the Transcript's context. So "Did you mean ...?" on one
connection and "yes" on the next are one conversation only if its state
follows the id. A conversation not spoken to for ``expire_seconds`` is
forgotten: by then the question it offered is long gone from the user's
mind, and a household's ids must not pile up.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from voice.conversation import Conversation

#: Home Assistant continues a conversation for 5 minutes after its last turn
#: (CONVERSATION_TIMEOUT in homeassistant/helpers/chat_session.py); the same here.
EXPIRE_SECONDS = 300.0
#: Conversations kept at most; the one idle longest goes first. Each is a
#: few KiB, so this bounds memory whatever ids clients invent.
MOST_SESSIONS = 1000
#: Longest conversation id taken; a longer one is not kept.
ID_CHARS = 200


class Sessions:
    """Conversations by id, each expiring ``expire_seconds`` after its last use."""

    def __init__(
        self,
        new: Callable[[], Conversation],
        expire_seconds: float = EXPIRE_SECONDS,
        most: int = MOST_SESSIONS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._new = new
        self.expire_seconds = expire_seconds
        self.most = most
        self._clock = clock
        #: id -> (conversation, last used), least recently used first.
        self._kept: OrderedDict[str, tuple[Conversation, float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, conversation_id: str) -> Conversation:
        """The conversation with this id: the one kept, or a new one."""
        now = self._clock()
        self._expire(now)
        kept = self._kept.pop(conversation_id, None)
        conversation = kept[0] if kept is not None else self._new()
        self._kept[conversation_id] = (conversation, now)
        while len(self._kept) > self.most:
            self._kept.popitem(last=False)
        return conversation

    def forget(self, conversation_id: str) -> None:
        self._kept.pop(conversation_id, None)

    def _expire(self, now: float) -> None:
        while self._kept:
            oldest = next(iter(self._kept))
            if now - self._kept[oldest][1] < self.expire_seconds:
                break
            del self._kept[oldest]


def conversation_id(context: object) -> str | None:
    """The conversation id a client sent in an event's context, if usable."""
    if not isinstance(context, dict):
        return None
    value = context.get("conversation_id")
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value or len(value) > ID_CHARS:
        return None
    return value
