"""A streaming "stop" keyword spotter: microWakeWord's "stop" model.

The model is Kevin Ahrendt's microWakeWord "stop" (the one Home Assistant
Voice PE stops its media with), vendored under models/microwakeword-stop/
with its licence, and run on the wake word's network (micro.py) with the
TensorFlow Lite C library that the PyPI package pymicro-wakeword bundles in
its wheels for x86_64 and aarch64. It looks at
the echo-cancelled microphone in 10 ms steps and says "stop" within 0.1-0.2 s
of the word's end; Whisper's quick look (quick_stop.py) needs a pause first
and an encode. Measured in docs/wake-word.md (scripts/benchmark_barge_in.py).

Trusted by its bytes like every model here: both files' sizes and SHA-256
are pinned below and checked at every load (and by ``voice doctor``), on the
bytes read once and then run (never checked, then opened again); a changed
file is refused in one line and barge-in keeps its Whisper path.
Only files on disk are read; nothing is fetched.
"""

from __future__ import annotations

import hashlib
import json
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from voice.config import STOP_CHECKS
from voice.models.manifest import PinnedFile
from voice.models.verify import file_problem, folder_problems

#: Folder under the models directory (models/ in the repository).
STOP_MODEL = "microwakeword-stop"
#: From github.com/OHF-Voice/linux-voice-assistant wakewords/ (Apache-2.0;
#: model by Kevin Ahrendt), commit 15e0b4be801d. The same stop.tflite SHA-256
#: is pinned independently by other public projects (a Go voice daemon that
#: embeds it, a firmware release workflow, a Python asset registry), and the
#: four models the pymicro-wakeword wheel carries are byte-identical to that
#: repository's copies.
STOP_FILES: tuple[PinnedFile, ...] = (
    PinnedFile("stop.json", 375,
               "bd13aeb1b83852649dc4fb6135cb160ff68716d14612b06f6a405342c57447aa"),
    PinnedFile("stop.tflite", 45_544,
               "020ef80d522cb09169a866f3aeeb58f2ad4045461937e78e8c806df29ff61eea"),
)
RATE = 16000
#: How to get the files back: they are committed in the repository.
REPAIR = f"Restore the files with: git checkout -- models/{STOP_MODEL}"
#: Probabilities averaged (one every 30 ms) before the cutoff (0.5, stop.json's)
#: applies: 3 instead of stop.json's 5 fires about 60 ms sooner.
#: benchmark_barge_in.py --answers 3 --stops 12 --clips tuning (loaded): 5 ->
#: 3 took the median from 257 to 185 ms, 6/9 -> 10/12 within 300 ms; the
#: highest probability on its own voice went 0.22 -> 0.25, and the full run
#: over all answers (docs/wake-word.md) had no self-stop.
WINDOW = 3
#: Probabilities kept in ``recent``: about 1 s.
RECENT = 33
#: The hiss of "stop"'s /s/: the model fires just as surely on real people's
#: "no", "zero", "four", "three"... said alone (its output saturates at 0.81
#: for them as for "stop", so no cutoff or window separates them), and every
#: one of those lacks a sibilant. So a firing counts only when some frame of
#: the last HISS_SECONDS, within HISS_SPAN_DB of the loudest, has at least
#: HISS of its energy above HISS_HZ. First chosen (0.9 above 3 kHz) on 4 real
#: "stop"s; re-chosen on the tuning half (by speaker) of 45 real people's
#: "stop"s and 149 other words (tests/data/real/stop_words and the older
#: clips; scripts/benchmark_stop_word.py --candidates, 20 ms blocks as
#: barge-in feeds it) by the rule "most "stop"s accepted at once, with no false
#: stop on 'no'/'go'/'right' and no more false stops in all than 0.9 above
#: 3 kHz": that took 36/45 "stop"s (false stops 23/149), 0.7 above 4 kHz takes
#: 38/45 (20/149); no check 44/45 (64/149, 8 of 21 'no'/'go'/'right'). Most
#: false stops left are words with a hiss of their own ("six", "seven",
#: "sheila", "yes"). The "stop"s still refused hold no /s/ that the
#: microphone caught (shares 0.01-0.32 above 3 kHz), so any /s/ check refuses
#: them; Whisper's quick look catches them a little later. Held out, once:
#: docs/wake-word.md. Costs no time: 80 FFTs of 20 ms, once per firing.
#: Since branch barge11: at least HISS of the energy between HISS_HZ and
#: HISS_TOP. The microphone's path may not pass the top of an /s/: through
#: the virtual microphone (PulseAudio's default resampler, speex-float-1) the
#: band falls off from 5.5 kHz (-4 dB at 6, -17 at 7, -31 at 7.5 kHz), and
#: 0.7 above 4 kHz then took 34/45 tuning "stop"s at once instead of 38/45
#: (benchmark_stop_word.py --half tuning --sink). Below 5.5 kHz the path is
#: flat, so the score is the same either way; chosen by the same rule on the
#: tuning half, on all three paths (--candidates, then --sink, --sink --echo):
#: 0.3 of 4-5.5 kHz takes 39/45 (no echo), 39/45 (sink), 38/45 (sink and the
#: answer's cancelled echo), against 38, 34, 34; false stops 22/149, 21/149,
#: 14/149 against 20, 19, 11 (one more "sheila", one more "three"), still 0
#: on "no"/"go"/"right" on every path.
HISS = 0.3
HISS_HZ = 4000
HISS_TOP = 5500
HISS_SPAN_DB = 30.0
HISS_SECONDS = 0.8
_FRAME = 320  # 20 ms


def hiss(pcm: np.ndarray, rate: int = RATE, hz: float = HISS_HZ,
         top: float = HISS_TOP) -> float:
    """The highest share of energy above ``hz`` (and below ``top``) among the
    20 ms frames of ``pcm`` within HISS_SPAN_DB of its loudest: near 1 for an
    /s/, low for voiced sounds."""
    if len(pcm) < _FRAME:
        return 0.0
    # Frames every 10 ms, each 20 ms long: with frames end to end, the same word
    # scored 0.1 higher or lower as the block it ended in moved by 10 ms.
    frames = np.lib.stride_tricks.sliding_window_view(pcm, _FRAME)[::_FRAME // 2]
    frames = frames.astype(np.float64) * np.hanning(_FRAME)
    power = np.abs(np.fft.rfft(frames, axis=1)) ** 2
    freqs = np.fft.rfftfreq(_FRAME, 1 / rate)
    band = (freqs > 100) & (freqs <= top)
    total = power[:, band].sum(axis=1) + 1e-9
    high = power[:, band & (freqs >= hz)].sum(axis=1)
    level = 10 * np.log10(total)
    loud = level >= level.max() - HISS_SPAN_DB
    return float((high / total)[loud].max())


def stop_model_folder(models_dir: Path | None = None) -> Path:
    """Where the "stop" model is: in ``models_dir`` (default: the models
    folder in use, models/ unless VOICE_MODELS_DIR says otherwise), beside
    Whisper's."""
    from voice.config import default_models_dir

    return (models_dir or default_models_dir()) / STOP_MODEL


def stop_model_problem(folder: Path) -> str:
    """Why the model in ``folder`` cannot be used, in one line ("" when both
    files have their pinned size and SHA-256)."""
    if not folder.exists():
        return f"The 'stop' word model is not installed in {folder}."
    problems = folder_problems(folder, STOP_FILES)
    if not problems:
        return ""
    return f"The 'stop' word model in {folder} is damaged ({problems[0]}), so it was not used."


@dataclass(frozen=True)
class _Settings:
    cutoff: float
    window: int
    hiss: float
    hiss_hz: float = HISS_HZ
    hiss_top: float = HISS_TOP


def _verified(folder: Path) -> tuple[dict[str, Any], bytes]:
    """stop.json's settings and stop.tflite's bytes, each file read once and
    checked against its pin; the network is built from those very bytes, so
    the file checked is the file run. ValueError (one line) when not."""
    data: dict[str, bytes] = {}
    for pin in STOP_FILES:
        path = folder / pin.name
        problem = file_problem(path, pin, digest=False)  # missing, or another size
        if problem is None:
            try:
                data[pin.name] = path.read_bytes()
            except OSError as e:
                problem = f"{pin.name} cannot be read ({e.strerror or e})"
            else:
                if hashlib.sha256(data[pin.name]).hexdigest() != pin.sha256:
                    problem = f"{pin.name} has been changed (its SHA-256 does not match)"
        if problem is not None:
            if not folder.exists():
                raise ValueError(f"The 'stop' word model is not installed in {folder}.")
            raise ValueError(f"The 'stop' word model in {folder} is damaged ({problem}), "
                             "so it was not used.")
    config = json.loads(data["stop.json"].decode("utf-8"))
    return config, data["stop.tflite"]


class StopSpotter:
    """Feeds 16 kHz int16 audio to the model; says when "stop" was heard.

    The model runs on the wake word's own network (micro.py's ``Network``:
    TensorFlow Lite from the package's runtime, built from verified bytes).
    Construct with :func:`load_stop_spotter`, which checks the files first.
    """

    def __init__(self, network: Any, cutoff: float, window: int, hiss: float = HISS,
                 hiss_hz: float = HISS_HZ, hiss_top: float = HISS_TOP) -> None:
        from pymicro_wakeword import MicroWakeWordFeatures

        self.settings = _Settings(cutoff, window, hiss, hiss_hz, hiss_top)
        self._network = network
        self._features: Any = MicroWakeWordFeatures()
        self._stack: list[np.ndarray] = []
        self._probabilities: deque[float] = deque(maxlen=window)
        self._above = False
        self.samples = 0
        """Samples fed since :meth:`reset`."""
        self.peak = 0.0
        """Highest probability since :meth:`reset` (benchmark)."""
        #: The probabilities of about the last second (one every 30 ms).
        self.recent: deque[float] = deque(maxlen=RECENT)
        #: The audio of the last HISS_SECONDS, for the /s/ check.
        self._audio = np.zeros(0, np.int16)
        self.unhissed = 0
        """Firings refused since :meth:`reset`: no /s/ (benchmark)."""

    def feed(self, pcm: np.ndarray) -> bool:
        """True when "stop" was heard in ``pcm`` (once per word: the
        probability has to fall below the cutoff before it counts again)."""
        fired = False
        self.samples += len(pcm)
        block = np.ascontiguousarray(pcm, dtype=np.int16)
        self._audio = np.concatenate([self._audio, block])[-int(HISS_SECONDS * RATE):]
        data = block.tobytes()
        for features in self._features.process_streaming(data):
            self._stack.append(features)
            if len(self._stack) < self._network.stride:
                continue  # one inference every `stride` feature frames
            self._probabilities.append(
                self._network.probability(np.concatenate(self._stack, axis=1)))
            self._stack.clear()
            # The mean of the last `window`; 0 until there are that many.
            n = len(self._probabilities)
            p = sum(self._probabilities) / n if n == self.settings.window else 0.0
            self.peak = max(self.peak, p)
            self.recent.append(p)
            above = p > self.settings.cutoff
            if above and not self._above:
                if (self.settings.hiss <= 0
                        or hiss(self._audio, hz=self.settings.hiss_hz,
                                top=self.settings.hiss_top) >= self.settings.hiss):
                    fired = True
                else:
                    self.unhissed += 1
            self._above = above
        return fired

    def reset(self) -> None:
        """Start afresh (each answer): the model keeps a streaming state, and
        an answer stopped by "stop" leaves the word in it, which fired again
        0.14 s into the next answer (benchmark_barge_in.py: 2 of 5 stops
        "heard" seconds before the word). A fresh interpreter from the same
        verified bytes puts that state back to silence."""
        self._network.restart()
        self._features.reset()
        self._stack.clear()
        self._probabilities.clear()
        self._above = False
        self.samples = 0
        self.peak = 0.0
        self.recent.clear()
        self._audio = np.zeros(0, np.int16)
        self.unhissed = 0

    def close(self) -> None:
        self._network.close()


def load_stop_spotter(folder: Path | None = None, cutoff: float | None = None,
                      window: int | None = None,
                      hiss: float | None = None, hiss_hz: float | None = None,
                      check: str = "hiss", hiss_top: float | None = None,
                      ) -> tuple[StopSpotter | None, str]:
    """The spotter, or None and why not in one line (a missing or changed
    file, or no TensorFlow Lite runtime): barge-in then keeps Whisper alone.
    ``check``: one of STOP_CHECKS (``[listen] stop_check``); "off" is the
    model alone. ``cutoff``/``window``/``hiss``/``hiss_hz``/``hiss_top``:
    stop.json's cutoff, WINDOW, HISS, HISS_HZ and HISS_TOP unless given
    (``hiss`` 0: no /s/ check)."""
    if check not in STOP_CHECKS:
        raise ValueError(f"stop check {check!r} is not one of {', '.join(STOP_CHECKS)}")
    if check == "off":
        hiss = 0.0
    folder = folder or stop_model_folder()
    try:
        config, model = _verified(folder)
    except ValueError as e:
        return None, str(e)
    try:
        from voice.speech_in.wake.micro import Network, tflite_library

        lib = tflite_library()
        if lib is None:
            raise RuntimeError("pymicro-wakeword has no TensorFlow Lite library for this machine")
        network = Network(model, lib)
        return StopSpotter(
            network, cutoff if cutoff is not None else float(config["micro"]["probability_cutoff"]),
            window if window is not None else WINDOW, HISS if hiss is None else hiss,
            HISS_HZ if hiss_hz is None else hiss_hz,
            HISS_TOP if hiss_top is None else hiss_top), ""
    except Exception as e:  # no pymicro-wakeword, its library refused to load
        return None, f"The 'stop' word model could not be loaded ({type(e).__name__}: {e})."
