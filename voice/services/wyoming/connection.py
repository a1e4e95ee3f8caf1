"""One client's connection: its events, its own conversation, its audio.

Built on wyoming's ``AsyncEventHandler``, with its read loop replaced by one
that bounds every read in size (``limits.read_event``) and in time (the idle
timeout). Whatever goes wrong with one client (a malformed or oversized
event, audio without AudioStart, a disconnect in the middle of audio,
silence) is one log line and the end of that connection only; the server
goes on serving the others.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Any

from wyoming.asr import Transcribe, Transcript
from wyoming.audio import AudioChunk, AudioStart, AudioStop
from wyoming.error import Error
from wyoming.event import Event, async_write_event
from wyoming.info import Describe
from wyoming.ping import Ping, Pong
from wyoming.server import AsyncEventHandler

from voice.conversation import Conversation
from voice.services.wyoming.asr import Utterance
from voice.services.wyoming.limits import BadInput, read_event

if TYPE_CHECKING:
    from voice.services.wyoming.server import WyomingService

log = logging.getLogger("voice.serve")


def peer_name(writer: asyncio.StreamWriter) -> str:
    peer = writer.get_extra_info("peername")
    if isinstance(peer, tuple) and len(peer) >= 2:
        return f"{peer[0]}:{peer[1]}"
    return "unix socket client"


class Connection(AsyncEventHandler):
    """Serves one client until it leaves or sends something unusable."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                 service: WyomingService) -> None:
        super().__init__(reader, writer)
        self.service = service
        self.limits = service.limits
        self.peer = peer_name(writer)
        self._conversation: Conversation | None = None
        self._utterance: Utterance | None = None
        self._transcribe: Transcribe | None = None

    @property
    def conversation(self) -> Conversation:
        """This connection's own conversation (when the client sends no id)."""
        if self._conversation is None:
            self._conversation = self.service.new_conversation()
        return self._conversation

    async def run(self) -> None:
        admitted = self.service.admit()
        try:
            if not admitted:
                log.warning("%s: %d connections already open; connection refused",
                            self.peer, self.limits.connections)
                return
            await self._serve()
        except BadInput as e:
            log.warning("%s: %s; connection closed", self.peer, e.reason)
            with contextlib.suppress(Exception):
                await self.write_event(Error(text=e.reason, code="bad-input").event())
        except (ConnectionError, asyncio.IncompleteReadError, TimeoutError) as e:
            log.warning("%s: connection lost (%s)", self.peer, type(e).__name__)
        except Exception as e:  # one client's trouble must never stop the service
            log.error("%s: %s: %s; connection closed", self.peer, type(e).__name__, e)
            log.debug("details", exc_info=True)
        finally:
            if admitted:
                self.service.release()
            self.writer.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.writer.wait_closed(), self.limits.write_seconds)

    async def _serve(self) -> None:
        while True:
            try:
                event = await asyncio.wait_for(read_event(self.reader, self.limits),
                                               self.limits.idle_seconds)
            except TimeoutError:
                raise BadInput(f"sent nothing for {self.limits.idle_seconds:g} s") from None
            if event is None:
                if self._utterance is not None:
                    raise BadInput("disconnected in the middle of audio (no AudioStop)")
                return
            if not await self.handle_event(event):
                return

    async def write_event(self, event: Event) -> None:
        # A client that does not read its replies must not hold this forever.
        await asyncio.wait_for(async_write_event(event, self.writer), self.limits.write_seconds)

    async def handle_event(self, event: Event) -> bool:
        if Transcript.is_type(event.type):
            await self._handle(event)
        elif Describe.is_type(event.type):
            await self.write_event(self.service.info.event())
        elif Transcribe.is_type(event.type):
            self._transcribe = Transcribe.from_event(event)
        elif AudioStart.is_type(event.type):
            self._need_asr()
            d = event.data
            self._utterance = Utterance(d.get("rate"), d.get("width"), d.get("channels"),
                                        self.limits.audio_seconds)
        elif AudioChunk.is_type(event.type):
            if self._utterance is None:
                raise BadInput("audio without AudioStart")
            d = event.data
            self._utterance.add(d.get("rate"), d.get("width"), d.get("channels"),
                                event.payload or b"")
        elif AudioStop.is_type(event.type):
            if self._utterance is None:
                raise BadInput("AudioStop without AudioStart")
            await self._transcribe_audio()
        elif Ping.is_type(event.type):
            await self.write_event(Pong(text=_text(event.data)).event())
        else:
            # Servers drop events they do not know (SelectProgram, ...).
            log.debug("%s: ignored %s event", self.peer, event.type)
        return True

    async def _handle(self, event: Event) -> None:
        text = event.data.get("text")
        if not isinstance(text, str):
            raise BadInput("Transcript without text")
        transcript = Transcript(text=text, context=event.data.get("context"),
                                language=_text(event.data.get("language")))
        result = self.service.handle.handle(transcript, self.conversation)
        if result.ended:
            self._conversation = None
        log.info("%s: %s -> %s", self.peer, text[:80], result.reply.outcome)
        await self.write_event(result.event)

    def _need_asr(self) -> None:
        if self.service.recognizer is None:
            raise BadInput("audio sent, but this service has no speech recognizer "
                           "(started with --no-asr)")

    async def _transcribe_audio(self) -> None:
        assert self._utterance is not None and self.service.recognizer is not None
        clip = self._utterance.clip()
        self._utterance = None
        # Content changed since the last question: the recognizer is primed
        # for it before this audio is decoded (Whisper's prompt), not after.
        self.service.current_matcher()
        heard = await self.service.recognizer.transcribe(clip)
        self.service.heard.add(heard)
        asked = self._transcribe
        self._transcribe = None
        context: Any = asked.context if asked is not None else None
        log.info("%s: heard %.1f s: %s", self.peer, clip.duration, heard.text or "(nothing)")
        await self.write_event(Transcript(text=heard.text, context=context,
                                          language="en").event())


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
