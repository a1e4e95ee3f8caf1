"""Text to audio: pyttsx3 in a child process, espeak-ng's CLI as fallback.

Both produce 22 050 Hz mono int16 audio at full amplitude; the volume setting
is applied per sample afterwards so it means the same for both.

Measured here (``scripts/benchmark_speech_out.py``, 20 sentences, 2 cores):
pyttsx3 in the worker 11-22 ms a sentence (median), ``espeak-ng --stdout``
18-22 ms.
pyttsx3 is used first as the brief asks. It does write an empty 44-byte WAV
now and then (MACHINE-NOTES section 4; here about half of the second
utterances made ~4 s after the first, in one test order): the worker notices
at once and asks again, which has worked every time seen; the CLI takes over
for a sentence that still has no audio, or when the worker died or missed its
deadline. Neither is slow enough to matter next to a
sentence's playback, so the choice is about robustness, not speed.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import wave
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

import numpy as np

from voice.audio.clip import AudioClip, read_wav
from voice.errors import SpeechOutputUnavailable
from voice.speech_out.base import VoiceSettings

log = logging.getLogger(__name__)

#: espeak-ng's native output rate (pyttsx3 hard-codes it too).
ESPEAK_RATE = 22050

INSTALL_HINT = (
    "I cannot speak because the espeak-ng speech program is not installed. "
    "Please install it, for example with: sudo apt-get install espeak-ng. "
    "Until then, start me with --no-speak to read my answers on screen."
)

#: Worker deadline per request: generous, a sentence takes ~15 ms.
WORKER_TIMEOUT_S = 5.0
#: Consecutive worker failures after which only espeak-ng's CLI is used.
MAX_FAILURES = 3
#: Worker start-up deadline (python + pyttsx3 import + espeak init, ~0.1 s here).
WORKER_START_TIMEOUT_S = 10.0


def espeak_cli() -> str | None:
    """Path of the espeak-ng program, or None."""
    return shutil.which("espeak-ng")


def require_espeak() -> str:
    """Path of espeak-ng, or :class:`SpeechOutputUnavailable` saying what to install."""
    path = espeak_cli()
    if path is None:
        raise SpeechOutputUnavailable(INSTALL_HINT)
    return path


def apply_volume(clip: AudioClip, volume: float) -> AudioClip:
    """``clip`` scaled by ``volume`` (0..1; out-of-range values are clamped)."""
    v = min(1.0, max(0.0, float(volume)))
    if v >= 1.0:
        return clip
    scaled = np.round(clip.samples.astype(np.float32) * v).astype(np.int16)
    return AudioClip(scaled, clip.rate, clip.channels)


class Synthesiser(Protocol):
    """Turns one piece of text into audio (full amplitude; no volume)."""

    def synthesise(self, text: str, settings: VoiceSettings) -> AudioClip:
        """Audio of ``text`` spoken with ``settings.rate`` and ``settings.voice``."""
        ...

    def close(self) -> None:
        """Release child processes."""
        ...


def _wav_bytes_to_clip(data: bytes) -> AudioClip:
    """Parse espeak-ng's ``--stdout`` WAV, whose header lengths are placeholders."""
    with wave.open(io.BytesIO(data), "rb") as w:
        rate, channels, width = w.getframerate(), w.getnchannels(), w.getsampwidth()
    if width != 2:
        raise ValueError("espeak-ng returned audio that is not 16-bit")
    # The data chunk runs to the end of the stream whatever its header says.
    start = data.find(b"data") + 8
    pcm = data[start:]
    pcm = pcm[: len(pcm) - len(pcm) % (2 * channels)]
    samples = np.frombuffer(pcm, dtype="<i2").astype(np.int16)
    if channels > 1:
        samples = samples.reshape(-1, channels)
    return AudioClip(samples, rate, channels)


class EspeakCliSynth:
    """``espeak-ng --stdout``: synchronous, nothing on disk, one process per piece."""

    def __init__(self, program: str | None = None) -> None:
        self.program = program or require_espeak()

    def synthesise(self, text: str, settings: VoiceSettings) -> AudioClip:
        cmd = [self.program, "--stdout", "-s", str(int(settings.rate)), "-v", settings.voice]
        # "--" so an answer starting with "-" is read, not taken as an option.
        result = subprocess.run([*cmd, "--", text], capture_output=True, timeout=60)
        if result.returncode != 0 or len(result.stdout) <= 44:
            # espeak-ng refuses an unknown voice; the default voice is better than silence.
            log.warning("espeak-ng failed with voice %r; using its default voice", settings.voice)
            result = subprocess.run(
                [self.program, "--stdout", "-s", str(int(settings.rate)), "--", text],
                capture_output=True, timeout=60,
            )
        if result.returncode != 0:
            raise SpeechOutputUnavailable(
                "The speech program espeak-ng failed. Please reinstall it: "
                "sudo apt-get install --reinstall espeak-ng."
            )
        return _wav_bytes_to_clip(result.stdout)

    def close(self) -> None:
        pass


@dataclass
class _Worker:
    """A running pyttsx3 child and the thread reading its replies."""

    proc: subprocess.Popen[str]
    """The child (``pyttsx3_worker.py``)."""
    replies: queue.Queue[str | None]
    """Reply lines; None once its stdout closed."""
    tmpdir: Path
    """Where it writes WAVs (removed with it)."""
    key: tuple[int, str]
    """The rate and voice it was started with (fixed for its life)."""
    rate_checked: bool = False
    """Its first sentence was as long as espeak-ng's own at that rate."""


def _read_lines(stream: IO[str], out: queue.Queue[str | None]) -> None:
    for line in stream:
        out.put(line)
    out.put(None)


class Pyttsx3Synth:
    """pyttsx3 (espeak-ng driver) in a child process; espeak-ng CLI as fallback.

    One child serves every request, one at a time. A child that dies, hangs
    past its deadline or writes no audio is killed and replaced on the next
    request; meanwhile that sentence is synthesised by the CLI, so the user
    still hears it.
    """

    def __init__(
        self,
        fallback: EspeakCliSynth | None = None,
        python: str | None = None,
        timeout: float = WORKER_TIMEOUT_S,
        start_timeout: float = WORKER_START_TIMEOUT_S,
    ) -> None:
        self.fallback = fallback or EspeakCliSynth()
        self.python = python or sys.executable
        self.timeout = timeout
        self.start_timeout = start_timeout
        self.script = str(Path(__file__).with_name("pyttsx3_worker.py"))
        self._worker: _Worker | None = None
        self._lock = threading.Lock()
        self._count = 0
        self.fallbacks = 0
        """How many pieces the CLI had to synthesise (for tests and the benchmark)."""
        self.retries = 0
        """How many times pyttsx3 wrote an empty WAV and was asked again."""
        self._failures = 0  # consecutive worker failures

    @property
    def disabled(self) -> bool:
        """True once the worker failed MAX_FAILURES times in a row: CLI only from then.

        Without this a worker that hangs at start-up would cost its whole
        start-up deadline on every sentence.
        """
        return self._failures >= MAX_FAILURES

    def start(self, settings: VoiceSettings | None = None) -> None:
        """Start the child now so the first answer does not wait for it."""
        with self._lock:
            self._ensure_worker(settings or VoiceSettings())

    def _ensure_worker(self, settings: VoiceSettings) -> _Worker | None:
        key = (int(settings.rate), settings.voice)
        w = self._worker
        if w is not None and w.proc.poll() is None and w.key == key:
            return w
        self._kill_worker()
        _sweep_stale_folders()
        tmpdir = Path(tempfile.mkdtemp(prefix=f"{TMP_PREFIX}{os.getpid()}-"))
        try:
            proc = subprocess.Popen(
                [self.python, self.script, str(key[0]), key[1]],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                text=True, bufsize=1,
                # Its own process group, so a kill also reaches anything it started.
                start_new_session=True,
            )
        except OSError as e:
            log.warning("pyttsx3 worker did not start (%s); using espeak-ng directly", e)
            shutil.rmtree(tmpdir, ignore_errors=True)
            return None
        assert proc.stdout is not None  # PIPE above; for mypy only
        replies: queue.Queue[str | None] = queue.Queue()
        threading.Thread(
            target=_read_lines, args=(proc.stdout, replies), daemon=True, name="tts-reader"
        ).start()
        self._worker = _Worker(proc, replies, tmpdir, key)
        # Also at interpreter exit, which __del__ does not promise: a killed
        # test run or a crash must not leave a voice-tts-* folder behind.
        weakref.finalize(self._worker, _reap, proc, tmpdir)
        ready = self._reply(self.start_timeout)
        if not (ready and ready.get("ready")):
            log.warning("pyttsx3 worker is not ready; using espeak-ng directly")
            self._kill_worker()
            return None
        return self._worker

    def _reply(self, timeout: float) -> dict[str, object] | None:
        assert self._worker is not None
        try:
            line = self._worker.replies.get(timeout=timeout)
        except queue.Empty:
            return None
        if line is None:
            return None
        try:
            data = json.loads(line)
        except json.JSONDecodeError:
            return None
        return data if isinstance(data, dict) else None

    def _kill_worker(self) -> None:
        w, self._worker = self._worker, None
        if w is None:
            return
        if w.proc.stdin is not None:
            # End of input is how a healthy worker is told to exit.
            with contextlib.suppress(OSError):
                w.proc.stdin.close()
        if w.proc.poll() is None:
            with contextlib.suppress(OSError):
                os.killpg(w.proc.pid, signal.SIGKILL)
        w.proc.wait()
        # stdout is left to the reader thread: closing it while that thread is
        # blocked reading would block here until the worker's pipe closes.
        shutil.rmtree(w.tmpdir, ignore_errors=True)

    def _via_worker(self, text: str, settings: VoiceSettings) -> AudioClip | None:
        worker = self._ensure_worker(settings)
        if worker is None or worker.proc.stdin is None:
            return None
        self._count += 1
        path = worker.tmpdir / f"{self._count}.wav"
        req = {"text": text, "path": str(path)}
        try:
            worker.proc.stdin.write(json.dumps(req) + "\n")
            worker.proc.stdin.flush()
        except OSError:
            self._kill_worker()
            return None
        reply = self._reply(self.timeout)
        if reply is None:
            log.warning("pyttsx3 worker hung or died; restarting it")
            self._kill_worker()
            return None
        try:
            attempts = reply.get("attempts", 1)
            if isinstance(attempts, int) and attempts > 1:
                self.retries += attempts - 1
            if not reply.get("ok"):
                log.info("pyttsx3 wrote no audio (%s); using espeak-ng", reply.get("error"))
                return None
            clip = read_wav(path)
            if len(clip.samples) < _shortest_plausible(text, settings) * clip.rate:
                # Cut short: under load pyttsx3 can leave a complete-looking WAV
                # of its first chunk only (0.25 s for "Each line is one button
                # press.", 2.3 s in full). The CLI says the whole sentence.
                log.info("pyttsx3 cut %r short; using espeak-ng", text[:40])
                return None
            if not worker.rate_checked and not self._speaks_at_its_rate(clip, text, settings):
                # Seen in about one start in ten under load: a child speaking every
                # sentence at pyttsx3's default 200 words a minute although it was
                # started with 150 (1.64 s for a sentence of 2.26 s). A user who
                # said "slower" must get slower: this child is replaced. INFO: a
                # warning is printed to the user, who has nothing to do about it.
                log.info("pyttsx3 ignored the speech rate; restarting it")
                self._kill_worker()
                return None
            worker.rate_checked = True
            return clip
        except (OSError, EOFError, ValueError, wave.Error):
            return None
        finally:
            path.unlink(missing_ok=True)

    def synthesise(self, text: str, settings: VoiceSettings) -> AudioClip:
        with self._lock:
            clip = None if self.disabled else self._via_worker(text, settings)
            self._failures = 0 if clip is not None else self._failures + 1
        if clip is None:
            self.fallbacks += 1
            clip = self.fallback.synthesise(text, settings)
        return clip

    def _speaks_at_its_rate(self, clip: AudioClip, text: str, settings: VoiceSettings) -> bool:
        """``clip`` is within RATE_TOLERANCE of espeak-ng's own length for ``text``
        (checked once per child: the CLI takes ~20 ms for a sentence)."""
        reference = self.fallback.synthesise(text, settings).duration
        return reference < 0.5 or abs(clip.duration - reference) <= RATE_TOLERANCE * reference

    def close(self) -> None:
        with self._lock:
            self._kill_worker()



def _shortest_plausible(text: str, settings: VoiceSettings) -> float:
    """Seconds below which a synthesised ``text`` was cut short.

    espeak-ng speaks a word in about 60 / rate seconds; a quarter of that
    leaves room for short words and the fastest rate, while the cut-short
    clips seen (a first chunk of 0.25 s for a six-word sentence at 150 words a
    minute) fall far below it.
    """
    words = len(text.split())
    return 0.25 * words * 60.0 / max(float(settings.rate), 1.0) if words > 1 else 0.0


#: How far pyttsx3's length for a sentence may differ from espeak-ng's own at
#: the same rate: the two agree within 0.3 s on a 3 s sentence (tests), while
#: the wrong-rate child was 27% short.
RATE_TOLERANCE = 0.12


TMP_PREFIX = "voice-tts-"


def _sweep_stale_folders() -> None:
    """Remove worker folders of processes that no longer run.

    A killed assistant (SIGKILL, power loss on a Pi, a test timeout) runs no
    clean-up at all; its folder is recognised by the process id in its name.
    """
    for folder in Path(tempfile.gettempdir()).glob(f"{TMP_PREFIX}*-*"):
        pid = folder.name[len(TMP_PREFIX):].split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except OSError:
            pass  # alive, under another user


def _reap(proc: subprocess.Popen[str], tmpdir: Path) -> None:
    if proc.poll() is None:
        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)
    shutil.rmtree(tmpdir, ignore_errors=True)


def synthesise_text(synth: Synthesiser, text: str, settings: VoiceSettings) -> AudioClip:
    """One clip for ``text`` (all pieces, in order) with the volume applied."""
    from voice.speech_out.sentences import split_sentences

    parts = [synth.synthesise(p, settings) for p in split_sentences(text)]
    if not parts:
        return AudioClip(np.zeros(0, dtype=np.int16), ESPEAK_RATE, 1)
    rate = parts[0].rate
    samples = np.concatenate([p.resampled(rate).samples for p in parts])
    return apply_volume(AudioClip(samples, rate, 1), settings.volume)


def default_synth(settings: VoiceSettings | None = None) -> Pyttsx3Synth:
    """The synthesiser the assistant uses, ready for ``settings``.

    Raises SpeechOutputUnavailable when espeak-ng is missing.
    """
    synth = Pyttsx3Synth(EspeakCliSynth(require_espeak()))
    synth.start(settings)
    return synth


__all__ = [
    "ESPEAK_RATE",
    "EspeakCliSynth",
    "Pyttsx3Synth",
    "Synthesiser",
    "apply_volume",
    "default_synth",
    "espeak_cli",
    "require_espeak",
    "synthesise_text",
]
