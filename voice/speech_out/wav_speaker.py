"""``--speak-to DIR``: every reply becomes a numbered WAV file instead of sound.

Files are 0001.wav, 0002.wav, ... continuing after the highest number already
in the folder. Each file is written under a temporary name, checked, and only
then given its number, so a file with a number is always complete: pyttsx3
alone may return before its WAV is written (MACHINE-NOTES section 4).
"""

from __future__ import annotations

import errno
import os
import re
import threading
from pathlib import Path

from voice.audio.clip import AudioClip, read_wav, write_wav
from voice.errors import SpeechOutputUnavailable
from voice.speech_out.base import VoiceSettings
from voice.speech_out.sentences import split_sentences
from voice.speech_out.synth import Synthesiser, apply_volume, default_synth

_NUMBERED = re.compile(r"^(\d{4,})\.wav$")


def next_number(folder: Path) -> int:
    """One more than the highest ``NNNN.wav`` in ``folder`` (1 for none)."""
    numbers = [int(m.group(1)) for p in folder.iterdir() if (m := _NUMBERED.match(p.name))]
    return max(numbers, default=0) + 1


class WavFileSpeaker:
    """Writes each reply to the next numbered WAV in a folder."""

    def __init__(self, folder: Path, synth: Synthesiser | None = None) -> None:
        self.folder = Path(folder)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise SpeechOutputUnavailable(
                f"I cannot create the folder {self.folder} for the answer recordings "
                f"({e.strerror}). Please choose another folder with --speak-to."
            ) from e
        self.synth = synth or default_synth()
        self._stop = threading.Event()
        self._speaking = False
        self.written: list[Path] = []
        """Files written so far, in order."""

    @property
    def speaking(self) -> bool:
        return self._speaking

    def stop(self) -> None:
        self._stop.set()

    def say(self, text: str, settings: VoiceSettings) -> None:
        pieces = split_sentences(text)
        if not pieces:
            return
        self._stop.clear()
        self._speaking = True
        try:
            clips: list[AudioClip] = []
            for piece in pieces:
                if self._stop.is_set():
                    return  # a stopped reply leaves no file: half an answer misleads
                clips.append(apply_volume(self.synth.synthesise(piece, settings), settings.volume))
            self._write(clips)
        finally:
            self._speaking = False

    def _write(self, clips: list[AudioClip]) -> Path:
        import numpy as np

        rate = clips[0].rate
        clip = AudioClip(np.concatenate([c.resampled(rate).samples for c in clips]), rate, 1)
        tmp = self.folder / f".voice-{os.getpid()}-{threading.get_ident()}.wav.part"
        try:
            write_wav(tmp, clip)
            with open(tmp, "rb") as f:
                os.fsync(f.fileno())
            check = read_wav(tmp)
            if len(check.samples) != len(clip.samples) or len(clip.samples) == 0:
                raise OSError(errno.EIO, "the recording was not written completely")
            path = self._publish(tmp)
        except OSError as e:
            raise SpeechOutputUnavailable(
                f"I could not save the answer in {self.folder} ({e.strerror or e}). "
                "Please check there is free space and that the folder can be written to."
            ) from e
        finally:
            tmp.unlink(missing_ok=True)
        self.written.append(path)
        return path

    def _publish(self, tmp: Path) -> Path:
        """Give ``tmp`` the next free number without ever overwriting a file."""
        while True:
            path = self.folder / f"{next_number(self.folder):04d}.wav"
            try:
                # link() fails if the name exists, so two writers never clash.
                os.link(tmp, path)
                return path
            except FileExistsError:
                continue
            except OSError:
                # No hard links (e.g. a FAT memory stick): rename is still atomic.
                os.replace(tmp, path)
                return path
