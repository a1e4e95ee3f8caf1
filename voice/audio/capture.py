"""Recording one spoken question from the microphone.

:class:`Microphone` opens the device at its own rate (asking a USB microphone
for 16 kHz often fails or is resampled badly by ALSA), resamples to 16 kHz mono
with soxr as the audio arrives, and runs the end-of-speech detector on it.

Listening ends when the speaker has finished (``silence_timeout`` of silence
after speech), when the question is too long (``max_utterance`` seconds of
it), or when the caller sets ``stop`` (the push-to-talk button). If nobody
speaks for ``start_timeout`` seconds, :meth:`Microphone.listen` returns None.

If the microphone disappears (unplugged, sound server gone), :meth:`listen`
raises :class:`MicrophoneUnavailable`; :meth:`listen_until_heard` keeps
waiting for it to come back and tells the user meanwhile.

Events passed to ``on_event`` (stable names, for LEDs and messages):
``listening``, ``speech-started``, ``speech-ended``, ``no-speech``,
``microphone-lost``, ``microphone-waiting``, ``microphone-back``.
:data:`EVENT_MESSAGES` holds what to say for the ones the user must hear.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from voice.audio import devices
from voice.audio.clip import RECOGNIZER_RATE, AudioClip
from voice.audio.vad import EndpointDetector, VadSettings, VadState
from voice.errors import MicrophoneUnavailable

EndReason = Literal["silence", "max_length", "stopped"]

#: What to tell the user for an event (events not listed are silent).
EVENT_MESSAGES: dict[str, str] = {
    "microphone-lost": devices.MICROPHONE_GONE,
    "microphone-back": "The microphone is back. Please ask your question again.",
}

#: Shown in a MicrophoneUnavailable raised when the stream stops mid-question.
LOST_MESSAGE = "The microphone stopped working. Please check that it is plugged in."

AudioSink = Callable[[AudioClip], object]


@dataclass(frozen=True)
class Utterance:
    """One recorded question, ready for a recognizer."""

    clip: AudioClip
    """16 kHz mono audio: from a little before speech began to a little after it
    ended (the whole recording when stopped before any speech was heard)."""
    ended_by: EndReason
    """Why recording stopped: "silence" after speech, "max_length", or "stopped"
    by the caller (push-to-talk release)."""
    heard_speech: bool
    """False only when stopped by the caller before any speech was detected."""
    speech_start: float | None
    """Seconds from the start of listening to the first speech, if any."""
    speech_end: float | None
    """Seconds from the start of listening to the end of the last speech."""
    listened: float
    """Seconds of audio received in all."""
    device: str = ""
    """Name of the microphone it came from."""

    @property
    def cut(self) -> bool:
        """True when the speaker was cut off by ``max_utterance``."""
        return self.ended_by == "max_length"

    @property
    def end_delay(self) -> float:
        """Seconds of audio between the end of speech and the end of recording."""
        return self.listened - self.speech_end if self.speech_end is not None else 0.0


@dataclass
class Microphone:
    """A microphone chosen by name, with generous timing for slow speakers."""

    device: str = ""
    """Part of the microphone's name (any case); empty for the default device."""
    silence_timeout: float = 2.0
    """Seconds of silence after speech that end the question."""
    start_timeout: float = 15.0
    """Seconds to wait for speech to begin before giving up (listen returns None)."""
    max_utterance: float = 30.0
    """Longest question in seconds, counted from the start of speech."""
    vad: VadSettings = field(default_factory=VadSettings)
    """How speech is told from silence and noise."""
    pre_roll: float = 0.3
    """Seconds kept before detected speech: the detector needs a few frames to be
    sure, and recognizers do better with a little silence first."""
    tail: float = 0.3
    """Seconds kept after the end of speech (trailing consonants are quiet)."""
    stall_timeout: float = 5.0
    """Seconds with no audio at all before the microphone counts as gone (a
    stream may stop silently when its server dies)."""
    block_seconds: float = 0.03
    """Length of the blocks the device delivers."""

    @classmethod
    def from_config(cls, cfg: Any) -> Microphone:
        """Take the [audio] settings from a :class:`voice.config.Config`."""
        return cls(
            device=cfg.input_device,
            silence_timeout=float(cfg.silence_timeout),
            start_timeout=float(cfg.start_timeout),
            max_utterance=float(cfg.max_utterance),
        )

    def listen(
        self,
        stop: threading.Event | None = None,
        on_event: Callable[[str], None] | None = None,
        on_audio: AudioSink | None = None,
        end_on_silence: bool = True,
    ) -> Utterance | None:
        """Record one question; None when nobody spoke within ``start_timeout``.

        ``on_audio`` receives the 16 kHz mono audio as it arrives, from the
        pre-roll before speech onwards (after the "speech-started" event), so a
        recognizer can decode while the user is still speaking. With
        ``end_on_silence=False`` only ``stop`` and ``max_utterance`` end it (for
        hold-to-talk, where the button says when the question is over).
        Raises MicrophoneUnavailable when there is no microphone or it vanishes;
        audio already passed to ``on_audio`` is then incomplete.
        """
        emit = on_event or (lambda _name: None)
        dev = devices.find_input_device(self.device)
        session = _Session(self, dev, emit, on_audio, end_on_silence)
        stream = _open_stream(dev, self.block_seconds, session.on_block, session.on_finished)
        try:
            stream.start()
            emit("listening")
            result = session.run(stop, stream)
        finally:
            session.closing = True
            _close_soon(stream)
        return result

    def listen_until_heard(
        self,
        stop: threading.Event | None = None,
        on_event: Callable[[str], None] | None = None,
        on_audio: AudioSink | None = None,
        end_on_silence: bool = True,
        poll: float = 1.0,
    ) -> Utterance | None:
        """Like :meth:`listen`, but when the microphone is missing or vanishes,
        emit "microphone-lost", wait for it to come back (re-reading the
        device list every ``poll`` seconds), emit "microphone-back" and listen
        again. Returns None on start timeout, or when ``stop`` is set while
        waiting for the microphone."""
        while True:
            try:
                return self.listen(stop, on_event, on_audio, end_on_silence)
            except MicrophoneUnavailable:
                if on_event:
                    on_event("microphone-lost")
                if not self._wait_for_sound(stop, poll):
                    return None
                if on_event:
                    on_event("microphone-back")

    def _wait_for_sound(self, stop: threading.Event | None, poll: float) -> bool:
        """Until the microphone is listed *and* sends sound; False when
        ``stop`` is set first.

        Listed is not enough: a source the sound server suspended (``pactl
        suspend-source``, a server that stops delivering) stays listed and
        opens, then sends nothing. Taking "listed" for "back" made `voice
        listen` say "The microphone is gone ..." and "The microphone is
        back. Please ask your question again." every 20 s for as long as it
        lasted (tests/test_robust23_mic_suspended.py)."""
        while True:
            dev = devices.wait_for_device(self.device, stop=stop, poll=poll)
            if dev is None:
                return False
            if _sends_sound(dev, self.block_seconds):
                return True
            if stop is not None:
                if stop.wait(poll):
                    return False
            else:
                time.sleep(poll)


def _open_stream(
    dev: devices.AudioDevice,
    block_seconds: float,
    on_block: Callable[[np.ndarray], None],
    on_finished: Callable[[], None],
) -> Any:
    import sounddevice as sd

    def callback(indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        # First channel only: a stereo-only USB mic carries the voice on both.
        on_block(indata[:, 0].copy())

    last_error: Exception | None = None
    # Mono first; some ALSA hardware devices only open in stereo.
    for channels in (1, min(2, max(1, dev.input_channels))):
        try:
            return sd.InputStream(
                device=dev.index,
                samplerate=dev.default_rate,
                channels=channels,
                dtype="int16",
                blocksize=max(1, int(dev.default_rate * block_seconds)),
                callback=callback,
                finished_callback=on_finished,
            )
        except (sd.PortAudioError, ValueError) as e:
            last_error = e
    raise MicrophoneUnavailable(
        f"I can't open the microphone \"{dev.name}\". Please check that it is plugged in."
    ) from last_error


#: Seconds a microphone that stopped sending sound is given to send its
#: first block again before it counts as still silent. A working one sends
#: within 0.1 s; the virtual microphone's null sink without its keepalive
#: sent its first block up to 1.9 s late (MACHINE-NOTES). Too short only
#: delays "The microphone is back" by a poll.
SOUND_PROBE_SECONDS = 2.5


def _sends_sound(dev: devices.AudioDevice, block_seconds: float,
                 seconds: float = SOUND_PROBE_SECONDS) -> bool:
    """True when ``dev`` delivers audio within ``seconds`` of opening it."""
    got = threading.Event()
    try:
        stream = _open_stream(dev, block_seconds, lambda _block: got.set(), lambda: None)
    except MicrophoneUnavailable:
        return False
    try:
        stream.start()
        return got.wait(seconds)
    except Exception:  # PortAudioError: the server went away meanwhile
        return False
    finally:
        _close_soon(stream)


#: Seconds the listener waits for a stream to close. Closing takes ~10 ms;
#: on a sound server that stalls (its daemon stopped: ``kill -STOP``) it
#: blocks as long as the stall does, and the user was told nothing for as
#: long (30 s tried) since "The microphone is gone" came after the close.
CLOSE_WAIT = 1.0


def _close_soon(stream: Any) -> None:
    """Close ``stream``, on a daemon thread given ``CLOSE_WAIT`` seconds: the
    speaker's ClipPlayer does the same for the same reason."""
    closer = threading.Thread(target=_close_quietly, args=(stream,), daemon=True,
                              name="voice-mic-close")
    closer.start()
    closer.join(CLOSE_WAIT)


def _close_quietly(stream: Any) -> None:
    # Closing a stream whose server died can fail; it is gone either way.
    with contextlib.suppress(Exception):
        stream.close()


class _Session:
    """State of one listen() call; the stream callback only queues blocks."""

    def __init__(
        self,
        mic: Microphone,
        dev: devices.AudioDevice,
        emit: Callable[[str], None],
        on_audio: AudioSink | None,
        end_on_silence: bool,
    ) -> None:
        self.mic = mic
        self.dev = dev
        self.emit = emit
        self.on_audio = on_audio
        self.end_on_silence = end_on_silence
        self.blocks: queue.Queue[np.ndarray | None] = queue.Queue()
        self.closing = False
        self.detector = EndpointDetector(mic.silence_timeout, mic.vad)
        self.resampler: Any = None
        if dev.default_rate != RECOGNIZER_RATE:
            import soxr

            self.resampler = soxr.ResampleStream(
                dev.default_rate, RECOGNIZER_RATE, 1, dtype="int16"
            )
        self.chunks: list[np.ndarray] = []
        self.samples = 0  # 16 kHz samples received
        self.streamed = 0  # samples already passed to on_audio

    def on_block(self, block: np.ndarray) -> None:
        self.blocks.put(block)

    def on_finished(self) -> None:
        # PortAudio ends a callback stream silently when its server dies.
        self.blocks.put(None)

    def run(self, stop: threading.Event | None, stream: Any) -> Utterance | None:
        mic = self.mic
        last_audio = time.monotonic()
        while True:
            if stop is not None and stop.is_set():
                return self._finish("stopped")
            try:
                block = self.blocks.get(timeout=0.05)
            except queue.Empty:
                if not stream.active or time.monotonic() - last_audio > mic.stall_timeout:
                    raise MicrophoneUnavailable(LOST_MESSAGE) from None
                continue
            if block is None:
                raise MicrophoneUnavailable(LOST_MESSAGE)
            last_audio = time.monotonic()
            pcm = self.resampler.resample_chunk(block) if self.resampler else block
            pcm = np.asarray(pcm, dtype=np.int16).reshape(-1)
            if len(pcm) == 0:
                continue
            self.chunks.append(pcm)
            self.samples += len(pcm)
            before = self.detector.state
            state = self.detector.feed(pcm)
            if before is VadState.WAITING and state is not VadState.WAITING:
                self.emit("speech-started")
            if state is not VadState.WAITING:
                self._stream_out(pcm)
            now = self.samples / RECOGNIZER_RATE
            if state is VadState.ENDED and self.end_on_silence:
                self.emit("speech-ended")
                return self._finish("silence")
            start = self.detector.speech_start
            if start is not None and now - start >= mic.max_utterance:
                self.emit("speech-ended")
                return self._finish("max_length")
            if start is None and now >= mic.start_timeout:
                self.emit("no-speech")
                return None

    def _audio(self) -> np.ndarray:
        if len(self.chunks) > 1:
            self.chunks = [np.concatenate(self.chunks)]
        return self.chunks[0] if self.chunks else np.zeros(0, dtype=np.int16)

    def _first_kept(self) -> int:
        start = self.detector.speech_start
        if start is None:
            return 0
        return max(0, int((start - self.mic.pre_roll) * RECOGNIZER_RATE))

    def _stream_out(self, pcm: np.ndarray) -> None:
        if self.on_audio is None:
            return
        if self.streamed:
            # Only the new block: re-slicing the whole recording each time
            # would copy quadratically on a Pi.
            self.on_audio(AudioClip(pcm, RECOGNIZER_RATE, 1))
        else:
            audio = self._audio()
            self.on_audio(AudioClip(audio[self._first_kept() :].copy(), RECOGNIZER_RATE, 1))
        self.streamed = self.samples

    def _finish(self, reason: EndReason) -> Utterance:
        audio = self._audio()
        d = self.detector
        heard = d.speech_start is not None
        first = self._first_kept()
        last = len(audio)
        if reason == "silence" and d.speech_end is not None:
            last = min(last, int((d.speech_end + self.mic.tail) * RECOGNIZER_RATE))
        if reason == "max_length" and d.speech_start is not None:
            last = min(last, int((d.speech_start + self.mic.max_utterance) * RECOGNIZER_RATE))
        return Utterance(
            clip=AudioClip(audio[first:last].copy(), RECOGNIZER_RATE, 1),
            ended_by=reason,
            heard_speech=heard,
            speech_start=d.speech_start,
            speech_end=d.speech_end if heard else None,
            listened=self.samples / RECOGNIZER_RATE,
            device=self.dev.name,
        )
