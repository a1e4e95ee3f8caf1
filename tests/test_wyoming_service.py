"""`voice serve` against the official wyoming client, over real loopback sockets.

The server is the real one (wyoming's AsyncTcpServer with our handler), the
client is wyoming's own AsyncTcpClient, the recognizer is the one
``load_recognizer`` picks (PocketSphinx here, taught the content's words),
and the speech is espeak-ng's, at the 22,050 Hz it writes.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
import subprocess
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import numpy as np
import pytest
from wyoming.asr import Transcribe, Transcript
from wyoming.audio import AudioChunk, AudioStart, AudioStop
from wyoming.client import AsyncClient, AsyncTcpClient, AsyncUnixClient
from wyoming.error import Error
from wyoming.event import Event, async_read_event
from wyoming.handle import Handled, NotHandled
from wyoming.info import Describe, Info

from voice.audio.clip import read_wav
from voice.config import Config
from voice.content.loader import load_knowledge
from voice.conversation import Conversation, phrases
from voice.matching.matcher import Matcher
from voice.services.wyoming.binding import parse_uri
from voice.services.wyoming.describe import ASR_NAME, HANDLE_NAME
from voice.services.wyoming.limits import Limits
from voice.services.wyoming.server import WyomingService
from voice.speech_in.base import Recognizer
from voice.speech_in.select import load_recognizer

from .conftest import CONTENT

T = TypeVar("T")
CURE = "is-there-a-cure-for-neuromuscular-disorders"
IN_SCOPE = "can these disorders be cured?"
OUT_OF_SCOPE = "who will win the football tomorrow"
EMERGENCY = "I can't breathe"
#: Offered, not answered, by the real content: two assistive-device entries.
UNSURE = "braces for my legs"
#: Every read in these tests is bounded, so a broken server fails, never hangs.
READ_TIMEOUT = 20.0


@dataclass
class Loaded:
    kb: Any
    matcher: Matcher
    recognizer: Recognizer


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Loaded]:
    """Content, matcher and recognizer, loaded once for the module."""
    with pytest.MonkeyPatch.context() as mp:
        tmp = tmp_path_factory.mktemp("serve")
        mp.setenv("VOICE_MODELS_DIR", str(tmp / "models"))
        mp.setenv("XDG_CACHE_HOME", str(tmp / "cache"))
        mp.setenv("XDG_STATE_HOME", str(tmp / "state"))
        kb = load_knowledge([CONTENT])
        cfg = Config(content_dirs=(str(CONTENT),))
        recognizer = load_recognizer(cfg, announce=lambda _: None, kb=kb)
        yield Loaded(kb, Matcher(kb), recognizer)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serving(loaded: Loaded, scenario: Callable[[int], Awaitable[T]], *, asr: bool = True,
            limits: Limits | None = None, expire_seconds: float = 300.0) -> T:
    """Run ``scenario(port)`` against a service listening on a loopback port."""

    async def main() -> T:
        service = WyomingService(loaded.kb, loaded.matcher,
                                 loaded.recognizer if asr else None, limits=limits,
                                 expire_seconds=expire_seconds)
        port = free_port()
        await service.start(parse_uri(f"tcp://127.0.0.1:{port}"))
        try:
            return await asyncio.wait_for(scenario(port), 120)
        finally:
            await service.stop()

    return asyncio.run(main())


def said(question: str, loaded: Loaded, before: tuple[str, ...] = ()) -> str:
    """What the assistant itself says to ``question`` (after ``before``)."""
    conversation = Conversation(loaded.kb, loaded.matcher)
    for text in before:
        conversation.respond(text)
    return conversation.respond(question).say


def client(port: int) -> AsyncTcpClient:
    return AsyncTcpClient("127.0.0.1", port, connect_timeout=5, read_timeout=READ_TIMEOUT)


async def ask(c: AsyncClient, text: str, context: dict[str, Any] | None = None) -> Event:
    await c.write_event(Transcript(text=text, context=context).event())
    event = await c.read_event()
    assert event is not None, "the server closed the connection"
    return event


async def ask_once(port: int, text: str, context: dict[str, Any] | None = None) -> Event:
    async with client(port) as c:
        return await ask(c, text, context)


# -- describe ---------------------------------------------------------------

def test_describe_lists_handle_and_asr_programs(loaded: Loaded) -> None:
    async def scenario(port: int) -> Event | None:
        async with client(port) as c:
            await c.write_event(Describe().event())
            return await c.read_event()

    event = serving(loaded, scenario)
    assert event is not None and Info.is_type(event.type)
    info = Info.from_event(event)
    assert [p.name for p in info.handle] == [HANDLE_NAME]
    assert info.handle[0].installed and info.handle[0].models[0].languages == ["en"]
    assert [p.name for p in info.asr] == [ASR_NAME]
    assert info.asr[0].installed and info.asr[0].models[0].name == loaded.recognizer.name


def test_describe_without_asr(loaded: Loaded) -> None:
    async def scenario(port: int) -> Event | None:
        async with client(port) as c:
            await c.write_event(Describe().event())
            return await c.read_event()

    event = serving(loaded, scenario, asr=False)
    assert event is not None
    info = Info.from_event(event)
    assert info.asr == [] and len(info.handle) == 1


# -- handle -----------------------------------------------------------------

def test_in_scope_out_of_scope_and_emergency(loaded: Loaded) -> None:
    async def scenario(port: int) -> list[Event]:
        return [await ask_once(port, q) for q in (IN_SCOPE, OUT_OF_SCOPE, EMERGENCY)]

    answer, decline, emergency = serving(loaded, scenario)
    assert Handled.is_type(answer.type)
    text = Handled.from_event(answer).text or ""
    assert text == said(IN_SCOPE, loaded)
    assert text.startswith(phrases.DISCLAIMER), "the medical note is part of the answer"
    assert NotHandled.is_type(decline.type)
    assert NotHandled.from_event(decline).text == said(OUT_OF_SCOPE, loaded)
    declined = NotHandled.from_event(decline).text or ""
    assert "I don't have an answer for that in what I know" in declined
    assert Handled.is_type(emergency.type)
    assert Handled.from_event(emergency).text == phrases.EMERGENCY


def test_confirm_then_yes_over_one_connection(loaded: Loaded) -> None:
    async def scenario(port: int) -> tuple[Event, Event]:
        async with client(port) as c:
            return await ask(c, UNSURE), await ask(c, "yes")

    offer, yes = serving(loaded, scenario)
    assert (Handled.from_event(offer).text or "").startswith("Did you mean")
    assert Handled.is_type(yes.type)
    assert Handled.from_event(yes).text == said("yes", loaded, before=(UNSURE,))
    assert (Handled.from_event(yes).text or "").startswith(phrases.DISCLAIMER)


def test_a_yes_on_a_new_connection_is_a_new_conversation(loaded: Loaded) -> None:
    async def scenario(port: int) -> Event:
        await ask_once(port, UNSURE)
        return await ask_once(port, "yes")

    assert Handled.from_event(serving(loaded, scenario)).text == phrases.WHAT_ELSE


def test_conversation_id_carries_state_across_connections(loaded: Loaded) -> None:
    home = {"conversation_id": "01HS6SP2XD1E5HEHVDZE8R2WMR", "device_id": "kitchen"}
    other = {"conversation_id": "someone-else"}

    async def scenario(port: int) -> tuple[Event, Event, Event]:
        await ask_once(port, UNSURE, home)
        elsewhere = await ask_once(port, "yes", other)
        return elsewhere, await ask_once(port, "yes", home), await ask_once(port, "yes", home)

    elsewhere, yes, after = serving(loaded, scenario)
    assert Handled.from_event(elsewhere).text == phrases.WHAT_ELSE
    assert Handled.from_event(yes).text == said("yes", loaded, before=(UNSURE,))
    assert Handled.from_event(yes).context == {"conversation_id": home["conversation_id"]}
    # The offer was taken: the same id now holds the answered conversation.
    assert Handled.from_event(after).text == said("yes", loaded, before=(UNSURE, "yes"))


def test_goodbye_and_quit_end_the_conversation_not_the_service(loaded: Loaded) -> None:
    home = {"conversation_id": "hall"}

    async def scenario(port: int) -> list[Event]:
        async with client(port) as c:
            replies = [await ask(c, "goodbye"), await ask(c, IN_SCOPE)]
        replies += [await ask_once(port, "quit", home), await ask_once(port, "goodbye", home),
                    await ask_once(port, IN_SCOPE, home)]
        return replies

    bye, answer, quit_, bye_home, answer_home = serving(loaded, scenario)
    assert Handled.from_event(bye).text == phrases.SLEEP
    assert Handled.from_event(quit_).text == phrases.EXIT
    assert Handled.from_event(bye_home).text == phrases.SLEEP
    # Never silence after a goodbye: the next question is answered.
    assert Handled.from_event(answer).text == said(IN_SCOPE, loaded)
    assert Handled.from_event(answer_home).text == said(IN_SCOPE, loaded)


def test_conversation_state_expires(loaded: Loaded) -> None:
    late_id, soon_id = {"conversation_id": "kitchen-1"}, {"conversation_id": "hall-1"}

    async def scenario(port: int) -> tuple[Event, Event]:
        await ask_once(port, UNSURE, late_id)
        await ask_once(port, UNSURE, soon_id)
        soon = await ask_once(port, "yes", soon_id)
        await asyncio.sleep(1.5)
        return soon, await ask_once(port, "yes", late_id)

    soon, late = serving(loaded, scenario, expire_seconds=1.0)
    assert Handled.from_event(soon).text == said("yes", loaded, before=(UNSURE,))
    assert Handled.from_event(late).text == phrases.WHAT_ELSE, "forgotten after a second"


def test_twenty_clients_at_once_all_answered_correctly(loaded: Loaded) -> None:
    questions = [IN_SCOPE, OUT_OF_SCOPE, EMERGENCY, "what should I eat", "list topics",
                 "what is multiple sclerosis", "help", "can exercise help with spasms",
                 "who won the football", "chest pain"] * 2

    async def one(port: int, question: str) -> tuple[str, str]:
        async with client(port) as c:
            await c.write_event(Describe().event())
            assert (await c.read_event()) is not None
            event = await ask(c, question)
        return event.type, event.data.get("text", "")

    async def scenario(port: int) -> list[tuple[str, str]]:
        return list(await asyncio.gather(*(one(port, q) for q in questions)))

    replies = serving(loaded, scenario)
    assert len(replies) == 20
    for question, (kind, text) in zip(questions, replies, strict=True):
        assert text == said(question, loaded), question
        assert kind == ("not-handled" if question in (OUT_OF_SCOPE, "who won the football")
                        else "handled"), question


def test_unix_socket(loaded: Loaded, tmp_path: Path) -> None:
    path = tmp_path / "voice.sock"

    async def main() -> Event:
        service = WyomingService(loaded.kb, loaded.matcher)
        await service.start(parse_uri(f"unix://{path}"))
        try:
            async with AsyncUnixClient(str(path), read_timeout=READ_TIMEOUT) as c:
                return await ask(c, IN_SCOPE)
        finally:
            await service.stop()

    assert Handled.from_event(asyncio.run(main())).text == said(IN_SCOPE, loaded)


# -- asr --------------------------------------------------------------------

@pytest.fixture(scope="module")
def spoken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wav = tmp_path_factory.mktemp("speech") / "question.wav"
    subprocess.run(["espeak-ng", "-w", str(wav), "is there a cure for neuromuscular disorders"],
                   check=True, timeout=30)
    return wav


def test_espeak_audio_through_asr_then_handle(loaded: Loaded, spoken: Path) -> None:
    clip = read_wav(spoken)
    assert clip.rate == 22050 and clip.channels == 1, "as espeak-ng writes it"
    pcm = clip.pcm_bytes()

    async def scenario(port: int) -> tuple[Event | None, Event]:
        async with client(port) as c:
            await c.write_event(Transcribe(language="en").event())
            await c.write_event(AudioStart(rate=22050, width=2, channels=1).event())
            for i in range(0, len(pcm), 2048):
                await c.write_event(AudioChunk(rate=22050, width=2, channels=1,
                                               audio=pcm[i:i + 2048]).event())
            await c.write_event(AudioStop().event())
            heard = await c.read_event()
        # As Home Assistant does: the transcript goes to handle on a new connection.
        text = Transcript.from_event(heard).text if heard is not None else ""
        return heard, await ask_once(port, text)

    heard, answer = serving(loaded, scenario)
    assert heard is not None and Transcript.is_type(heard.type)
    text = Transcript.from_event(heard).text
    assert "cure" in text and "neuromuscular" in text, text
    assert Handled.is_type(answer.type)
    assert (Handled.from_event(answer).text or "").startswith(phrases.DISCLAIMER)
    direct = loaded.recognizer.transcribe(clip)
    assert text == direct.text, "the same words as the assistant's own recognizer hears"


def test_asr_converts_width_and_channels(loaded: Loaded, spoken: Path) -> None:
    """44.1 kHz, 32-bit, stereo: converted, and the same words heard."""
    clip = read_wav(spoken).resampled(44100)
    mono32 = clip.samples.astype(np.int32) << 16
    stereo = np.stack([mono32, mono32], axis=1).astype("<i4").tobytes()

    async def scenario(port: int) -> Event | None:
        async with client(port) as c:
            await c.write_event(Transcribe().event())
            await c.write_event(AudioStart(rate=44100, width=4, channels=2).event())
            step = 4 * 2 * 1000 + 3  # chunks that end mid-frame, too
            for i in range(0, len(stereo), step):
                await c.write_event(AudioChunk(rate=44100, width=4, channels=2,
                                               audio=stereo[i:i + step]).event())
            await c.write_event(AudioStop().event())
            return await c.read_event()

    heard = serving(loaded, scenario)
    assert heard is not None
    text = Transcript.from_event(heard).text
    assert "cure" in text and "neuromuscular" in text, text


# -- bad input ----------------------------------------------------------------

async def raw_exchange(port: int, data: bytes, close_write: bool = False) -> list[Event]:
    """Send ``data`` over a plain socket; the events the server sends back
    until it closes the connection (or the read times out: a test failure)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(data)
    await writer.drain()
    if close_write:
        writer.write_eof()
    events: list[Event] = []
    while True:
        event = await asyncio.wait_for(async_read_event(reader), READ_TIMEOUT)
        if event is None:
            break
        events.append(event)
    writer.close()
    return events


def header(**fields: Any) -> bytes:
    return json.dumps(fields).encode() + b"\n"


BAD_INPUTS = {
    "garbage": (b"\x00\xffnot json at all\n", "not JSON"),
    "json array": (b"[1, 2, 3]\n", "not a JSON object"),
    "no type": (header(data={"text": "hi"}), "no type"),
    "text length": (header(type="transcript", data_length="ten"), "not a length"),
    "negative length": (header(type="audio-chunk", payload_length=-5), "not a length"),
    "oversized payload": (header(type="audio-chunk", data={"rate": 16000, "width": 2,
                                                           "channels": 1},
                                 payload_length=100_000_000), "oversized event"),
    "oversized data": (header(type="transcript", data_length=10_000_000), "oversized event"),
    "endless header": (b"{" + b" " * 200_000, "oversized event"),
    "audio without start": (header(type="audio-chunk", data={"rate": 16000, "width": 2,
                                                             "channels": 1},
                                   payload_length=4) + b"\0\0\0\0",
                            "audio without AudioStart"),
    "stop without start": (header(type="audio-stop"), "AudioStop without AudioStart"),
    "bad format": (header(type="audio-start", data={"rate": 16000, "width": 7,
                                                    "channels": 1}), "sample width"),
    "transcript without text": (header(type="transcript"), "Transcript without text"),
    "nested header": (b'{"type": "transcript", "data": {"x": ' + b"[" * 5000 + b"]" * 5000
                      + b"}}\n", "nested too deeply"),
    "nested data": (header(type="transcript", data_length=10_000)
                    + b"[" * 5000 + b"]" * 5000, "nested too deeply"),
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_closes_only_that_connection(loaded: Loaded, name: str,
                                               caplog: pytest.LogCaptureFixture) -> None:
    data, reason = BAD_INPUTS[name]
    caplog.set_level(logging.INFO, logger="voice.serve")

    async def scenario(port: int) -> tuple[list[Event], Event]:
        async with client(port) as bystander:
            events = await raw_exchange(port, data)
            # Another client, connected all along, is still served.
            return events, await ask(bystander, IN_SCOPE)

    events, answer = serving(loaded, scenario)
    assert [e.type for e in events] == ["error"]
    assert reason in Error.from_event(events[0]).text
    assert Handled.from_event(answer).text == said(IN_SCOPE, loaded)
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and reason in warnings[0].getMessage()


def test_disconnect_mid_audio_and_mid_event(loaded: Loaded,
                                            caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="voice.serve")
    fmt = {"rate": 16000, "width": 2, "channels": 1}
    mid_audio = (header(type="audio-start", data=fmt)
                 + header(type="audio-chunk", data=fmt, payload_length=4) + b"\0\0\0\0")
    mid_event = header(type="audio-chunk", data=fmt, payload_length=400) + b"\0" * 10

    async def scenario(port: int) -> tuple[list[Event], list[Event], Event]:
        first = await raw_exchange(port, mid_audio, close_write=True)
        second = await raw_exchange(port, mid_event, close_write=True)
        return first, second, await ask_once(port, IN_SCOPE)

    first, second, answer = serving(loaded, scenario)
    # A client that only stopped writing still hears why.
    assert [e.type for e in first] == [e.type for e in second] == ["error"]
    assert Handled.from_event(answer).text == said(IN_SCOPE, loaded)
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 2, warnings
    assert "in the middle of audio" in warnings[0]
    assert "in the middle of an event" in warnings[1]


def test_a_client_that_sends_nothing_is_closed(loaded: Loaded,
                                               caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="voice.serve")

    async def scenario(port: int) -> tuple[list[Event], Event]:
        silent = asyncio.create_task(raw_exchange(port, b""))
        await asyncio.sleep(0.1)
        answer = await ask_once(port, IN_SCOPE)
        return await silent, answer

    events, answer = serving(loaded, scenario, limits=Limits(idle_seconds=0.5))
    assert [Error.from_event(e).text for e in events] == ["sent nothing for 0.5 s"]
    assert Handled.from_event(answer).text == said(IN_SCOPE, loaded)
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "sent nothing" in warnings[0]


def test_too_much_audio_is_refused(loaded: Loaded) -> None:
    fmt = {"rate": 16000, "width": 2, "channels": 1}
    second = b"\0" * 32000
    data = header(type="audio-start", data=fmt) + b"".join(
        header(type="audio-chunk", data=fmt, payload_length=len(second)) + second
        for _ in range(3))

    async def scenario(port: int) -> list[Event]:
        return await raw_exchange(port, data)

    events = serving(loaded, scenario, limits=Limits(audio_seconds=2.0))
    assert [e.type for e in events] == ["error"]
    assert "oversized audio: over 2 seconds" in Error.from_event(events[0]).text


def test_connections_beyond_the_limit_are_closed_at_once(loaded: Loaded,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="voice.serve")

    async def scenario(port: int) -> tuple[list[Event], Event]:
        async with client(port) as first, client(port) as second:
            await ask(first, "hello")
            await ask(second, "hello")
            refused = await raw_exchange(port, b"")
            # Those already open are still served.
            return refused, await ask(second, IN_SCOPE)

    refused, answer = serving(loaded, scenario, limits=Limits(connections=2))
    assert refused == []
    assert Handled.from_event(answer).text == said(IN_SCOPE, loaded, before=("hello",))
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "2 connections already open" in warnings[0]
