"""Size and time bounds on what a Wyoming client may send, and a reader that keeps them.

An event is a JSON header line, then ``data_length`` bytes of JSON data,
then ``payload_length`` bytes of payload. wyoming's own reader
(``wyoming.event.async_read_event``, 1.10) reads whatever lengths the header
claims: a header saying ``"payload_length": 10000000000`` makes it buffer
until memory runs out. A header that is JSON but not an object, or has a
length that is not a number, raises out of its handler task instead of
being refused. So the server reads events with ``read_event`` below, which
checks every length before reading and turns every malformation into one
``BadInput`` with the reason, and the framing is otherwise wyoming's own
(``wyoming.event.Event``; events are written with wyoming's writer).
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any

from wyoming.event import Event

#: A header line: type, version and lengths, well under 1 KiB from wyoming's
#: writer; older clients put the data in it too. asyncio's default stream
#: limit is the same, so the socket buffer is bounded by it as well.
HEADER_BYTES = 64 * 1024
#: JSON data of one event: a Transcript's text with its context, an Info.
DATA_BYTES = 64 * 1024
#: One audio chunk. Home Assistant sends 1,024 samples (2 KiB) per chunk; a
#: whole second of 192 kHz 32-bit stereo is 1.5 MiB. Chunks larger than this
#: are refused.
PAYLOAD_BYTES = 2 * 1024 * 1024
#: Longest utterance transcribed, in seconds of audio. The assistant's own
#: microphone stops at 30 s (``max_utterance``); a satellite's voice
#: activity detection normally ends a question long before.
AUDIO_SECONDS = 60.0
#: A client that sends nothing for this long is disconnected. Home Assistant
#: writes its request as soon as it connects; a satellite streams a chunk
#: every 64 ms.
IDLE_SECONDS = 60.0
#: Writing a reply to a client that does not read it gives up after this long.
WRITE_SECONDS = 30.0
#: Connections served at once; more are closed at once (each costs a little
#: memory and, for audio, up to AUDIO_SECONDS of samples).
CONNECTIONS = 64


@dataclass(frozen=True)
class Limits:
    header_bytes: int = HEADER_BYTES
    data_bytes: int = DATA_BYTES
    payload_bytes: int = PAYLOAD_BYTES
    audio_seconds: float = AUDIO_SECONDS
    idle_seconds: float = IDLE_SECONDS
    write_seconds: float = WRITE_SECONDS
    connections: int = CONNECTIONS


class BadInput(Exception):
    """A client sent something the server will not take; the reason is said once."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _length(header: dict[str, Any], key: str, most: int) -> int:
    value = header.get(key)
    if value is None:
        return 0
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise BadInput(f"malformed event: {key} is not a length")
    if value > most:
        raise BadInput(f"oversized event: {key} {value} bytes is over the limit of {most}")
    return value


def _json_object(raw: bytes, what: str) -> dict[str, Any]:
    try:
        value = json.loads(raw)
    except (UnicodeDecodeError, ValueError):
        raise BadInput(f"malformed event: the {what} is not JSON") from None
    except RecursionError:
        # '[[[[...' thousands deep fits in a header line and exhausts the
        # JSON decoder's stack: no Error event was sent before.
        raise BadInput(f"malformed event: the {what} is nested too deeply") from None
    if not isinstance(value, dict):
        raise BadInput(f"malformed event: the {what} is not a JSON object")
    return value


async def read_event(reader: asyncio.StreamReader, limits: Limits) -> Event | None:
    """The next event, or None when the client closed the connection between events.

    Raises ``BadInput`` for anything malformed or over the limits, and for a
    connection closed in the middle of an event. Never reads more than the
    limits allow.
    """
    try:
        line = await reader.readuntil(b"\n")
    except asyncio.IncompleteReadError as e:
        if not e.partial.strip():
            return None
        raise BadInput("disconnected in the middle of an event") from None
    except asyncio.LimitOverrunError:
        # asyncio's stream limit (64 KiB by default) passed without a newline.
        raise BadInput("oversized event: header line without an end") from None
    if len(line) > limits.header_bytes:
        raise BadInput(f"oversized event: header line over {limits.header_bytes} bytes")
    if not line.strip():
        raise BadInput("malformed event: empty header line")
    header = _json_object(line, "header")
    event_type = header.get("type")
    if not isinstance(event_type, str) or not event_type:
        raise BadInput("malformed event: no type")
    data = header.get("data") or {}
    if not isinstance(data, dict):
        raise BadInput("malformed event: data is not a JSON object")
    data_length = _length(header, "data_length", limits.data_bytes)
    payload_length = _length(header, "payload_length", limits.payload_bytes)
    try:
        if data_length:
            data = {**data, **_json_object(await reader.readexactly(data_length), "data")}
        payload = await reader.readexactly(payload_length) if payload_length else None
    except asyncio.IncompleteReadError:
        raise BadInput("disconnected in the middle of an event") from None
    return Event(type=event_type, data=data, payload=payload)

