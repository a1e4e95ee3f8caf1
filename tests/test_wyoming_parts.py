"""The Wyoming service's parts on their own: audio conversion, conversations
by id, addresses, and answering what the service itself heard."""

from __future__ import annotations

import numpy as np
import pytest
from wyoming.asr import Transcript
from wyoming.handle import Handled

from voice.audio.clip import AudioClip
from voice.audio.pcm import PcmToRecognizer, format_problem, to_int16
from voice.content.loader import load_knowledge
from voice.content.model import KnowledgeBase
from voice.conversation import Conversation, phrases
from voice.errors import VoiceError
from voice.matching.matcher import Matcher
from voice.services.wyoming.asr import HeardLog
from voice.services.wyoming.binding import parse_uri
from voice.services.wyoming.handle import HandleProgram
from voice.services.wyoming.sessions import Sessions, conversation_id
from voice.speech_in.base import Transcript as Heard

from .conftest import CONTENT

# -- audio ------------------------------------------------------------------

RNG = np.random.default_rng(7)
SAMPLES = (RNG.standard_normal(3000) * 6000).clip(-32768, 32767).astype(np.int16)


@pytest.mark.parametrize("width", [1, 2, 3, 4])
def test_every_width_gives_the_same_16_bit_samples(width: int) -> None:
    wide = SAMPLES.astype(np.int32) << 16  # the samples as 32-bit
    if width == 4:
        pcm = wide.astype("<i4").tobytes()
    elif width == 3:
        pcm = b"".join(int(v).to_bytes(4, "little", signed=True)[1:] for v in wide)
    elif width == 2:
        pcm = SAMPLES.astype("<i2").tobytes()
    else:
        pcm = ((SAMPLES >> 8).astype(np.int16) + 128).astype(np.uint8).tobytes()
    got = to_int16(pcm, width)
    expected = (SAMPLES >> 8) << 8 if width == 1 else SAMPLES
    assert np.array_equal(got, expected)


def test_stereo_is_mixed_and_split_frames_are_kept() -> None:
    left, right = SAMPLES, (SAMPLES // 2).astype(np.int16)
    pcm = np.stack([left, right], axis=1).astype("<i2").tobytes()
    convert = PcmToRecognizer(16000, 2, 2)
    # Chunks of 7 bytes: nearly every one ends inside a frame.
    got = np.concatenate([convert.convert(pcm[i:i + 7]) for i in range(0, len(pcm), 7)])
    expected = ((left.astype(np.int32) + right) / 2).astype(np.int16)
    assert np.array_equal(got, expected)


def test_resampled_as_it_arrives_matches_resampling_at_once() -> None:
    t = np.arange(22050) / 22050
    tone = (np.sin(2 * np.pi * 440 * t) * 10000).astype(np.int16)
    convert = PcmToRecognizer(22050, 2, 1)
    pcm = tone.astype("<i2").tobytes()
    parts = [convert.convert(pcm[i:i + 2048]) for i in range(0, len(pcm), 2048)]
    streamed = np.concatenate([*parts, convert.convert(b"", last=True)])
    whole = AudioClip(tone, 22050).resampled().samples
    assert abs(len(streamed) - 16000) <= 1
    n = min(len(streamed), len(whole))
    assert np.abs(streamed[:n].astype(int) - whole[:n]).max() < 50


def test_unusable_formats_are_named() -> None:
    assert format_problem(16000, 2, 1) is None
    assert "width" in (format_problem(16000, 5, 1) or "")
    assert "rate" in (format_problem(100, 2, 1) or "")
    assert "channels" in (format_problem(16000, 2, 0) or "")
    assert "whole numbers" in (format_problem("16000", 2, 1) or "")
    assert "whole numbers" in (format_problem(16000, True, 1) or "")


# -- conversations by id -----------------------------------------------------

class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge([CONTENT])


def test_sessions_follow_the_id_and_expire(kb: KnowledgeBase) -> None:
    clock = Clock()
    sessions = Sessions(lambda: Conversation(kb), expire_seconds=300, clock=clock)
    kitchen = sessions.get("kitchen")
    clock.now = 299
    assert sessions.get("kitchen") is kitchen, "used within 5 minutes: kept"
    assert sessions.get("hall") is not kitchen
    clock.now = 299 + 301
    assert sessions.get("kitchen") is not kitchen, "idle over 5 minutes: forgotten"
    assert len(sessions) == 1, "the hall's conversation expired too"


def test_sessions_are_bounded(kb: KnowledgeBase) -> None:
    sessions = Sessions(lambda: Conversation(kb), most=3)
    first = sessions.get("a")
    for name in "bcd":
        sessions.get(name)
    assert len(sessions) == 3 and sessions.get("a") is not first


def test_conversation_id_from_context() -> None:
    assert conversation_id({"conversation_id": "01HS6"}) == "01HS6"
    assert conversation_id({"conversation_id": 7}) == "7"
    assert conversation_id({"conversation_id": ""}) is None
    assert conversation_id({"conversation_id": "x" * 1000}) is None
    assert conversation_id({"conversation_id": ["a"]}) is None
    assert conversation_id("01HS6") is None and conversation_id(None) is None


# -- addresses ----------------------------------------------------------------

def test_addresses() -> None:
    local = parse_uri("tcp://127.0.0.1:10700")
    assert (local.host, local.port, local.warning()) == ("127.0.0.1", 10700, None)
    for everywhere in ("tcp://0.0.0.0:10700", "tcp://[::]:10700", "tcp://:10700"):
        binding = parse_uri(everywhere)
        assert binding.all_interfaces
        assert "all network interfaces" in (binding.warning() or "")
    sock = parse_uri("unix:///run/voice/wyoming.sock")
    assert str(sock.path) == "/run/voice/wyoming.sock" and sock.warning() is None
    for bad in ("http://127.0.0.1:10700", "tcp://127.0.0.1", "tcp://h:port", "unix://",
                "127.0.0.1:10700"):
        with pytest.raises(VoiceError, match="--uri"):
            parse_uri(bad)


# -- answering what the service heard itself --------------------------------------

CURED = "can these disorders be cured"


def test_words_heard_unsurely_are_offered_not_answered(kb: KnowledgeBase) -> None:
    """The asr program's transcript, back as a handle request (as Home
    Assistant sends it), is answered as the assistant answers what it hears:
    with no content word heard surely, it asks "Did you mean ...?"."""
    matcher = Matcher(kb)
    heard = HeardLog()
    program = HandleProgram(Sessions(lambda: Conversation(kb, matcher)), heard)
    unsure = Heard(CURED, "test", words=tuple((w, 0.5) for w in CURED.split()))
    heard.add(unsure)
    offered = program.handle(Transcript(CURED), Conversation(kb, matcher))
    assert offered.reply.outcome == "confirm"
    assert (Handled.from_event(offered.event).text or "").startswith("Did you mean")
    # Taken once: the same words typed later are answered as typed words.
    typed = program.handle(Transcript(CURED), Conversation(kb, matcher))
    assert typed.reply.outcome == "answer"
    assert (Handled.from_event(typed.event).text or "").startswith(phrases.DISCLAIMER)


def test_heard_log_forgets(kb: KnowledgeBase) -> None:
    clock = Clock()
    log = HeardLog(seconds=60, most=2, clock=clock)
    log.add(Heard("one", "test"))
    clock.now = 61
    assert log.take("one") is None
    for text in ("a", "b", "c"):
        log.add(Heard(text, "test"))
    assert log.take("a") is None and log.take("c") is not None


def test_heard_log_lets_go_of_older_audio() -> None:
    """Whisper's transcripts carry their encoded audio (2.3 MB) for a repair
    check; a server asked 100 questions must not keep 100 of them, only the
    newest few, which Home Assistant asks about within a second."""
    import numpy as np

    from voice.services.wyoming.asr import HEARD_WITH_AUDIO
    from voice.speech_in.whisper.rescoring import AudioScorer, WhisperTranscript, scorer_of

    log = HeardLog()
    for i in range(20):
        scorer = AudioScorer(None, None, np.zeros(1500 * 384, np.float32), 16000)
        log.add(WhisperTranscript(f"question {i}", "whisper", 0.9, scorer=scorer))
    kept = [log.take(f"question {i}") for i in range(20)]
    assert all(k is not None for k in kept)
    with_audio = [i for i, k in enumerate(kept) if k is not None and scorer_of(k) is not None]
    assert with_audio == list(range(20 - HEARD_WITH_AUDIO, 20)), with_audio
    assert kept[0] == Heard("question 0", "whisper", 0.9)  # the words stay


def test_the_service_offers_whispers_other_guess_as_the_app_does(kb: KnowledgeBase) -> None:
    """A question the service's own Whisper heard doubtfully as something that
    matches nothing is offered from the decoder's other guess, as
    ``Assistant.handle_heard`` does (one path: ``voice.app.understood``)."""
    matcher = Matcher(kb)
    heard = HeardLog()
    program = HandleProgram(Sessions(lambda: Conversation(kb, matcher)), heard)
    text = "what's the football score"  # tuning.tsv; "what's neuromodulation" the beam's
    heard.add(Heard(text, "whisper", 0.3, alternatives=["what's neuromodulation"],
                    words=tuple((w, 0.3) for w in text.split())))
    offered = program.handle(Transcript(text), Conversation(kb, matcher))
    assert offered.reply.outcome == "confirm", offered.reply
    assert offered.reply.match is not None
    assert offered.reply.match.id == "neuromodulation-treatments"
