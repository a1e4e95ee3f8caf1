"""Audio output: finding the speaker and playing clips so they stop at once.

Playback is a sounddevice ``OutputStream`` in callback mode fed from a queue
of clips. The callback copies one small block at a time, so ``stop()`` takes
effect within one block (~23 ms) and ``abort()`` drops what PortAudio and
PulseAudio still hold. sounddevice is imported here only, never by the core.
"""

from __future__ import annotations

import collections
import contextlib
import threading
import time
from typing import Any

import numpy as np

from voice.audio import devices, priority
from voice.audio.clip import AudioClip
from voice.audio.devices import AudioDevice
from voice.audio.echo import REFERENCE as ECHO_REFERENCE
from voice.errors import SpeechOutputUnavailable

#: Frames per callback block at 22 050 Hz: ~23 ms, the granularity of stop().
BLOCK_FRAMES = 512
#: PortAudio's output latency while barge-in listens (seconds): with "low",
#: a loaded machine underran the sound server now and then, and each
#: underrun moved the echo later (26 -> 330 ms within one answer), which the
#: echo canceller cannot follow. 0.25 s still underran under load (the
#: player's callback unserved for 0.3-2.5 s); 1 s did not once. Answer by
#: answer in one run (scripts/benchmark_barge_in.py --variants, branch
#: barge15, docs/barge-in.md), 0.25 against 1 s: underflows 15 vs 0 and 3
#: vs 0 over 20 and 15 "stop"s, 51 vs 0 over 9 answers read in full; echo
#: cancelled 8 vs 28 dB there (load 17-19). "stop"s within 300 ms: 11/20 vs
#: 16/20 (load 5-14), 9/15 vs 5/15 (load 15-19, the model itself late).
#: stop() aborts, dropping what is buffered (tests/test_barge15_stall.py).
#: Kept at 0.25 s: with 1 s, 1 self-stop in 35 answers read in full (the
#: stop-word model on its own voice, "...a genetic component...", 0.81) and
#: the same answer at 0.81 again in a run of 26 (refused by its own-voice
#: copy), against 0 in 22 at 0.25 s (highest 0.23 on that answer); not
#: understood, so not on (docs/barge-in.md; benchmark_barge_in.py
#: --echo-latency 1.0 --prime on).
ECHO_LATENCY = 0.25
#: While barge-in listens, the stream starts when the first clip is fed,
#: its buffer primed with that clip, not with ECHO_LATENCY of silence
#: (PortAudio's default), which would delay the answer's first sound by as
#: much. Goes with a longer ECHO_LATENCY; off with it.
START_ON_FIRST_CLIP = False
#: After the last clip, silence is played for as long as the stream's
#: output latency (PortAudio's, plus a block) before the stream stops: the
#: ALSA pulse plugin takes a whole buffer at once, PortAudio counts it as
#: played, and stopping the stream then drops what the sound server still
#: holds. With a 1 s buffer a short answer ("Okay.", 0.73 s) was not heard
#: at all (branch barge15); tests/test_barge16_drain.py. The answer's end
#: then comes when its last sound does.
DRAIN = True
#: Output blocks PortAudio flagged as following an underflow (the callback
#: came too late and the sound server played silence): each moves the echo
#: later than the canceller's reference (docs/barge-in.md). Benchmark.
underflows = 0


def _sounddevice() -> Any:
    try:
        import sounddevice
    except OSError as e:  # libportaudio2 missing
        raise SpeechOutputUnavailable(
            "I cannot play sound because the PortAudio library is missing. "
            "Please install it: sudo apt-get install libportaudio2."
        ) from e
    # ALSA prints "underrun occurred" and the like among the assistant's own messages.
    devices.quiet_alsa()
    return sounddevice


def output_devices() -> list[AudioDevice]:
    """Devices that can play sound; empty when there are none (or no PortAudio)."""
    try:
        return [d for d in devices.list_devices() if d.output_channels > 0]
    except Exception:
        # A broken audio system means "no speaker", which the caller reports.
        return []


def refresh_devices() -> None:
    """Make PortAudio read the device list again (it caches it at start-up)."""
    # Nothing to refresh without PortAudio; output_devices() will report none.
    with contextlib.suppress(Exception):
        devices.reinitialize()


def find_output_device(name: str) -> AudioDevice | None:
    """The output device called ``name`` (or containing it); None when empty or not found."""
    return devices.match_name(output_devices(), name)


class ClipPlayer:
    """Plays a queue of clips of one rate, in order, until told to finish or stop.

    ``feed`` adds clips while earlier ones play; ``finish`` says no more will
    come; ``wait`` returns when everything fed has played, or at ``stop``.
    """

    def __init__(self, rate: int, device: int | None = None) -> None:
        self.rate = rate
        self.device = device
        self._clips: collections.deque[np.ndarray] = collections.deque()
        #: Each clip's text (barge-in tells its own "stop" from the user's).
        self._texts: collections.deque[str] = collections.deque()
        self._pos = 0
        self._lock = threading.Lock()
        self._no_more = False
        self._stopped = threading.Event()
        self._done = threading.Event()
        #: DRAIN: frames of silence still to play after the last clip (None:
        #: not begun), and how many in all (set when the stream opens).
        self._drain: int | None = None
        self._drain_frames = 0
        self._stream: Any = None
        # Guards the stream object: stop() may race close() from another thread, and
        # aborting a stream PortAudio already freed would crash the process.
        self._stream_lock = threading.Lock()
        #: START_ON_FIRST_CLIP: opened, not started until a clip comes.
        self._deferred = False
        self.first_sound_at: float | None = None
        """time.monotonic() when the callback first handed real audio to PortAudio."""
        #: time.monotonic() of the stream's start or its last callback (None:
        #: not started): a stream whose callback stops coming has stalled.
        self._last_progress: float | None = None
        #: The callback handed out the last sample and its drain (CallbackStop).
        self.all_played = False

    def start(self) -> None:
        sd = _sounddevice()
        deferred = ECHO_REFERENCE.enabled and START_ON_FIRST_CLIP
        try:
            with self._rt():
                stream = sd.OutputStream(
                    samplerate=self.rate, channels=1, dtype="int16", device=self.device,
                    blocksize=BLOCK_FRAMES,
                    latency=ECHO_LATENCY if ECHO_REFERENCE.enabled else "low",
                    callback=self._callback,
                    finished_callback=self._done.set,
                    prime_output_buffers_using_stream_callback=deferred,
                )
            latency = float(getattr(stream, "latency", 0.0) or 0.0)
            self._drain_frames = (round(latency * self.rate) + BLOCK_FRAMES) if DRAIN else 0
            with self._stream_lock:
                self._stream = stream
            ECHO_REFERENCE.begin(self.rate)
            with self._lock:
                self._deferred = deferred and not self._clips and not self._no_more
            if not self._deferred:
                with self._rt():
                    stream.start()
                self._last_progress = time.monotonic()
        except Exception as e:  # PortAudioError, or ValueError for a vanished device
            self._done.set()
            raise SpeechOutputUnavailable(
                "I cannot play sound on the speaker. Please check that it is plugged in "
                "and switched on."
            ) from e

    @staticmethod
    def _rt() -> contextlib.AbstractContextManager[None]:
        """While barge-in listens, the stream's threads (PortAudio's callback,
        the sound server client's) at the stop path's real-time priority
        (voice/audio/priority.py STOP_PATH_RT): a callback served late
        underflows and moves the echo (docs/barge-in.md)."""
        return priority.rt_children(priority.STOP_PATH_RT if ECHO_REFERENCE.enabled else 0)

    def _start_deferred(self) -> None:
        """START_ON_FIRST_CLIP: the first clip (or the end) came; start now."""
        with self._lock:
            if not self._deferred:
                return
            self._deferred = False
        with self._stream_lock:
            if self._stream is None or self._stopped.is_set():
                return
            try:
                with self._rt():
                    self._stream.start()
                self._last_progress = time.monotonic()
            except Exception:  # the device vanished meanwhile: playback is lost
                self._done.set()

    def feed(self, clip: AudioClip, text: str = "") -> None:
        samples = np.ascontiguousarray(clip.resampled(self.rate).samples, dtype=np.int16)
        with self._lock:
            self._clips.append(samples)
            self._texts.append(text)
        self._start_deferred()

    def finish(self) -> None:
        with self._lock:
            self._no_more = True
        self._start_deferred()

    def _callback(self, outdata: np.ndarray, frames: int, _time: Any, _status: Any) -> None:
        global underflows
        sd = _sounddevice()
        if _status and _status.output_underflow:
            underflows += 1
        self._last_progress = time.monotonic()
        out = outdata[:, 0]
        filled = 0
        # When this block's first sample reaches the speaker.
        dac = time.monotonic() + _time.outputBufferDacTime - _time.currentTime
        with self._lock:
            if self._stopped.is_set():
                out[:] = 0
                raise sd.CallbackAbort
            while filled < frames and self._clips:
                clip = self._clips[0]
                if self._pos == 0:
                    ECHO_REFERENCE.said(self._texts[0], dac + filled / self.rate,
                                        len(clip) / self.rate)
                n = min(frames - filled, len(clip) - self._pos)
                out[filled : filled + n] = clip[self._pos : self._pos + n]
                filled += n
                self._pos += n
                if self._pos >= len(clip):
                    self._clips.popleft()
                    self._texts.popleft()
                    self._pos = 0
            finished = self._no_more and not self._clips
        if filled and self.first_sound_at is None:
            self.first_sound_at = time.monotonic()
        # Silence while the next piece is synthesised, instead of an underrun click.
        out[filled:] = 0
        # What is played, and when, is the echo canceller's reference (barge-in).
        ECHO_REFERENCE.played(out, dac)
        if finished:
            # Silence until the last sample has left the sound server's buffer
            # (DRAIN): stopping drops what it holds.
            if self._drain is None:
                self._drain = self._drain_frames - (frames - filled)
            else:
                self._drain -= frames
            if self._drain <= 0:
                self.all_played = True
                raise sd.CallbackStop

    def stop(self) -> None:
        """Silence now: drop everything queued and buffered (safe from any thread)."""
        self._drop_queued()
        with self._stream_lock:
            if self._stream is not None:
                # Already stopped or the device vanished: silent either way.
                with contextlib.suppress(Exception):
                    self._stream.abort()
        self._done.set()

    def _drop_queued(self) -> None:
        """Marked stopped, with nothing left to play."""
        self._stopped.set()
        with self._lock:
            self._clips.clear()
            self._texts.clear()

    def stalled(self, seconds: float) -> bool:
        """Started and unfinished, but no callback for ``seconds``: the sound
        server stopped taking audio (a suspended sink, a hung server)."""
        last = self._last_progress
        return (last is not None and not self._done.is_set()
                and time.monotonic() - last > seconds)

    def abandon(self) -> None:
        """Give up on a stalled stream without waiting for it.

        ``stop()`` and ``close()`` call into PortAudio, which may block as long
        as the stalled sound server does; here the stream is handed to a daemon
        thread to abort and close, and this player is done at once.
        """
        self._drop_queued()
        with self._stream_lock:
            stream, self._stream = self._stream, None
        self._done.set()
        if stream is not None:
            threading.Thread(target=_release, args=(stream,), daemon=True,
                             name="stalled-output").start()

    def wait(self, timeout: float | None = None) -> bool:
        """True when playback ended (finished or stopped) within ``timeout``."""
        return self._done.wait(timeout)

    @property
    def active(self) -> bool:
        return self._stream is not None and not self._done.is_set()

    @property
    def lost(self) -> bool:
        """Playback ended by itself with audio still queued: the device went away."""
        with self._lock:
            pending = bool(self._clips) or not self._no_more
        return self._done.is_set() and not self._stopped.is_set() and pending

    def close(self) -> None:
        with self._stream_lock:
            stream, self._stream = self._stream, None
            if stream is not None:
                _release(stream)


def _release(stream: Any) -> None:
    """Abort and close a stream nobody else holds; an error means the device
    vanished mid-way, with nothing left to release."""
    with contextlib.suppress(Exception):
        stream.abort()
    with contextlib.suppress(Exception):
        stream.close()
