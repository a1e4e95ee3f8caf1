"""The ``asr`` program: audio in, the words the assistant's recognizer heard out.

The recognizer is the one the assistant itself uses (``load_recognizer``:
whichever engine is configured, taught the content's words), driven only
through the generic ``Recognizer`` interface, so any engine added there
serves here too. Audio of any rate, width and channel count is turned into
16 kHz mono as it arrives (voice.audio.pcm), and no more than
``Limits.audio_seconds`` of it is kept.

What was heard is also remembered for a minute with the engine's word
confidences (``HeardLog``): when the same words come back as a Transcript
for the ``handle`` program, as they do in a Home Assistant pipeline, they
are answered as the assistant answers what it hears itself, offering rather
than answering outright what it heard unsurely.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Callable

import numpy as np

from voice.audio.clip import RECOGNIZER_RATE, AudioClip
from voice.audio.pcm import PcmToRecognizer, format_problem
from voice.services.wyoming.limits import BadInput
from voice.speech_in.base import Recognizer
from voice.speech_in.base import Transcript as Heard
from voice.speech_in.whisper.rescoring import without_audio

#: How long a transcript is remembered for its handle request. Home
#: Assistant sends it on within a second of the asr answer.
HEARD_SECONDS = 60.0
#: Transcripts remembered at most.
HEARD_MOST = 100
#: Of those, the newest that keep their encoded audio for a repair check
#: (voice/speech_in/whisper/rescoring.py): 2.3 MB each, so 100 would add
#: 230 MB; Home Assistant asks about the newest within a second.
HEARD_WITH_AUDIO = 4


class HeardLog:
    """What the asr program heard lately, by its text, taken once."""

    def __init__(self, seconds: float = HEARD_SECONDS, most: int = HEARD_MOST,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds, self.most, self._clock = seconds, most, clock
        self._kept: OrderedDict[str, tuple[Heard, float]] = OrderedDict()

    def add(self, heard: Heard) -> None:
        if not heard.text:
            return
        self._kept.pop(heard.text, None)
        self._kept[heard.text] = (heard, self._clock())
        while len(self._kept) > self.most:
            self._kept.popitem(last=False)
        if len(self._kept) > HEARD_WITH_AUDIO:  # the one that just became too old
            older = list(self._kept)[-HEARD_WITH_AUDIO - 1]
            kept, when = self._kept[older]
            self._kept[older] = (without_audio(kept), when)

    def take(self, text: str) -> Heard | None:
        kept = self._kept.pop(text.strip(), None)
        if kept is None or self._clock() - kept[1] > self.seconds:
            return None
        return kept[0]


class SharedRecognizer:
    """The one loaded recognizer, decoding one utterance at a time in a worker
    thread so the server keeps answering other connections meanwhile."""

    def __init__(self, recognizer: Recognizer) -> None:
        self.recognizer = recognizer
        self._lock = asyncio.Lock()

    async def transcribe(self, clip: AudioClip) -> Heard:
        # One at a time: not every engine may be used from two threads, and
        # two decodes at once on a Pi's cores are each slower than in turn.
        async with self._lock:
            return await asyncio.to_thread(self.recognizer.transcribe, clip)


class Utterance:
    """Audio between one AudioStart and its AudioStop, as 16 kHz mono."""

    def __init__(self, rate: object, width: object, channels: object,
                 most_seconds: float) -> None:
        problem = format_problem(rate, width, channels)
        if problem:
            raise BadInput(f"unusable audio format: {problem}")
        assert isinstance(rate, int) and isinstance(width, int) and isinstance(channels, int)
        self.format = (rate, width, channels)
        self._convert = PcmToRecognizer(rate, width, channels)
        self._most = int(most_seconds * RECOGNIZER_RATE)
        self._parts: list[np.ndarray] = []
        self._count = 0

    def add(self, rate: object, width: object, channels: object, pcm: bytes) -> None:
        if (rate, width, channels) != self.format:
            raise BadInput(f"audio chunk format {rate}/{width}/{channels} differs from "
                           f"AudioStart's {'/'.join(map(str, self.format))}")
        self._keep(self._convert.convert(pcm))

    def clip(self) -> AudioClip:
        self._keep(self._convert.convert(b"", last=True))
        samples = np.concatenate(self._parts) if self._parts else np.zeros(0, np.int16)
        return AudioClip(samples.astype(np.int16), RECOGNIZER_RATE, 1)

    def _keep(self, samples: np.ndarray) -> None:
        self._count += len(samples)
        if self._count > self._most:
            raise BadInput(f"oversized audio: over {self._most / RECOGNIZER_RATE:g} seconds")
        if len(samples):
            self._parts.append(samples)
