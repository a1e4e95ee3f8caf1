"""Benchmark barge-in: "stop" said over the assistant's answers.

Run: ``.venv/bin/python scripts/benchmark_barge_in.py [--stops 30] [--answers all]
[--no-aec] [--clips tuning|held-out] [--detector both|stop-word|whisper]
[--stop-check hiss|off] [--cutoff P] [--window N] [--hiss H] [--hiss-hz HZ] [--hiss-top HZ]
[--others N]
[--trace] [--simulated] [--pauses N] [--pause-clips tuning|held-out] [--no-pause]
[--skip-sentences] [--each] [--save DIR] [--ct2-threads N] [--watch-nice N] [--realign]
[--rt R] [--busy THREADS] [--variants L:P:N[:R],...]``

``--busy 2`` keeps a Whisper decode running all along (as a question's decode
would on the user's device); with ``--variants`` every variant hears the same
clip over the same answer, and reads every answer, in turn (paired).

Everything goes through a private PulseAudio null sink whose monitor is the
microphone: the answers are spoken by the real speaker (pyttsx3/espeak-ng,
played by the assistant's player) into the virtual speaker, so the
microphone hears them exactly, as the tests' virtual microphone does.

* **Self-stops**: every answer of the content read in full while barge-in
  listens; any stop is a self-stop (target 0).
* **Stops caught**: ``--stops`` answers, each interrupted at a random moment
  (1-6 s in) by another voice saying "stop" (espeak-ng voices, plus the real
  people's "stop" recordings under tests/data/real/ when present). Latency
  is from the end of the word (its last loud sample reaching the microphone)
  to the moment the answer was silenced (target: 90% within 300 ms).

``--no-aec`` decodes the raw microphone, to show what echo cancellation buys.
``--realign``: the echo reference follows the player after a stall, and the
echo's delay is measured again (off by default; docs/barge-in.md). Every phase ends with the
player's stalls followed, the microphone's overflows and speexdsp's resets.
``--detector``: the stop-word model (voice/speech_in/wake/stop_word.py) or
Whisper (quick look and full decode) alone, or both (what ``voice listen``
uses); ``--stop-check`` is ``[listen] stop_check`` (off: the model alone);
``--cutoff``/``--window``/``--hiss``/``--hiss-hz``/``--hiss-top`` override the model's own
settings (``--hiss 0``: no /s/ check).

* **False stops** (``--others N``): N answers, each with a real person saying
  "yes", "no", "right", "go", "six", "seven" or "sheila" over it
  (tests/data/real/commands and stop_words, scripts/real_stop_words.py; the ``--clips``
  half); any stop is a false stop (someone else in the room cut the answer
  off). Without echo, on every real clip: scripts/benchmark_stop_word.py.
* **Pauses** (``--pauses N``): N answers, each with another voice saying
  "wait", "hold on", "one moment" or "hang on" (espeak-ng voices: no real
  person's recording of them was found) 1-6 s in; caught when the answer was
  paused (not stopped), with the delay from the word's end. ``--no-pause``:
  barge-in as before, deaf to them (a pause heard anywhere else is counted
  with the self-stops and false stops).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from voice.audio import barge_in as bi  # noqa: E402
from voice.audio.clip import read_wav  # noqa: E402

STOP_VOICES = [("en+f3", 150), ("en-us+m3", 120), ("en-gb-x-rp+f2", 170), ("en-029+f4", 100),
               ("en-us", 150)]
#: What a user says to pause an answer (--pauses), each in every STOP_VOICES voice.
PAUSE_PHRASES = ("wait", "hold on", "one moment", "hang on")
#: --pause-clips held-out: other voices and other phrasings, never tuned on
#: (branch barge12 chose PAUSE_AGREE on the 20 above).
HELD_OUT_PAUSE_VOICES = [("en-gb-scotland", 140), ("en-us-nyc+f2", 130), ("en+m2", 110),
                         ("en-us+f4", 160), ("en-gb-x-gbcwmd+m4", 120)]
HELD_OUT_PAUSE_PHRASES = ("wait a second", "just a moment", "hang on a moment",
                          "give me a minute")
#: --cries: session 23's cries (tests/test_session23_emergency_over_answer.py)
#: and three of tests/data/emergencies-tuning.txt, in CRY_VOICES in turn.
CRY_PHRASES = ("help, I can't breathe", "I have chest pain", "he's choking",
               "I need an ambulance", "she collapsed")
CRY_VOICES = [("en-us+m3", 150), ("en+f3", 150), ("en-gb-x-rp+f2", 130)]


class _Talker:
    """The assistant's speaking side: a real TtsSpeaker in a thread."""

    def __init__(self, speaker: Any, settings: Any) -> None:
        self.speaker, self.settings = speaker, settings
        self.thread: threading.Thread | None = None

    def say(self, text: str) -> None:
        self.thread = threading.Thread(target=self.speaker.say, args=(text, self.settings),
                                       daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 5
        while not self.speaker.speaking and time.monotonic() < deadline:
            time.sleep(0.005)

    @property
    def speaking(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def stop_speaking(self) -> None:
        self.speaker.stop()

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.join()


class _Voice:
    """Another person in the room: plays a clip into the sink, noting when
    its first sample reached the speaker."""

    def __init__(self, samples: np.ndarray, rate: int) -> None:
        self.samples, self.rate = samples, rate
        self.started: float | None = None
        loud = np.nonzero(np.abs(samples.astype(np.int32)) > 1000)[0]
        self.word_end = (loud[-1] + 1) / rate if len(loud) else len(samples) / rate

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
                             latency="low", callback=cb) as s:
            while s.active:
                time.sleep(0.01)


class _Recorder:
    """A second listener on the microphone (the sink's monitor), kept apart from
    barge-in's: what the room heard, sample by sample, for the --trace timeline."""

    RATE = 16000

    def __init__(self) -> None:
        self.blocks: list[tuple[float, np.ndarray]] = []
        self._stream: Any = None

    def start(self) -> None:
        import sounddevice as sd

        def cb(indata: np.ndarray, frames: int, t: Any, _s: Any) -> None:
            at = time.monotonic() - (t.currentTime - t.inputBufferAdcTime)
            self.blocks.append((at, indata[:, 0].copy()))

        self._stream = sd.InputStream(samplerate=self.RATE, channels=1, dtype="int16",
                                      blocksize=320, callback=cb)
        self._stream.start()

    def stop(self) -> None:
        if self._stream is not None:
            self._stream.close()

    def audio(self) -> tuple[np.ndarray, float]:
        """Everything recorded, and the monotonic time of its first sample
        (the median over the blocks' own stamps: one late stamp moves nothing)."""
        blocks = list(self.blocks)
        audio = np.concatenate([b for _, b in blocks])
        starts = np.cumsum([0] + [len(b) for _, b in blocks[:-1]]) / self.RATE
        return audio, float(np.median([at - s for (at, _), s in zip(blocks, starts, strict=True)]))


def timeline(rec: _Recorder, voice: _Voice, barge: Any, until: float) -> dict[str, float] | None:
    """Where the milliseconds go, each from the end of the spoken "stop" (found
    in the recording by correlation with the clip, not from any timestamp):
    the block holding it handed to barge-in ('captured'), through the echo
    canceller ('processed'), the stop-word model's firing ('fired', and
    'audio' for the end of the block it fired on: its delay in sound alone),
    the stop call ('stopped') and the last sound of the answer in the
    recording ('silent': what the user hears; 'played on' after the stop call)."""
    if voice.started is None or barge.stopped_at is None:
        return None
    import soxr

    audio, t0 = rec.audio()
    clip = soxr.resample(voice.samples.astype(np.float32), voice.rate, rec.RATE)
    guess = int((voice.started - t0) * rec.RATE)
    # The voice's own stamp is within a few ms: a wider search found a louder
    # stretch of the answer once (855 ms off).
    slack = rec.RATE // 5
    lo, hi = max(0, guess - slack), min(len(audio), guess + len(clip) + slack)
    seg = audio[lo:hi].astype(np.float64)
    if len(seg) < len(clip):
        return None
    n = len(seg) + len(clip)
    corr = np.fft.irfft(np.fft.rfft(seg, n) * np.conj(np.fft.rfft(clip, n)), n)
    corr = corr[: len(seg) - len(clip) + 1]
    start = lo + int(np.argmax(np.abs(corr)))
    w_idx = start + int(voice.word_end * rec.RATE)
    word_end = t0 + w_idx / rec.RATE
    end_idx = min(len(audio), int((until - t0) * rec.RATE))
    loud = np.nonzero(np.abs(audio[w_idx:end_idx].astype(np.int32)) > 1000)[0]
    silent_idx = w_idx + (int(loud[-1]) + 1 if len(loud) else 0)
    out = {"stopped": barge.stopped_at - word_end, "silent": (silent_idx - w_idx) / rec.RATE,
           "stamp error": voice.started + voice.word_end - word_end}
    if out["stopped"] >= 0:  # before the word's end, the voice itself sounds on
        out["played on"] = t0 + silent_idx / rec.RATE - barge.stopped_at
    for block in barge.trace or ():
        if block.at <= word_end < block.at + block.seconds:
            out["captured"] = block.arrived - word_end
            if block.processed is not None:
                out["processed"] = block.processed - word_end
    if barge.spotted_at is not None:
        out["fired"] = barge.spotted_at - word_end
        out["audio"] = barge.spotted_end - word_end
    return out


def describe(d: Any) -> str:
    """One decoded stretch's figures: what was heard (each word with Whisper's
    probability), its length and voiced time, its energy after and before the
    canceller (dB of int16 power) and what it was taken for."""
    words = " ".join(f"{w}:{p:.2f}" for w, p in d.words) if d.words else repr(d.text)
    return (f"{words} [{d.by}; {d.seconds:.2f} s, voiced {d.voiced:.2f} s; clean "
            f"{d.clean_db:.1f} dB, raw {d.raw_db:.1f} dB, cancelled {d.raw_db - d.clean_db:.1f} dB"
            + (f"; {d.order}{' TAKEN' if d.taken else ' refused'}" if d.order else "") + "]")


class _Saver:
    """--save DIR: every stretch of voice barge-in cut (decoded or not), as a
    16 kHz WAV, with an index.tsv line of its figures (for offline decodes:
    scripts/barge_in_stretches.py)."""

    def __init__(self, folder: str | None) -> None:
        self.folder = Path(folder) if folder else None
        self.count = 0
        if self.folder is not None:
            self.folder.mkdir(parents=True, exist_ok=True)
            index = self.folder / "index.tsv"
            if not index.exists():
                index.write_text("file\tphase\tclip\tseconds\tvoiced\tclean_db\traw_db\n")

    def save(self, barge: Any, phase: str, clip: str) -> None:
        if self.folder is None or barge.stretches is None:
            return
        import wave

        stamp = time.strftime("%H%M%S")
        with (self.folder / "index.tsv").open("a") as index:
            for st in barge.stretches:
                self.count += 1
                name = f"{phase}-{stamp}-{self.count:04d}.wav"
                with wave.open(str(self.folder / name), "wb") as w:
                    w.setnchannels(1)
                    w.setsampwidth(2)
                    w.setframerate(16000)
                    w.writeframes(np.asarray(st.audio, dtype=np.int16).tobytes())
                raw = bi._db(st.raw) if st.raw is not None else 0.0
                index.write(f"{name}\t{phase}\t{clip}\t{st.end - st.start:.3f}\t"
                            f"{st.voiced:.3f}\t{bi._db(st.audio):.2f}\t{raw:.2f}\n")
        barge.stretches.clear()


STEPS = ("captured", "processed", "audio", "fired", "stopped", "played on", "silent")


def simulated(clips: list[tuple[str, np.ndarray, int]], spotter: Any, each: bool) -> None:
    """The stop-word model's delay after the word's end counted in samples, on
    a simulated clock (no sound server, no threads: the same on any load).
    Each clip alone between silences, fed as barge-in feeds it now (20 ms
    blocks of 16 kHz from the sound server) and as it did before (44.1 kHz
    resampled by soxr's stream, whose output comes in bursts)."""
    import soxr

    def fired(chunks: list[np.ndarray]) -> int | None:
        spotter.reset()
        pos = 0
        for chunk in chunks:
            pos += len(chunk)
            if len(chunk) and spotter.feed(chunk):
                return pos
        return None

    now, before = [], []
    for name, samples, rate in clips:
        x = soxr.resample(samples.astype(np.float32), rate, 16000).astype(np.int16)
        x = np.concatenate([np.zeros(8000, np.int16), x, np.zeros(16000, np.int16)])
        loud = np.nonzero(np.abs(x.astype(np.int32)) > 1000)[0]
        end = int(loud[-1]) + 1 if len(loud) else len(x)
        a = fired([x[i : i + 320] for i in range(0, len(x), 320)])
        y = soxr.resample(x.astype(np.float32), 16000, 44100).astype(np.int16)
        stream = soxr.ResampleStream(44100, 16000, 1, dtype="int16")
        b = fired([np.asarray(stream.resample_chunk(y[i : i + 882])).reshape(-1)
                   for i in range(0, len(y), 882)])
        if a is not None and b is not None:
            now.append((a - end) / 16)
            before.append((b - end) / 16)
        if each:
            print(f"  {name}: fired {'-' if a is None else f'{(a - end) / 16:.0f}'} ms after the "
                  f"word's end in 20 ms blocks, {'-' if b is None else f'{(b - end) / 16:.0f}'} "
                  "ms in soxr's chunks", flush=True)
    if now:
        print(f"simulated clock, {len(now)} clips the model took both ways: fired median "
              f"{np.median(now):.0f} ms after the word's end in 20 ms blocks (now), "
              f"{np.median(before):.0f} ms in soxr's chunks (before); median difference "
              f"{np.median(np.subtract(before, now)):.0f} ms")


def stop_clips(tmp: Path, which: str = "all") -> list[tuple[str, np.ndarray, int]]:
    """espeak-ng's and real people's "stop"s; ``which`` "tuning" or "held-out":
    only that half of the real ones (scripts/real_stop_words.py);
    "espeak": only espeak-ng's."""
    from real_stop_words import word_clips

    clips = []
    for voice, rate in STOP_VOICES if which in ("all", "espeak") else ():
        wav = tmp / f"stop-{voice}-{rate}.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(wav), "stop"],
                       check=True)
        c = read_wav(wav)
        clips.append((f"{voice} {rate}", c.samples.reshape(-1), c.rate))
    for real in word_clips():
        if real.word != "stop" or which == "espeak" or (which != "all" and real.half != which):
            continue
        c = read_wav(real.path).to_mono()
        clips.append((f"real {real.path.stem}", c.samples.reshape(-1), c.rate))
    return clips


def pause_clips(tmp: Path, which: str = "tuning") -> list[tuple[str, np.ndarray, int]]:
    """espeak-ng's "wait", "hold on"...: every phrase in every voice, the
    phrases taking turns (``which`` "held-out": the held-out voices and phrasings)."""
    clips = []
    voices, phrases = ((HELD_OUT_PAUSE_VOICES, HELD_OUT_PAUSE_PHRASES) if which == "held-out"
                       else (STOP_VOICES, PAUSE_PHRASES))
    for voice, rate in voices:
        for phrase in phrases:
            wav = tmp / f"pause-{voice}-{rate}-{phrase.replace(' ', '_')}.wav"
            subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(wav), phrase],
                           check=True)
            c = read_wav(wav)
            clips.append((f"{phrase!r} {voice} {rate}", c.samples.reshape(-1), c.rate))
    # k-th: voice k mod 5, phrase k mod 4, so the first 20 are every pair
    # and any first few vary both.
    n, m = len(voices), len(phrases)
    return [clips[(k % n) * m + k % m] for k in range(len(clips))]


def cry_clips(tmp: Path) -> list[tuple[str, np.ndarray, int]]:
    """espeak-ng's cries (CRY_PHRASES), the voices taking turns."""
    clips = []
    for k, phrase in enumerate(CRY_PHRASES * len(CRY_VOICES)):
        voice, rate = CRY_VOICES[(k + k // len(CRY_PHRASES)) % len(CRY_VOICES)]
        wav = tmp / f"cry-{k}.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(wav), phrase],
                       check=True)
        c = read_wav(wav)
        clips.append((f"{phrase!r} {voice} {rate}", c.samples.reshape(-1), c.rate))
    return clips


def cry_run(n: int, clips: list[tuple[str, np.ndarray, int]], talker: _Talker, barge: Any,
            rng: random.Random, long_answers: list[str]) -> None:
    """``n`` answers, each with a cry said over it 1-6 s in: how many got
    the emergency advice, how many were stopped as "stop" (with the short
    line, or without), how many went on."""
    from collections import Counter

    got: Counter[str] = Counter()
    for k in range(n):
        name, samples, rate = clips[k % len(clips)]
        voice = _Voice(samples, rate)
        after = rng.uniform(1.0, 6.0)
        talker.say(rng.choice(long_answers))
        timer = threading.Timer(after, voice.play)
        timer.start()
        ender = threading.Timer(after + len(samples) / rate + 8.0, talker.stop_speaking)
        ender.start()
        heard = barge.watch(talker)
        timer.join()
        ender.cancel()
        talker.wait()
        what = ("emergency advice" if heard == bi.EMERGENCY
                else "stop, the short line" if heard == "stop" and barge.maybe_emergency
                else f"{heard} ({barge.taken_by})" if heard else "went on")
        got[what] += 1
        print(f"  {name}: {what}" + (f" (heard {barge.order_text!r})" if heard else ""),
              flush=True)
        time.sleep(0.3)
    print(f"cries over answers: {n}; " + ", ".join(f"{k} {v}" for k, v in got.most_common()),
          flush=True)


def other_clips(which: str = "all") -> list[tuple[str, np.ndarray, int]]:
    """Real people's one-word replies and other short words (not "stop", digits
    or sentences), of one half or all."""
    from real_stop_words import word_clips

    clips = []
    for real in word_clips():
        if (real.path.parent.name not in ("commands", "stop_words") or real.word == "stop"
                or (which in ("tuning", "held-out") and real.half != which)):
            continue
        c = read_wav(real.path).to_mono()
        clips.append((f"real {real.path.stem}", c.samples.reshape(-1), c.rate))
    return clips


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--stops", type=int, default=30)
    ap.add_argument("--answers", default="all", help="'all' or how many answers read in full")
    ap.add_argument("--no-aec", action="store_true", help="decode the raw microphone")
    ap.add_argument("--no-quick", action="store_true",
                    help="no quick look (voice/speech_in/wake/quick_stop.py): the full decode only")
    ap.add_argument("--clips", choices=("all", "tuning", "held-out", "espeak"), default="all",
                    help="the stops said: espeak-ng's and all real ones, or only one half "
                         "of the real ones (tune on 'tuning'), or espeak-ng's only")
    ap.add_argument("--detector", choices=("both", "stop-word", "whisper"), default="both",
                    help="what hears 'stop': the stop-word model, Whisper, or either")
    ap.add_argument("--cutoff", type=float, default=None,
                    help="the stop-word model's probability cutoff (default: its stop.json)")
    ap.add_argument("--window", type=int, default=None,
                    help="the stop-word model's sliding window (default: its stop.json)")
    ap.add_argument("--stop-check", choices=("hiss", "off"), default="hiss",
                    help="[listen] stop_check: the stop-word model's /s/ check, or none")
    ap.add_argument("--hiss", type=float, default=None,
                    help="the stop-word model's /s/ check (default: its HISS; 0: off)")
    ap.add_argument("--hiss-hz", type=float, default=None,
                    help="the /s/ check's edge (default: its HISS_HZ)")
    ap.add_argument("--hiss-top", type=float, default=None,
                    help="the /s/ check's band's top (default: its HISS_TOP)")
    ap.add_argument("--others", type=int, default=0,
                    help="answers with a real person's 'yes'/'no'/'right' said over them")
    ap.add_argument("--pauses", type=int, default=0,
                    help="answers with another voice saying 'wait', 'hold on'... over them")
    ap.add_argument("--cries", type=int, default=0,
                    help="answers with another voice crying 'help, I can't breathe', 'I have "
                         "chest pain'... over them: emergency advice, or a stop")
    ap.add_argument("--no-doubt", action="store_true",
                    help="barge_in.STOP_OR_EMERGENCY off: every emergency reading taken")
    ap.add_argument("--pause-clips", choices=("tuning", "held-out"), default="tuning",
                    help="--pauses: the voices and phrasings tuned on, or held-out ones")
    ap.add_argument("--skip-sentences", action="store_true",
                    help="do not give the full decode the stretches the quick look heard as a "
                         "sentence (voice/audio/barge_in.py SKIP_SENTENCES)")
    ap.add_argument("--no-pause", action="store_true",
                    help="barge-in deaf to 'wait'/'hold on' (as before they paused it)")
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--save", default=None, metavar="DIR",
                    help="keep every stretch Whisper looked at as a WAV under DIR, with "
                         "index.tsv (its words, probabilities, lengths, energies)")
    ap.add_argument("--voice-db", type=float, default=None,
                    help="barge-in's VOICE_DB (to harvest more stretches with --save)")
    ap.add_argument("--near-db", type=float, default=None,
                    help="the double-talk check's bound (barge_in.NEAR_DB; 99: off): the "
                         "model's 'stop' is taken only when the canceller took less than "
                         "this many dB off some block of the last NEAR_SPAN seconds")
    ap.add_argument("--near-ncc", type=float, default=None,
                    help="the double-talk check's correlation bound (barge_in.NEAR_NCC; 2: "
                         "off): the model's 'stop' is taken only when some piece of the "
                         "microphone correlated less than this with what was played")
    ap.add_argument("--near-survey", action="store_true",
                    help="while answers are read in full, the double-talk check's figures "
                         "every 0.1 s (not only when the model fires): how near its own "
                         "voice alone comes to looking like someone else's")
    ap.add_argument("--near-db-own", type=float, default=None,
                    help="--near-db while answers are read in full only (-1: every firing "
                         "refused, so that each is seen and the answer goes on)")
    ap.add_argument("--gate-db", type=float, default=None,
                    help="barge-in's GATE_DB (to harvest more stretches with --save)")
    ap.add_argument("--ct2-threads", type=int, default=None,
                    help="CTranslate2 threads for Whisper's decodes (default: engine.py's "
                         "CPU_THREADS); here every decode is barge-in's")
    ap.add_argument("--watch-nice", type=int, default=None,
                    help="barge-in's WATCH_NICE: niceness of its own and the microphone's "
                         "thread while an answer plays (root: e.g. -10)")
    ap.add_argument("--no-realign", action="store_true",
                    help="the default: the echo reference does not follow the player after a "
                         "stall (voice/audio/echo.py UNDERRUN_LEAD), nor is the echo's delay "
                         "measured again (barge_in.py REALIGN)")
    ap.add_argument("--realign", action="store_true",
                    help="the reference follows the player after a stall and the echo's delay "
                         "is measured again (barge_in.py REALIGN on; branch barge14)")
    ap.add_argument("--trust-realign", action="store_true",
                    help="believe the stop-word model right after a stall whose echo delay "
                         "was measured again (barge_in.py DOUBT_SLIPS off)")
    ap.add_argument("--echo-latency", type=float, default=None,
                    help="the player's output buffer while barge-in listens (s; "
                         "voice/speech_out/output.py ECHO_LATENCY)")
    ap.add_argument("--prime", choices=("on", "off"), default=None,
                    help="output.py START_ON_FIRST_CLIP: start the player at its first clip, "
                         "its buffer primed with it")
    ap.add_argument("--decode-nice", type=int, default=None,
                    help="niceness added to Whisper's CTranslate2 threads "
                         "(voice/audio/priority.py DECODE_NICE)")
    ap.add_argument("--rt", type=int, default=None,
                    help="real-time priority (SCHED_FIFO) of the stop path while an answer "
                         "plays: barge-in's thread, the microphone's and the player's "
                         "(voice/audio/priority.py STOP_PATH_RT; 0 off)")
    ap.add_argument("--busy", type=int, default=0, metavar="THREADS",
                    help="a Whisper decode running all along in this process (a second "
                         "tiny.en with THREADS CTranslate2 threads, decoding a 6 s sentence "
                         "over and over), as a decode of the user's question or a cry "
                         "check would while the answer plays")
    ap.add_argument("--ab", action="store_true",
                    help="alternate answer by answer between main's settings (ECHO_LATENCY "
                         "0.25, no priming, DECODE_NICE 0) and the ones given: the two "
                         "compared at the same load; figures per variant")
    ap.add_argument("--variants", default=None, metavar="L:P:N[:R],...",
                    help="take turns, answer by answer, between these settings, each "
                         "ECHO_LATENCY:priming on/off:DECODE_NICE[:STOP_PATH_RT] (e.g. "
                         "0.25:off:0,1.0:on:0 or 0.25:off:0:0,0.25:off:0:10)")
    ap.add_argument("--each", action="store_true",
                    help="print every stretch decoded while answers are read in full")
    ap.add_argument("--simulated", action="store_true",
                    help="only the stop-word model's delay on a simulated clock (offline, "
                         "deterministic): 20 ms blocks against soxr's chunks")
    ap.add_argument("--trace", action="store_true",
                    help="per 'stop': where the milliseconds go, from the word's end to the "
                         "answer's last sound in a second recording of the microphone")
    args = ap.parse_args(argv)

    from voice.audio.virtual_mic import running_virtual_mic
    from voice.content.loader import load_knowledge
    from voice.models.manifest import WHISPER_MODEL
    from voice.speech_in.wake.quick_stop import load_quick_stop
    from voice.speech_in.wake.stop_word import load_stop_spotter
    from voice.speech_in.whisper import WhisperRecognizer
    from voice.speech_out.base import VoiceSettings
    from voice.speech_out.synth import default_synth
    from voice.speech_out.tts_speaker import TtsSpeaker

    if args.ct2_threads is not None:
        from voice.speech_in.whisper import engine

        engine.CPU_THREADS = args.ct2_threads  # read when the shared model loads
    if args.watch_nice is not None:
        bi.WATCH_NICE = args.watch_nice
    if args.no_realign or args.realign:
        bi.REALIGN = args.realign and not args.no_realign
    if args.trust_realign:
        bi.DOUBT_SLIPS = False
    if args.no_doubt:
        bi.STOP_OR_EMERGENCY = False
    variants = _variants(args)
    resets = SpeexResets()
    busy = _Busy(args.busy) if args.busy else None
    print(f"load average at the start: {_load()}; this process's niceness {os.nice(0)}; "
          f"CTranslate2 threads {args.ct2_threads or 'default'}; barge-in's WATCH_NICE "
          f"{bi.WATCH_NICE}; the reference follows the player's stalls: "
          f"{'yes' if bi.REALIGN else 'no'}", flush=True)
    if args.no_aec:
        class _Raw:
            def __init__(self) -> None:
                pass

            def process(self, mic: np.ndarray, ref: np.ndarray) -> np.ndarray:
                return mic

            def close(self) -> None:
                pass

        bi.SpeexEchoCanceller = _Raw  # type: ignore[misc,assignment]

    if args.simulated:
        with tempfile.TemporaryDirectory() as tmpdir:
            found, problem = load_stop_spotter(cutoff=args.cutoff, window=args.window,
                                               hiss=args.hiss, hiss_hz=args.hiss_hz,
                                               check=args.stop_check, hiss_top=args.hiss_top)
            if found is None:
                print(problem)
                return 1
            # Held-out clips: as a whole only.
            simulated(stop_clips(Path(tmpdir), args.clips), found,
                      each=args.clips in ("tuning", "espeak"))
        return 0
    rng = random.Random(args.seed)
    kb = load_knowledge([REPO / "content"])
    answers = [e.answer for e in kb.entries if e.answer.strip()]
    settings = VoiceSettings()
    with running_virtual_mic(), tempfile.TemporaryDirectory() as tmpdir:
        from voice.speech_out.output import refresh_devices

        refresh_devices()
        synth = default_synth(settings)
        speaker = TtsSpeaker(synth)
        speaker.prepare(settings)
        talker = _Talker(speaker, settings)
        whisper = args.detector != "stop-word"
        quick = (load_quick_stop(REPO / "models" / WHISPER_MODEL)
                 if whisper and not args.no_quick else None)
        if quick is not None:
            quick.keep_looks = True  # read by index below
        spotter = None
        if args.detector != "whisper":
            spotter, problem = load_stop_spotter(cutoff=args.cutoff, window=args.window,
                                                 hiss=args.hiss, hiss_hz=args.hiss_hz,
                                                 check=args.stop_check, hiss_top=args.hiss_top)
            if spotter is None:
                print(problem)
                return 1
        own = (load_stop_spotter(cutoff=args.cutoff, window=args.window, hiss=args.hiss,
                                 hiss_hz=args.hiss_hz, check=args.stop_check,
                                 hiss_top=args.hiss_top)[0]
               if spotter is not None else None)
        barge = bi.BargeIn(WhisperRecognizer(REPO / "models" / WHISPER_MODEL, kb)
                           if whisper else None, quick=quick, spotter=spotter, own_spotter=own,
                           pause=not args.no_pause)
        barge.stretches = [] if args.save else None
        barge.keep_figures = True  # every figure, for the figures printed here
        variants.bind(barge)
        if barge.confirmer is not None and any(v.nice for v in variants.all):
            # CTranslate2 starts its OpenMP threads at the first decode: now,
            # while its worker is lowered, so that they are too (and re-niced).
            barge.confirmer.decode_heard(np.zeros(16000, np.int16))
        barge.skip_sentences = args.skip_sentences or bi.SKIP_SENTENCES
        saver = _Saver(args.save)
        if args.voice_db is not None:
            bi.VOICE_DB = args.voice_db
        if args.gate_db is not None:
            bi.GATE_DB = args.gate_db
        if args.near_db is not None:
            barge.near_db = args.near_db
        if args.near_ncc is not None:
            barge.near_ncc = args.near_ncc
        print(f"echo cancellation: {'off (raw microphone)' if args.no_aec else 'speexdsp'}; "
              f"quick look for 'stop': {'on' if quick else 'off'}; full decode: "
              f"{'on' if whisper else 'off'}; stop-word model: "
              + (f"on (cutoff {spotter.settings.cutoff}, window {spotter.settings.window}, "
                 f"/s/ check {spotter.settings.hiss or 'off'}"
                 + (f" of {spotter.settings.hiss_hz:.0f}-{spotter.settings.hiss_top:.0f} Hz"
                    if spotter.settings.hiss else "") + ")"
                 if spotter else "off")
              + f"; 'wait'/'hold on' pause: {'off' if args.no_pause or not whisper else 'on'}")

        if busy is not None:
            busy.start()
        full = answers if args.answers == "all" else answers[: int(args.answers)]
        near_db = barge.near_db
        survey = _NearSurvey(barge) if args.near_survey else None
        if args.near_db_own is not None:
            barge.near_db = args.near_db_own
        self_stops = 0
        read_seconds = 0.0
        peaks: list[float] = []
        # With several variants each answer is read once by each, in turn
        # (paired: a self-stop belongs to an answer as much as to a setting).
        turns = len(variants.all)
        for k in range(len(full) * turns):
            i, text = k // turns, full[k // turns]
            variant = variants.pick(k)
            started = time.monotonic()
            talker.say(text)
            first = len(barge.decoded)
            heard = barge.watch(talker)
            read_seconds += time.monotonic() - started
            variant.answered(barge, heard is not None, None)
            saver.save(barge, "own", f"answer {i + 1}")
            if args.each:
                for d in barge.decoded[first:]:
                    print(f"  answer {i + 1}: {describe(d)}", flush=True)
            if spotter is not None:
                peaks.append(spotter.peak)
            if heard is not None:
                self_stops += 1
                print(f"  self-{'pause' if heard == 'pause' else 'stop'} in answer {i + 1} "
                      f"after {time.monotonic() - started:.1f} s"
                      + (f" ({variant.name})" if turns > 1 else "")
                      + f": heard {barge.heard[-1]!r}"
                      + (f" {describe(barge.decoded[-1])}" if barge.decoded else ""))
        if full and quick:
            top = sorted(quick.looks, key=lambda lk: -lk.stop_probability)[:5]
            print("  quick looks at its own voice most like 'stop': " + "; ".join(
                f"{lk.text!r} p(stop) {lk.stop_probability:.3f}" for lk in top))
        if full:
            decodes = barge.decode_seconds
            print(f"self-stops: {self_stops} in {len(full) * turns} answers read in full "
                  f"({read_seconds / 60:.1f} min); stretches decoded: {len(decodes)}, refused: "
                  f"{barge.refused}; echo cancelled by median "
                  f"{np.median(barge.cancelled_db):.0f} dB", flush=True)
            print("  heard in them: " + "; ".join(repr(h) for h in barge.heard if h))
            print(f"  {_near_figures(barge)} (the double-talk check refuses from "
                  f"{barge.near_db:g} dB or {barge.near_ncc:g})")
            if survey is not None:
                print("  " + survey.report())
                survey.close()
            if peaks:
                print(f"  stop-word model on its own voice: highest probability "
                      f"{max(peaks):.3f} (cutoff {spotter.settings.cutoff if spotter else 0})")
            lags = [lag / 16 for lag in barge.lags]
            if lags:
                print(f"  echo delay at the answers' starts: {min(lags):.1f}-{max(lags):.1f} ms "
                      f"(aligned to the first, {lags[0]:.1f} ms)")
            print("  " + stalls(barge, resets))
            variants.report("answers read in full")

        refused_before = dict(barge.refused)
        barge.spot_near.clear()
        barge.near_db = near_db
        clips = stop_clips(Path(tmpdir), args.clips)
        latencies: list[float] = []
        missed = []
        as_emergency = doubted = 0
        early: list[str] = []
        long_answers = [a for a in answers if len(a.split()) > 40] or answers
        unhissed = 0  # the stop-word model's firings refused for want of an /s/
        rec = _Recorder() if args.trace else None
        traces: list[dict[str, float]] = []
        silent: list[float] = []
        if rec is not None:
            from collections import deque

            barge.trace = deque(maxlen=600)
            rec.start()
        variants.clear()
        for k in range(args.stops):
            variant = variants.pick(k)
            # Variants in turn hear the same clip, said over the same answer at
            # the same moment: paired, so that a clip's own difficulty (the
            # model firing 30 or 230 ms after its end) is not put on a variant.
            turns = len(variants.all)
            name, samples, rate = clips[(k // turns) % len(clips)]
            voice = _Voice(samples, rate)
            if k % turns == 0:
                after, said = rng.uniform(1.0, 6.0), rng.choice(long_answers)
            talker.say(said)
            timer = threading.Timer(after, voice.play)
            timer.start()
            before = len(barge.heard)
            spotted = barge.spotted_stops
            looked = len(quick.looks) if quick else 0
            heard = barge.watch(talker)
            timer.join()
            unhissed += spotter.unhissed if spotter is not None else 0
            texts = "/".join(barge.heard[before:])
            as_emergency += heard == bi.EMERGENCY
            doubted += heard == "stop" and bool(barge.maybe_emergency)
            if heard == bi.EMERGENCY or barge.maybe_emergency:
                print(f"  {name if args.clips != 'held-out' else 'a clip'}: taken as "
                      f"{'an emergency' if heard == bi.EMERGENCY else 'stop, the short line'}"
                      f" (by the {barge.taken_by})", flush=True)
            if quick and args.clips == "tuning":  # held-out clips: as a whole only
                print(f"  {name}: quick looks " + "; ".join(
                    f"{lk.text!r} {lk.avg_logprob:.2f} p(stop) {lk.stop_probability:.3f}"
                    for lk in quick.looks[looked:]), flush=True)
            if (heard == "stop" and barge.stopped_at is not None
                    and (voice.started is None or barge.stopped_at < voice.started + 0.1)):
                # Stopped before the voice had said anything: on its own voice,
                # not on the word (these counted as caught, in 0 ms, before).
                early.append(f"{name if args.clips != 'held-out' else 'a clip'} (heard "
                             f"{barge.heard[-1]!r})")
                missed.append(f"{name} (stopped before it was said)")
                variant.early += 1
            elif heard == "stop" and barge.stopped_at is not None and voice.started is not None:
                latency = barge.stopped_at - (voice.started + voice.word_end)
                latencies.append(latency)
                variant.answered(barge, False, latency)
                if args.clips in ("tuning", "espeak"):  # held-out clips: as a whole only
                    print(f"  {name}: stopped {latency * 1000:.0f} ms after the word's end "
                          f"({'stop-word model' if barge.spotted_stops > spotted else 'Whisper'})",
                          flush=True)
                if latency < -0.5:
                    print(f"    before the word: heard {barge.heard[-1]!r}")
                if latency > 0.3:
                    missed.append(f"{name} ({latency * 1000:.0f} ms)")
            else:
                talker.stop_speaking()
                talker.wait()
                missed.append(f"{name} (not caught; heard {texts!r})")
            if not variant.counted:
                variant.answered(barge, False, None)
            time.sleep(0.3)
            if rec is not None and heard == "stop":
                tl = timeline(rec, voice, barge, time.monotonic() - 0.05)
                if tl is not None:
                    traces.append(tl)
                    variant.traces.append(tl)
                    silent.append(tl["silent"])
                    print(f"  {name if args.clips != 'held-out' else 'a clip'}: "
                          + ", ".join(f"{s_} {1000 * tl[s_]:.0f}" for s_ in STEPS if s_ in tl)
                          + " ms (" + ("stop-word model" if barge.spotted_at is not None
                                       else barge.taken_by)
                          + f"; voice's stamp off by "
                          f"{1000 * tl['stamp error']:.0f} ms)", flush=True)
                rec.blocks.clear()
        caught = sum(1 for x in latencies if x <= 0.3)
        lat = sorted(latencies)
        print(f"stops caught within 300 ms: {caught}/{args.stops} = "
              f"{100 * caught / max(1, args.stops):.0f}%; caught at all: {len(latencies)}; "
              + (f"latency median {1000 * lat[len(lat) // 2]:.0f} ms, max {1000 * lat[-1]:.0f} ms"
                 if lat else ""))
        if missed and args.clips == "held-out":  # held-out clips: counts only
            print(f"  missed or late: {len(missed)}")
        elif missed:
            print("  missed or late: " + ", ".join(missed))
        if early:
            print(f"  stopped before the voice said anything (its own voice; not caught): "
                  f"{len(early)}: " + "; ".join(early))
        if rec is not None:
            rec.stop()
            print("  timeline, median ms after the word's end (max): " + ", ".join(
                f"{s_} {1000 * float(np.median(v)):.0f} ({1000 * max(v):.0f})"
                for s_ in STEPS if (v := [t[s_] for t in traces if s_ in t])))
            if silent:
                print(f"  silent within 300 ms of the word's end (the recording): "
                      f"{sum(1 for x in silent if x <= 0.3)}/{args.stops}; median "
                      f"{1000 * float(np.median(silent)):.0f} ms")
        print(f"  'stop's taken as an emergency (the advice read): {as_emergency}; as 'stop' "
              f"with the short line (an emergency reading doubted): {doubted}", flush=True)
        print(f"  stops taken on the quick look alone: {barge.quick_stops}; "
              f"on the stop-word model: {barge.spotted_stops}; its firings refused for want "
              f"of an /s/: {unhissed}")
        print(f"  {_near_figures(barge, args.clips == 'held-out')} (the double-talk check "
              f"refuses from {barge.near_db:g} dB or {barge.near_ncc:g})")
        print("  stretches refused meanwhile: "
              + str({k: v - refused_before[k] for k, v in barge.refused.items()}))
        if args.stops and barge.cancelled_db:
            lags = [lag / 16 for lag in barge.lags]
            print(f"  echo cancelled by median {np.median(barge.cancelled_db):.0f} dB over "
                  "the whole run" + (f"; echo delay at the answers' starts {min(lags):.1f}-"
                                     f"{max(lags):.1f} ms" if lags else ""))
        took = sorted(barge.decode_seconds)
        if took:
            print(f"  Whisper decode per stretch: median {1000 * took[len(took) // 2]:.0f} ms, "
                  f"max {1000 * took[-1]:.0f} ms ({len(took)} stretches)")
        if args.stops:
            print("  " + stalls(barge, resets) + " (whole run)")
            variants.report("stops")
        if args.others:
            others = other_clips(args.clips)
            false_stops = []
            unhissed = 0
            for k in range(args.others):
                name, samples, rate = others[k % len(others)]
                voice = _Voice(samples, rate)
                talker.say(rng.choice(long_answers))
                after = rng.uniform(1.0, 6.0)
                timer = threading.Timer(after, voice.play)
                timer.start()
                # Not stopped 2 s after the word: the rest of the answer is not needed.
                ender = threading.Timer(after + len(samples) / rate + 2.0, talker.stop_speaking)
                ender.start()
                spotted = barge.spotted_stops
                heard = barge.watch(talker)
                timer.join()
                ender.cancel()
                unhissed += spotter.unhissed if spotter is not None else 0
                talker.wait()
                if heard is not None:
                    by = "stop-word model" if barge.spotted_stops > spotted else "Whisper"
                    false_stops.append(f"{name if args.clips != 'held-out' else 'a clip'} ({by}"
                                       f"{', a pause' if heard == 'pause' else ''})")
                time.sleep(0.3)
            print(f"false stops: {len(false_stops)}/{args.others} answers with a real person's "
                  "word (not 'stop') said over them" + (": " + ", ".join(false_stops)
                                                          if false_stops else "")
                  + f"; the stop-word model's firings refused for want of an /s/: {unhissed}")
        if args.cries:
            cry_run(args.cries, cry_clips(Path(tmpdir)), talker, barge, rng, long_answers)
        if args.pauses:
            pause_run(args.pauses, pause_clips(Path(tmpdir), args.pause_clips), talker, barge,
                      rng, long_answers, saver, each=args.pause_clips != "held-out")
        speaker.close()
    if busy is not None:
        print("  " + busy.stop(), flush=True)
    print(f"load average at the end: {_load()}", flush=True)
    return 0


class _Busy:
    """--busy: Whisper decoding all along in a thread of this process, with a
    model of its own (barge-in's decodes do not queue behind it), as the
    decode of a question, or a cry check, would while an answer plays."""

    def __init__(self, threads: int) -> None:
        self.threads = threads
        self.decodes: list[float] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        from faster_whisper import WhisperModel

        from voice.models.manifest import WHISPER_MODEL

        model = WhisperModel(str(REPO / "models" / WHISPER_MODEL), device="cpu",
                             compute_type="int8", cpu_threads=self.threads)
        with tempfile.TemporaryDirectory() as tmp:
            wav = Path(tmp) / "busy.wav"
            subprocess.run(["espeak-ng", "-w", str(wav), "What are the early signs of "
                            "multiple sclerosis, and how is it diagnosed by a neurologist?"],
                           check=True)
            c = read_wav(wav)
        import soxr

        audio = soxr.resample(c.samples.reshape(-1).astype(np.float32) / 32768.0, c.rate, 16000)

        def run() -> None:
            while not self._stop.is_set():
                began = time.monotonic()
                segments, _ = model.transcribe(audio, beam_size=5, language="en")
                list(segments)
                self.decodes.append(time.monotonic() - began)

        self._thread = threading.Thread(target=run, name="busy-whisper", daemon=True)
        self._thread.start()

    def stop(self) -> str:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=60)
        d = sorted(self.decodes)
        return (f"busy Whisper ({self.threads} CTranslate2 threads): {len(d)} decodes of a "
                f"6 s question" + (f", median {1000 * d[len(d) // 2]:.0f} ms" if d else ""))


class _NearSurvey:
    """--near-survey: the double-talk check's two figures every 5 blocks."""

    def __init__(self, barge: Any) -> None:
        self.barge, self.ncc, self.db = barge, [], []  # type: ignore[var-annotated]
        self._hear = barge.hear
        self._n = 0

        def hear(mic: np.ndarray, clean: np.ndarray, at: float) -> str | None:
            heard = self._hear(mic, clean, at)
            self._n += 1
            if (self._n % 5 == 0 and barge.near_end_db() < float("inf")
                    and sum(b[0] for b in barge._taken_off) >= bi.NEAR_SPAN - 0.03):
                self.ncc.append(barge.near_end_ncc())
                self.db.append(barge.near_end_db())
            return heard

        barge.hear = hear

    def close(self) -> None:
        self.barge.hear = self._hear

    def report(self) -> str:
        ncc, db = np.array(self.ncc), np.array(self.db)
        if not len(ncc):
            return "double-talk survey: nothing heard"
        return (f"double-talk survey, its own voice alone, {len(ncc)} windows of "
                f"{bi.NEAR_SPAN} s: least correlation percentiles 0/0.1/1/5/50% "
                + "/".join(f"{np.percentile(ncc, q):.3f}" for q in (0, 0.1, 1, 5, 50))
                + "; windows under 0.9/0.95/0.98/0.99: "
                + "/".join(str(int(np.sum(ncc < b))) for b in (0.9, 0.95, 0.98, 0.99))
                + "; least cancelled dB percentiles 0/1/5/50% "
                + "/".join(f"{np.percentile(db, q):.1f}" for q in (0, 1, 5, 50))
                + "; windows under 3/6/10 dB: "
                + "/".join(str(int(np.sum(db < b))) for b in (3, 6, 10)))


def _near_figures(barge: Any, counts_only: bool = False) -> str:
    """The stop-word model's firings with, for each, the least dB the echo
    canceller took off a block just before it (the double-talk check's
    figure) and what became of it; ``counts_only``: how many under 3, 6, 10
    and 15 dB (held-out)."""
    near = barge.spot_near
    if counts_only:
        return (f"stop-word model fired {len(near)} times; least cancelled under 3/6/10/15 dB: "
                + "/".join(str(sum(1 for v, _, _ in near if v < b)) for b in (3, 6, 10, 15))
                + "; least correlated under 0.9/0.95/0.98/0.99: "
                + "/".join(str(sum(1 for _, c, _ in near if c < b))
                           for b in (0.9, 0.95, 0.98, 0.99)))
    return (f"stop-word model fired {len(near)} times, least correlated with the reference, "
            "least cancelled dB (what became of it): "
            + ", ".join(f"{c:.3f} {v:.1f} ({what})" for v, c, what in
                        sorted(near, key=lambda x: x[1])))


class _Variant:
    """One setting of the levers (--ab compares two, answer by answer), and
    its figures."""

    def __init__(self, name: str, latency: float, prime: bool, nice: int, rt: int = 0) -> None:
        self.name, self.latency, self.prime, self.nice = name, latency, prime, nice
        self.rt = rt
        self.clear()

    def clear(self) -> None:
        self.answers = self.self_stops = 0
        self.latencies: list[float] = []
        self.underflows = 0
        self.db: list[float] = []
        self.early = 0
        self.lags: list[float] = []
        self.counted = False
        self._underflows = 0
        self._db = 0
        self.rt_refused = 0
        self.traces: list[dict[str, float]] = []

    def start(self, barge: Any) -> None:
        from voice.speech_out import output

        self.counted = False
        self._underflows, self._db = output.underflows, len(barge.cancelled_db)
        self._lags = len(barge.lags)

    def answered(self, barge: Any, self_stop: bool, latency: float | None) -> None:
        from voice.speech_out import output

        self.counted = True
        self.answers += 1
        self.rt_refused += bool(self.rt) and not barge.rt_taken
        self.self_stops += self_stop
        if latency is not None:
            self.latencies.append(latency)
        self.underflows += output.underflows - self._underflows
        self.db.extend(barge.cancelled_db[self._db :])
        self.lags.extend(lag / 16 for lag in barge.lags[self._lags :])

    def figures(self) -> str:
        lat = sorted(self.latencies)
        steps = "".join(
            f", {s_} {1000 * float(np.median(v)):.0f} ({1000 * max(v):.0f})"
            for s_ in STEPS if (v := [t[s_] for t in self.traces if s_ in t]))
        return (f"{self.name} (ECHO_LATENCY {self.latency}, primed {'yes' if self.prime else 'no'}"
                f", DECODE_NICE {self.nice}, STOP_PATH_RT {self.rt}"
                + (f", refused {self.rt_refused} times" if self.rt_refused else "")
                + f"): {self.answers} answers; "
                f"within 300 ms {sum(1 for x in lat if x <= 0.3)}, caught {len(lat)}"
                + (f", latency median {1000 * lat[len(lat) // 2]:.0f} ms" if lat else "")
                + (f"; stopped on its own voice before the 'stop' {self.early}" if self.early
                   else "")
                + (f"; echo delay {min(self.lags):.0f}-{max(self.lags):.0f} ms" if self.lags
                   else "")
                + f"; self-stops {self.self_stops}; player underflows {self.underflows}; echo "
                f"cancelled median {np.median(self.db) if self.db else 0:.0f} dB"
                + (f"; timeline median (max) ms{steps}" if steps else ""))


class _Variants:
    """The variants, taking turns answer by answer (CTranslate2's threads
    re-niced at each turn: created lowered, they are the ones not at the
    process's niceness)."""

    def __init__(self, variants: list[_Variant]) -> None:
        self.all = variants
        self.base = os.nice(0)
        self._barge: Any = None
        self._lowered: set[int] = set()

    def clear(self) -> None:
        for v in self.all:
            v.clear()

    def bind(self, barge: Any) -> None:
        self._barge = barge

    def pick(self, k: int) -> _Variant:
        from voice.audio import priority
        from voice.speech_out import output

        v = self.all[k % len(self.all)]
        output.ECHO_LATENCY, output.START_ON_FIRST_CLIP = v.latency, v.prime
        priority.STOP_PATH_RT = v.rt
        if any(x.nice for x in self.all):
            self._lowered |= {t for t in priority.thread_ids()
                              if (priority.niceness(t) or self.base) > self.base}
            priority.set_niceness(self._lowered, min(19, self.base + v.nice))
        v.start(self._barge)
        return v

    def report(self, phase: str) -> None:
        print(f"  per variant, {phase} (load now {_load()}; CTranslate2 threads re-niced: "
              f"{len(self._lowered)}):")
        for v in self.all:
            print("    " + v.figures(), flush=True)


def _variants(args: Any) -> _Variants:
    from voice.audio import priority
    from voice.speech_out import output

    given = _Variant("given", output.ECHO_LATENCY if args.echo_latency is None
                     else args.echo_latency,
                     output.START_ON_FIRST_CLIP if args.prime is None else args.prime == "on",
                     priority.DECODE_NICE if args.decode_nice is None else args.decode_nice,
                     priority.STOP_PATH_RT if args.rt is None else args.rt)
    variants = [_Variant("main", 0.25, False, 0, 0), given] if args.ab else [given]
    if args.variants:
        variants = []
        for item in args.variants.split(","):
            lat, prime, nice, *rt = item.split(":")
            variants.append(_Variant(item, float(lat), prime == "on", int(nice),
                                     int(rt[0]) if rt else 0))
    # Created lowered (the model loads after this), re-niced at each turn.
    priority.DECODE_NICE = max(v.nice for v in variants)
    return _Variants(variants)


class SpeexResets:
    """Counts speexdsp's own resets of the echo canceller ("got slapped"),
    which it writes to stderr from C: fd 2 goes through a pipe, passed on."""

    def __init__(self) -> None:
        self.count = 0
        self.times: list[float] = []
        """time.monotonic() of each reset (as read from the pipe)."""
        r, w = os.pipe()
        self._saved = os.dup(2)
        os.dup2(w, 2)
        os.close(w)
        self._r = r
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        buf = b""
        while data := os.read(self._r, 4096):
            os.write(self._saved, data)
            buf += data
            *lines, buf = buf.split(b"\n")
            for line in lines:
                if b"slapped" in line:
                    self.count += 1
                    self.times.append(time.monotonic())


def stalls(barge: Any, resets: SpeexResets) -> str:
    """The player's stalls the reference followed, the microphone's lost
    input, and speexdsp's resets, so far."""
    slips = barge.reference.slipped
    return (f"player stalls followed: {barge.reference.slips}"
            + (f" (echo moved {1000 * min(slips):.0f}-{1000 * max(slips):.0f} ms)" if slips
               else "")
            + f", echo delay measured again {barge.realigned}; microphone overflows "
            f"{barge.overflows}, its stamps off by up to "
            f"{1000 * max(barge.mic_slips, default=0):.0f} ms; speexdsp resets {resets.count}")


def _load() -> str:
    """The 1, 5 and 15 minute load averages (this machine is shared)."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def pause_run(n: int, clips: list[tuple[str, np.ndarray, int]], talker: _Talker, barge: Any,
              rng: random.Random, long_answers: list[str], saver: _Saver,
              each: bool = True) -> None:
    """``n`` answers, each with a request to wait said over it 1-6 s in:
    how many were paused (not stopped), and how soon after the word's end."""
    paused: list[float] = []
    other: list[str] = []
    refused_before = dict(barge.refused)
    for k in range(n):
        name, samples, rate = clips[k % len(clips)]
        voice = _Voice(samples, rate)
        after = rng.uniform(1.0, 6.0)
        talker.say(rng.choice(long_answers))
        timer = threading.Timer(after, voice.play)
        timer.start()
        # Not paused 6 s after the word (Whisper's decodes queue up behind the
        # stretches of its own voice on a loaded machine): not heard.
        ender = threading.Timer(after + len(samples) / rate + 6.0, talker.stop_speaking)
        ender.start()
        before = len(barge.heard)
        first = len(barge.decoded)
        heard = barge.watch(talker)
        timer.join()
        ender.cancel()
        talker.wait()
        saver.save(barge, "pause", name)
        for d in barge.decoded[first:] if each else ():
            print(f"    {describe(d)}", flush=True)
        early = (barge.stopped_at is not None and voice.started is not None
                 and barge.stopped_at < voice.started + 0.1)
        if heard == "pause" and barge.stopped_at is not None and not early:
            assert voice.started is not None
            paused.append(barge.stopped_at - (voice.started + voice.word_end))
            if each:
                print(f"  {name}: paused {1000 * paused[-1]:.0f} ms after the word's end "
                      f"(heard {barge.order_text!r})", flush=True)
        else:
            other.append(f"{name}: {heard or 'not paused'}{' before it was said' if early else ''}"
                         " (heard "
                         f"{'/'.join(barge.heard[before:])!r})")
            if each:  # held-out clips: counts only
                print(f"  {other[-1]}", flush=True)
        time.sleep(0.3)
    lat = sorted(paused)
    print(f"pauses caught: {len(paused)}/{n} = {100 * len(paused) / max(1, n):.0f}%"
          + (f"; after the word's end median {1000 * lat[len(lat) // 2]:.0f} ms, max "
             f"{1000 * lat[-1]:.0f} ms" if lat else "")
          + "; stretches refused meanwhile: "
          + str({k: v - refused_before[k] for k, v in barge.refused.items()})
          + (f"; Whisper decode per stretch: median "
             f"{1000 * float(np.median(barge.decode_seconds)):.0f} ms"
             if barge.decode_seconds else ""))


if __name__ == "__main__":
    raise SystemExit(main())
