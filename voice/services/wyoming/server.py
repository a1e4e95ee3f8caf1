"""The Wyoming service: the programs, their shared state, and wyoming's server.

One ``WyomingService`` holds what every connection shares: the content and
matcher (read again when the files change, ``content_reload``), the
conversations kept by id, the recognizer (one
decode at a time) and the limits. Each connection is a
``connection.Connection``; the listening itself is wyoming's
``AsyncTcpServer`` or ``AsyncUnixServer``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable

from wyoming.info import Info
from wyoming.server import AsyncServer

from voice.content.model import KnowledgeBase
from voice.conversation import Conversation
from voice.matching.matcher import Matcher
from voice.services.content_reload import ContentReload
from voice.services.wyoming.asr import HeardLog, SharedRecognizer
from voice.services.wyoming.binding import Binding
from voice.services.wyoming.connection import Connection
from voice.services.wyoming.describe import service_info
from voice.services.wyoming.handle import HandleProgram
from voice.services.wyoming.limits import Limits
from voice.services.wyoming.sessions import EXPIRE_SECONDS, Sessions
from voice.speech_in.base import Recognizer
from voice.speech_out.base import VoiceSettings

log = logging.getLogger("voice.serve")


class WyomingService:
    """Everything the connections share, and the server that accepts them."""

    def __init__(
        self,
        kb: KnowledgeBase,
        matcher: Matcher | None = None,
        recognizer: Recognizer | None = None,
        *,
        settings: VoiceSettings | None = None,
        limits: Limits | None = None,
        expire_seconds: float = EXPIRE_SECONDS,
        reload: ContentReload | None = None,
    ) -> None:
        self.kb = kb
        self.matcher = matcher or Matcher(kb)
        #: Reads the content again when its files change (None: never).
        self.reload = reload
        self.settings = settings or VoiceSettings()
        self.limits = limits or Limits()
        self.sessions = Sessions(self.new_conversation, expire_seconds)
        self.heard = HeardLog()
        self.handle = HandleProgram(self.sessions, self.heard, self.current_matcher)
        self.recognizer = SharedRecognizer(recognizer) if recognizer is not None else None
        self.info: Info = service_info(recognizer.name if recognizer is not None else None)
        self._open = 0
        self._server: AsyncServer | None = None

    def current_matcher(self) -> Matcher:
        """The matcher for the next question: the content as its files are now."""
        if self.reload is not None:
            self.matcher = self.reload.current()
            self.kb = self.matcher.kb
        return self.matcher

    def new_conversation(self) -> Conversation:
        # Paged as when listening: a long answer ends "Shall I go on?", and
        # "yes" in the same conversation reads on.
        return Conversation(self.kb, self.matcher, self.settings)

    def admit(self) -> bool:
        """Count a new connection in; False when there are too many already."""
        if self._open >= self.limits.connections:
            return False
        self._open += 1
        return True

    def release(self) -> None:
        self._open -= 1

    def _connection(self, reader: asyncio.StreamReader,
                    writer: asyncio.StreamWriter) -> Connection:
        return Connection(reader, writer, self)

    async def start(self, binding: Binding) -> None:
        """Listen without blocking (tests; ``serve`` for the command)."""
        self._server = binding.server()
        await self._server.start(self._connection)

    async def stop(self) -> None:
        if self._server is not None:
            await self._server.stop()
            self._server = None

    async def serve(self, binding: Binding, listening: Callable[[], None] | None = None) -> None:
        """Listen until SIGTERM (systemd's stop) or Ctrl+C; ``listening`` is
        called once the address is bound, so "serving" is said only then."""
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        await self.start(binding)
        try:
            with contextlib.suppress(NotImplementedError):
                loop.add_signal_handler(signal.SIGTERM, stop.set)
            if listening is not None:
                listening()
            await stop.wait()
        finally:
            with contextlib.suppress(NotImplementedError):
                loop.remove_signal_handler(signal.SIGTERM)
            await self.stop()
