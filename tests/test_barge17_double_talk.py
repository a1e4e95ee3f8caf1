"""The stop-word model's "stop" is taken only when someone else is talking.

voice/audio/barge_in.py NEAR_NCC (double-talk check): the assistant knows what
it plays, so when the stop-word model fires, the last NEAR_SPAN seconds of
microphone are compared with the played voice; where the microphone is the
assistant's echo alone, the firing is its own residual voice (a self-stop:
the model fired on "...programs helps strengthen weakened muscles..." through
the echo path under load, docs/barge-in.md). Real PulseAudio virtual
microphone, real espeak-ng answer, real people's "stop" clips
(tests/data/real/stop_words, tuning half).

The model's firing on the assistant's own voice is rare (1 in 26 answers
under load) and cannot be had at will, so ``_Fooled`` stands for a model
fooled by it: it fires on every block with sound. Without the check every
such firing is taken.
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections import deque
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from voice.audio import barge_in as bi
from voice.audio.barge_in import BargeIn
from voice.audio.clip import read_wav

from .clip_talker import ClipTalker, read_through

pytestmark = pytest.mark.audio

REPO = Path(__file__).resolve().parent.parent
#: From content/article.md: the self-stop's sentence.
ANSWER = ("Exercise plays a critical role in maintaining muscle function. Engaging in "
          "targeted rehabilitation programs helps strengthen weakened muscles and improve "
          "coordination.")
STOPS = REPO / "tests" / "data" / "real" / "stop_words"
#: Real people's "stop"s, tuning half (manifest.tsv).
REAL_STOPS = ("sc2_stop_e5e54cee_nohash_0.wav", "sc2_stop_db24628d_nohash_0.wav",
              "sc2_stop_bed06fac_nohash_0.wav")


class _Voice:
    """Someone in the room: plays a clip into the virtual speaker."""

    def __init__(self, path: Path) -> None:
        clip = read_wav(path).to_mono()
        self.samples, self.rate = clip.samples.reshape(-1), clip.rate
        self.started: float | None = None

    def play(self) -> None:
        import sounddevice as sd

        pos = [0]

        def cb(out: np.ndarray, frames: int, t: Any, _s: Any) -> None:
            if self.started is None:
                self.started = time.monotonic() + t.outputBufferDacTime - t.currentTime
            seg = self.samples[pos[0] : pos[0] + frames]
            pos[0] += frames
            out[:, 0] = 0
            out[: len(seg), 0] = seg
            if len(seg) < frames:
                raise sd.CallbackStop

        with sd.OutputStream(samplerate=self.rate, channels=1, dtype="int16", blocksize=256,
                             callback=cb) as s:
            while s.active:
                time.sleep(0.01)


class _Fooled:
    """A stop-word model that takes every block with sound for "stop"
    (``after``: only once that voice has started, when the question is
    whether the check lets the person's word through)."""

    def __init__(self, after: _Voice | None = None) -> None:
        self.recent: deque[float] = deque(maxlen=33)
        self.fired = 0
        self.after = after

    def feed(self, pcm: np.ndarray) -> bool:
        started = self.after is None or (self.after.started is not None
                                         and time.monotonic() > self.after.started)
        loud = started and bi._db(pcm) > bi.VOICE_DB
        self.recent.append(1.0 if loud else 0.0)
        self.fired += loud
        return loud

    def reset(self) -> None:
        self.recent.clear()


@pytest.fixture(scope="module")
def answer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    wav = tmp_path_factory.mktemp("dt") / "answer.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "160", "-w", str(wav), ANSWER],
                   check=True, timeout=30)
    return wav


def _watch(answer: Path, spotter: Any, voice: _Voice | None = None,
           after: float = 2.5) -> tuple[str | None, BargeIn]:
    barge = BargeIn(None, spotter=spotter)
    talker = ClipTalker(read_wav(answer), ANSWER)
    timer = threading.Timer(after, voice.play) if voice is not None else None
    if timer is not None:
        timer.start()
    heard = read_through(barge, talker)
    if timer is not None:
        timer.join()
    return heard, barge


class _Counting(BargeIn):
    """Barge-in that notes what each firing of the model would have done,
    and lets the answer play on."""

    def __init__(self, spotter: Any) -> None:
        super().__init__(None, spotter=spotter)
        self.taken = 0

    def spotted(self, end: float) -> str | None:
        self.taken += super().spotted(end) is not None
        return None


def test_its_own_voice_taken_for_stop_is_refused(virtual_mic: Any, answer: Path) -> None:
    fooled = _Fooled()
    barge = _Counting(fooled)
    read_through(barge, ClipTalker(read_wav(answer), ANSWER))
    refused = barge.refused["no voice in the room"]
    assert fooled.fired > 100, fooled.fired
    # Fooled on every block of its own voice: most firings refused (none
    # without the check). Not all: 76-100% in four readings; a piece of its
    # own voice now and then is not found in what it played at the delays
    # searched (docs/barge-in.md, barge17: 14-20% of windows over all
    # answers). The check lowers the chance of a self-stop, not to 0.
    assert refused >= 0.6 * fooled.fired, (refused, barge.taken, fooled.fired)


@pytest.mark.parametrize("clip", REAL_STOPS)
def test_a_real_stop_over_it_still_stops_it(virtual_mic: Any, answer: Path, clip: str) -> None:
    voice = _Voice(STOPS / clip)
    heard, barge = _watch(answer, _Fooled(after=voice), voice)
    assert heard == "stop", barge.heard[-3:]
    # On the person's word, not on its own voice before it (the voice's
    # stamp and the microphone's agree to a few ms).
    assert voice.started is not None and barge.spotted_end > voice.started - 0.05, (
        barge.spotted_end, voice.started)


def test_the_real_model_hears_real_stops_through_the_check(
    virtual_mic: Any, answer: Path,
) -> None:
    from voice.speech_in.wake.stop_word import load_stop_spotter

    spotter, problem = load_stop_spotter()
    assert spotter is not None, problem
    caught = 0
    for clip in REAL_STOPS:
        heard, barge = _watch(answer, spotter, _Voice(STOPS / clip))
        caught += heard == "stop" and barge.taken_by == "stop-word model"
    assert caught >= 2, caught


def test_the_correlation_tells_its_echo_from_a_voice_over_it() -> None:
    """Offline: the microphone as the played voice delayed (an exact echo
    path), with and without a real "stop" over it as loud."""
    rate = 16000
    rng = np.random.default_rng(17)
    played = (3000 * rng.standard_normal(3 * rate)).astype(np.int16)
    stop = read_wav(STOPS / REAL_STOPS[0]).to_mono().resampled(rate).samples.reshape(-1)

    class _Played:
        def between(self, start: float, n: int) -> np.ndarray:
            i, out = round(start * rate), np.zeros(n, np.int16)
            lo, hi = max(0, i), min(len(played), i + n)
            if hi > lo:
                out[lo - i : hi - i] = played[lo:hi]
            return out

    barge = BargeIn(None)
    barge.reference = _Played()  # type: ignore[assignment]
    delay = round(0.065 * rate) - round(bi.LEAD * rate)
    echo = np.zeros(len(played) + rate, np.int32)
    echo[delay : delay + len(played)] = played

    def least(mic: np.ndarray) -> float:
        barge._taken_off.clear()
        for k in range(rate, rate + 8000, 320):
            barge._taken_off.append((0.02, 20.0, mic[k : k + 320].astype(np.int16), k / rate))
        return barge.near_end_ncc()

    assert least(echo) > 0.99
    # The word (its loud part) in the window, its peak as the played voice's.
    x = stop.astype(np.float64)
    loud = np.nonzero(np.abs(x) > 0.1 * np.max(np.abs(x)))[0]
    word = x[loud[0] : loud[-1] + 1][:8000]
    mixed = echo.copy()
    part = (word * np.max(np.abs(played)) / np.max(np.abs(word))).astype(np.int32)
    mixed[rate : rate + len(part)] += part
    assert least(np.clip(mixed, -32768, 32767)) < bi.NEAR_NCC
