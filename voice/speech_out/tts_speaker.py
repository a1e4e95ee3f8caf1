"""The real speaker: pyttsx3/espeak-ng synthesis, played through sounddevice.

An answer is cut into sentences. A synthesis thread works through them while
the player plays the ones already done, so the first sentence is heard about
as soon as it is synthesised (~15 ms) and ``stop()`` silences the speaker
within one playback block, whatever the length of the answer.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable

from voice.errors import SpeechOutputUnavailable
from voice.speech_out.base import VoiceSettings
from voice.speech_out.output import ClipPlayer
from voice.speech_out.print_speaker import PrintOnlySpeaker
from voice.speech_out.sentences import split_sentences
from voice.speech_out.synth import ESPEAK_RATE, Synthesiser, apply_volume

log = logging.getLogger(__name__)

LOST_SPEAKER = "I cannot play sound on the speaker, so I will print my answers instead."
#: Seconds without a single output callback after which playback counts as
#: lost (the sound server stopped taking audio: a suspended sink, a hung
#: server). Before, ``say`` waited for ever and the assistant hung silent
#: (tests/test_speech_out_live.py suspends the real sink mid-answer). The
#: longest gap seen under load was 2.5 s (load 17-19, branch barge15,
#: output.ECHO_LATENCY's note); 8 s is three times that, so a busy machine
#: is never taken for a lost speaker. None: wait for ever (as before).
STALL_SECONDS: float | None = 8.0
#: How often ``say`` looks at the player while it plays (seconds).
STALL_POLL = 0.25


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class TtsSpeaker:
    """Speaks through an audio output device; stoppable from any thread."""

    def __init__(
        self,
        synth: Synthesiser,
        device: int | None = None,
        notify: Callable[[str], None] | None = None,
        printer: PrintOnlySpeaker | None = None,
    ) -> None:
        self.synth = synth
        self.device = device
        self.notify = notify or _stderr
        # When the speaker vanishes mid-answer the rest is printed, never lost.
        self.printer = printer or PrintOnlySpeaker()
        self._say_lock = threading.Lock()
        self._state_lock = threading.Lock()
        self._player: ClipPlayer | None = None
        self._stop_event = threading.Event()
        self._speaking = False
        self._told_lost = False
        self.last_first_sound_at: float | None = None
        """time.monotonic() of the first sample of the last answer (benchmark)."""

    @property
    def speaking(self) -> bool:
        return self._speaking

    def say(self, text: str, settings: VoiceSettings) -> None:
        pieces = split_sentences(text)
        if not pieces:
            return
        with self._say_lock:
            stop_event = threading.Event()
            player = ClipPlayer(ESPEAK_RATE, self.device)
            with self._state_lock:
                self._stop_event, self._player = stop_event, player
                self._speaking = True
            worker = threading.Thread(
                target=self._synthesise_all,
                args=(pieces, settings, player, stop_event),
                daemon=True, name="tts-synth",
            )
            try:
                worker.start()
                stalled = False
                try:
                    player.start()
                    stalled = self._wait_or_stall(player)
                except SpeechOutputUnavailable:
                    pass  # handled below as a lost speaker
                stopped = stop_event.is_set()
                lost = (player.lost or (stalled and not player.all_played)
                        or (not stopped and player.first_sound_at is None))
                stop_event.set()  # ends synthesis early if playback failed
                # After stop() the caller must get control back at once; a piece
                # still being synthesised is dropped by the thread on its own.
                worker.join(timeout=0.05 if stopped or lost else 10)
                if lost:
                    self._speaker_lost(text)
                else:
                    self._told_lost = False
                self.last_first_sound_at = player.first_sound_at
            finally:
                player.close()
                with self._state_lock:
                    self._player = None
                    self._speaking = False

    @staticmethod
    def _wait_or_stall(player: ClipPlayer) -> bool:
        """Wait until playback ends; True if it stalled instead (then abandoned)."""
        if STALL_SECONDS is None:
            player.wait()
            return False
        while not player.wait(STALL_POLL):
            if player.stalled(STALL_SECONDS):
                log.warning("audio output stalled for %.0f s: giving up on it", STALL_SECONDS)
                player.abandon()
                return True
        return False

    def _synthesise_all(
        self,
        pieces: list[str],
        settings: VoiceSettings,
        player: ClipPlayer,
        stop_event: threading.Event,
    ) -> None:
        try:
            for piece in pieces:
                if stop_event.is_set():
                    return
                clip = apply_volume(self.synth.synthesise(piece, settings), settings.volume)
                if stop_event.is_set():
                    return
                player.feed(clip, piece)
        except Exception as e:  # synthesis broke: say what was ready, then report
            log.error("speech synthesis failed: %s", e)
        finally:
            player.finish()

    def _speaker_lost(self, text: str) -> None:
        if not self._told_lost:
            self._told_lost = True
            self.notify(LOST_SPEAKER)
        self.printer.say(text, VoiceSettings())

    def prepare(self, settings: VoiceSettings) -> None:
        """Get ready for ``settings`` now (e.g. just after the user changed the rate).

        pyttsx3 needs a fresh child process for a new rate or voice (~0.1 s);
        doing it here keeps that out of the next answer's first-sound time.
        """
        start = getattr(self.synth, "start", None)
        if callable(start):
            start(settings)

    def stop(self) -> None:
        with self._state_lock:
            self._stop_event.set()
            player = self._player
        if player is not None:
            player.stop()

    def close(self) -> None:
        """Stop and release the synthesis child process."""
        self.stop()
        self.synth.close()
