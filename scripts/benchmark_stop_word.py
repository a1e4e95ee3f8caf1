"""Benchmark the "stop" word model on real people: false stops and catches.

Run: ``.venv/bin/python scripts/benchmark_stop_word.py [--half tuning|held-out|both]
[--check hiss|off] [--cutoff P] [--window N] [--hiss H] [--hiss-hz HZ] [--hiss-top HZ]
[--list] [--candidates] [--sink] [--echo]``

Every real recording (scripts/real_stop_words.py: tests/data/real/commands,
digits, sentences and stop_words; their READMEs) is streamed through the
spotter (voice/speech_in/wake/stop_word.py) in 20 ms blocks, as barge-in
feeds it live, with 0.5 s of silence before and 1 s after, from a
fresh state. No echo: the word alone, as a visitor in the room says it. A
firing on anything but "stop" would stop the user's answer (a false stop); a
"stop" that does not fire is left to Whisper's quick look (later). For the
"stop"s accepted: the median delay from the word's end (its last 10 ms
within 25 dB of its loudest) to the firing, in 10 ms frames. Also espeak-ng's
"stop" in the voices of scripts/benchmark_barge_in.py (synthetic, a check,
not a figure for people).

Tune on ``--half tuning``; the held-out half is printed as totals only
(``--list`` names the tuning half's false stops and misses).
``--sink``: every clip as the virtual microphone hears it (PulseAudio's
default resampler to the sink's 44.1 kHz and back, which loses the top of an
/s/ above about 5.5 kHz); ``--echo``: every clip said over an espeak-ng
answer's echo, cleaned by speexdsp as barge-in cleans it (docs/wake-word.md,
branch barge11).
``--candidates`` runs the model once per clip and then scores each rule the
/s/ check could use (none; the share of energy above 2-5 kHz at 0.3-0.9)
on the same firings: how HISS and HISS_HZ were chosen.
"""

from __future__ import annotations

import argparse
import functools
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
for p in (REPO, REPO / "scripts"):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

import numpy as np  # noqa: E402

from voice.audio.clip import read_wav  # noqa: E402

BLOCK = 320  # 20 ms, as barge-in feeds it (voice/audio/barge_in.py)
TEN_MS = 160
STOP_VOICES = [("en+f3", 150), ("en-us+m3", 120), ("en-gb-x-rp+f2", 170), ("en-029+f4", 100),
               ("en-us", 150)]
#: --candidates: the band's top for the rules that leave out what is above it.
CANDIDATE_TOP = 5500
#: Words a false stop on is the worst: the replies said over an answer, with no /s/.
REPLIES = ("no", "go", "right")


def padded(pcm: np.ndarray) -> np.ndarray:
    quiet = np.zeros(8000, np.int16)
    return np.concatenate([quiet, pcm.astype(np.int16), quiet, quiet])


def word_end(pcm: np.ndarray) -> int:
    """The sample after the word's last 10 ms within 25 dB of its loudest."""
    n = len(pcm) // TEN_MS * TEN_MS
    level = 10 * np.log10((pcm[:n].astype(np.float64).reshape(-1, TEN_MS) ** 2).mean(axis=1)
                          + 1e-9)
    return int((np.nonzero(level >= level.max() - 25)[0][-1] + 1) * TEN_MS)


def stream(spotter: object, pcm: np.ndarray) -> tuple[list[int], float]:
    """The samples (of the padded clip) at which the spotter fired on ``pcm``
    (16 kHz int16, padded here), from a fresh state, and its peak probability."""
    spotter.reset()  # type: ignore[attr-defined]
    x = padded(pcm)
    fired = [i + BLOCK for i in range(0, len(x) - BLOCK + 1, BLOCK)
             if spotter.feed(x[i:i + BLOCK])]  # type: ignore[attr-defined]
    return fired, float(spotter.peak)  # type: ignore[attr-defined]


#: --sink: every clip as the virtual microphone hears it (through_sink()).
SINK = False


def clip16(path: Path) -> np.ndarray:
    pcm = read_wav(path).to_mono().resampled(16000).samples.reshape(-1)
    return through_sink(pcm) if SINK else pcm


def _speex_resample(x: np.ndarray, rate: int, to: int, quality: int = 1) -> np.ndarray:
    import ctypes

    from voice.audio.echo import _library

    lib = _library()
    lib.speex_resampler_init.restype = ctypes.c_void_p
    lib.speex_resampler_init.argtypes = [ctypes.c_uint32] * 4 + [ctypes.POINTER(ctypes.c_int)]
    lib.speex_resampler_process_float.argtypes = [
        ctypes.c_void_p, ctypes.c_uint32, ctypes.c_void_p, ctypes.POINTER(ctypes.c_uint32),
        ctypes.c_void_p, ctypes.POINTER(ctypes.c_uint32)]
    lib.speex_resampler_destroy.argtypes = [ctypes.c_void_p]
    err = ctypes.c_int(0)
    state = lib.speex_resampler_init(1, rate, to, quality, ctypes.byref(err))
    src = np.ascontiguousarray(np.concatenate([x, np.zeros(rate // 10)]), dtype=np.float32)
    out = np.zeros(len(src) * to // rate + 100, np.float32)
    n_in, n_out = ctypes.c_uint32(len(src)), ctypes.c_uint32(len(out))
    lib.speex_resampler_process_float(state, 0, src.ctypes.data, ctypes.byref(n_in),
                                      out.ctypes.data, ctypes.byref(n_out))
    lib.speex_resampler_destroy(state)
    return out[: n_out.value]


def through_sink(pcm: np.ndarray) -> np.ndarray:
    """``pcm`` (16 kHz) as the virtual microphone hears it: PulseAudio's default
    resampler (speex-float-1) to the null sink's 44.1 kHz and back to 16 kHz.
    Its response, measured through the sink with white noise: flat to 5 kHz,
    -1.2 dB at 5.5 kHz, -3.8 at 6, -9 at 6.5, -17 at 7, -31 at 7.5 kHz
    (this emulation: -1.0, -3.5, -8.9, -17.9, -32.6), so the top of an /s/ is
    lost."""
    y = _sink(pcm.astype(np.float32))
    delay = _sink_delay()
    y = y[delay : delay + len(pcm)]
    return np.clip(np.round(y), -32768, 32767).astype(np.int16)


def _sink(x: np.ndarray) -> np.ndarray:
    return _speex_resample(_speex_resample(x, 16000, 44100), 44100, 16000)


@functools.cache
def _sink_delay() -> int:
    """The resamplers' delay in samples (of white noise, by correlation)."""
    x = np.random.default_rng(0).standard_normal(8000)
    y = _sink(x.astype(np.float32)).astype(np.float64)
    return int(np.argmax(np.correlate(y[:4200], x[:4000], mode="valid")))


def _report(which: str, results: list[tuple[Any, list[int], np.ndarray]],
            names: bool) -> None:
    """One half's figures: ``results`` is (clip, firings, pcm) per clip."""
    fired_by: Counter[str] = Counter()
    total_by: Counter[str] = Counter()
    caught, delays, errors = 0, [], []
    for clip, fired, pcm in results:
        word = clip.word
        total_by[word] += 1
        if word == "stop":
            if fired:
                caught += 1
                delays.append((fired[0] - 8000 - word_end(pcm)) / TEN_MS)
            else:
                errors.append(f"not at once: {clip.path.name}")
        elif fired:
            fired_by[word] += 1
            errors.append(f"false stop: {clip.path.name}")
    n_stop = total_by.pop("stop", 0)
    replies = sum(fired_by[w] for w in REPLIES)
    n_replies = sum(total_by[w] for w in REPLIES)
    delay = f"{statistics.median(delays):+.0f}" if delays else "-"
    print(f"{which} half: 'stop' accepted at once {caught}/{n_stop} "
          f"(median {delay} frames of 10 ms after the word's end); false stops "
          f"{sum(fired_by.values())}/{sum(total_by.values())} other clips, "
          f"'no'/'go'/'right' {replies}/{n_replies}")
    print("  false stops by what was said: " + ", ".join(
        f"{g} {fired_by[g]}/{total_by[g]}" for g in sorted(total_by)))
    if names:
        for e in errors:
            print("  " + e)


#: --echo: the answer's echo in the microphone, as the virtual microphone
#: hears it (the same level, this much later), and the seconds of it the
#: canceller hears before the first clip (it converges over the first answers).
ECHO_DELAY = 1000
ECHO_WARM_UP = 20.0
#: --echo: seconds of the answer between one clip and the next.
ECHO_GAP = 1.5


def answer_speech(tmp: Path) -> np.ndarray:
    """The content's long answers spoken by espeak-ng (the assistant's voice),
    16 kHz int16, one after another."""
    from voice.content.loader import load_knowledge

    kb = load_knowledge([REPO / "content"])
    long = [e.answer for e in kb.entries if len(e.answer.split()) > 40][:6]
    wav = tmp / "answers.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-w", str(wav), " ".join(long)], check=True)
    return clip16(wav)


def over_echo(spotter: object, clips: list[Any], answer: np.ndarray,
              ) -> tuple[list[tuple[Any, list[int], np.ndarray]], int]:
    """Every clip said over the answer's echo, one after another in one stream:
    the microphone is the answer (ECHO_DELAY later) plus the clip, cleaned by
    speexdsp with the answer as its reference (barge-in's canceller, its
    echo suppressor too), and the cleaned signal fed to the spotter in 20 ms
    blocks. Per clip, as stream() gives them: its firings (samples into the
    cleaned audio from 0.5 s before the clip to 1 s after) and that audio;
    and the firings on the answer alone (between clips: its own voice)."""
    from voice.audio.echo import SpeexEchoCanceller

    place, at = [], int(ECHO_WARM_UP * 16000)
    pcms = [clip16(c.path) for c in clips]
    for pcm in pcms:
        place.append(at)
        at += len(pcm) + int(ECHO_GAP * 16000)
    n = at // BLOCK * BLOCK
    ref = np.resize(answer, n).astype(np.int16)
    mic = np.concatenate([np.zeros(ECHO_DELAY), ref[:-ECHO_DELAY]]).astype(np.float64)
    for start, pcm in zip(place, pcms, strict=True):
        mic[start : start + len(pcm)] += pcm
    mic16 = np.clip(mic, -32768, 32767).astype(np.int16)
    canceller = SpeexEchoCanceller()
    spotter.reset()  # type: ignore[attr-defined]
    clean = np.zeros(n, np.int16)
    fired = []
    for i in range(0, n, BLOCK):
        out = canceller.process(mic16[i : i + BLOCK], ref[i : i + BLOCK])
        clean[i : i + len(out)] = out
        if spotter.feed(out):  # type: ignore[attr-defined]
            fired.append(i + BLOCK)
    canceller.close()
    results, own = [], 0
    taken = set()
    for c, start, pcm in zip(clips, place, pcms, strict=True):
        lo, hi = start - 8000, start + len(pcm) + 16000
        mine = [f for f in fired if lo < f <= hi]
        taken.update(mine)
        results.append((c, [f - lo for f in mine], clean[lo:hi]))
    own = sum(1 for f in fired if f not in taken and f > ECHO_WARM_UP * 16000)
    return results, own


def candidates(spotter: object, clips: list[Any], which: str,
               answer: np.ndarray | None = None) -> None:
    """Score each /s/ rule on the same firings: the model alone is run once per
    clip, and a rule then accepts or refuses each firing from its audio
    (``answer``: each clip over its cleaned echo, over_echo())."""
    from voice.speech_in.wake.stop_word import HISS_SECONDS, hiss

    traced = []
    if answer is not None:
        heard, _own = over_echo(spotter, clips, answer)
        for c, fired, x in heard:
            traced.append((c, fired, x[8000 : len(x) - 16000], x))
    for c in clips if answer is None else ():
        pcm = clip16(c.path)
        fired, _ = stream(spotter, pcm)
        traced.append((c, fired, pcm, padded(pcm)))
    span = int(HISS_SECONDS * 16000)
    rules: list[tuple[str, float, float, float]] = [("none", 0.0, 0.0, 8000.0)]
    rules += [(f">= {t} above {hz} Hz", t, hz, 8000.0)
              for hz in (2000, 2500, 3000, 3500, 4000, 4500, 5000)
              for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)]
    # Below CANDIDATE_TOP only: the same score with or without a path that
    # loses the top of the band (the virtual microphone's resampler, --sink).
    rules += [(f">= {t} {hz}-{CANDIDATE_TOP} Hz", t, hz, CANDIDATE_TOP)
              for hz in (2500, 3000, 3500, 4000, 4500)
              for t in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)]
    print(f"{which} half, candidate rules (share of a 20 ms frame's energy above the edge, "
          f"in the last {HISS_SECONDS} s):")
    print(f"  {'rule':24s} stops   delay  false  'no'/'go'/'right'  16 kHz clips' false")
    for name, t, hz, top in rules:
        caught, n_stop, false, n_other, replies, wide, n_wide, delays = 0, 0, 0, 0, 0, 0, 0, []
        for c, fired, pcm, x in traced:
            ok = [f for f in fired
                  if t <= 0 or hiss(x[max(0, f - span):f], hz=hz, top=top) >= t]
            word = c.word
            if word == "stop":
                n_stop += 1
                if ok:
                    caught += 1
                    delays.append((ok[0] - 8000 - word_end(pcm)) / TEN_MS)
                continue
            n_other += 1
            false += bool(ok)
            replies += bool(ok) and word in REPLIES
            if word != "digit (8 kHz)":
                n_wide += 1
                wide += bool(ok)
        d = f"{statistics.median(delays):+.0f}" if delays else "-"
        print(f"  {name:24s} {caught:2d}/{n_stop}  {d:>5s}  {false:3d}/{n_other}  {replies:2d}"
              f"                 {wide:3d}/{n_wide}")


def main(argv: list[str] | None = None) -> int:
    from real_stop_words import word_clips

    from voice.speech_in.wake.stop_word import STOP_CHECKS, STOP_MODEL, load_stop_spotter

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--half", choices=("tuning", "held-out", "both"), default="both")
    ap.add_argument("--check", choices=STOP_CHECKS, default="hiss",
                    help="[listen] stop_check: the /s/ check, or the model alone")
    ap.add_argument("--cutoff", type=float, default=None)
    ap.add_argument("--window", type=int, default=None)
    ap.add_argument("--hiss", type=float, default=None,
                    help="the /s/ check's share of energy above --hiss-hz (0: off)")
    ap.add_argument("--hiss-hz", type=float, default=None, help="the /s/ check's edge")
    ap.add_argument("--hiss-top", type=float, default=None,
                    help="the /s/ check's band's top (energy above it not counted)")
    ap.add_argument("--list", action="store_true", help="name the tuning half's errors")
    ap.add_argument("--candidates", action="store_true",
                    help="score every candidate /s/ rule (on the tuning half unless --half)")
    ap.add_argument("--echo", action="store_true",
                    help="each clip said over an answer's echo, cleaned by the canceller")
    ap.add_argument("--sink", action="store_true",
                    help="each clip as the virtual microphone hears it (PulseAudio's "
                         "resampler: its top above 5.5 kHz attenuated)")
    args = ap.parse_args(argv)
    global SINK
    SINK = args.sink

    folder = REPO / "models" / STOP_MODEL
    if args.candidates:
        spotter, problem = load_stop_spotter(folder, cutoff=args.cutoff, window=args.window,
                                             check="off")
        if spotter is None:
            print(problem)
            return 1
        which = "tuning" if args.half == "both" else args.half
        with tempfile.TemporaryDirectory() as tmp:
            candidates(spotter, [c for c in word_clips() if c.half == which], which,
                       answer_speech(Path(tmp)) if args.echo else None)
        return 0
    spotter, problem = load_stop_spotter(folder, cutoff=args.cutoff, window=args.window,
                                         hiss=args.hiss, hiss_hz=args.hiss_hz, check=args.check,
                                         hiss_top=args.hiss_top)
    if spotter is None:
        print(problem)
        return 1
    s = spotter.settings
    print(f"stop-word model: cutoff {s.cutoff}, window {s.window}, /s/ check "
          f"{'off' if s.hiss <= 0 else f'>= {s.hiss} of {s.hiss_hz:.0f}-{s.hiss_top:.0f} Hz'}; "
          "real people, 20 ms blocks, "
          + ("each over an answer's cancelled echo" if args.echo else "no echo")
          + (", through the virtual microphone's resampler" if args.sink else ""))
    clips = word_clips()
    halves = ("tuning", "held-out") if args.half == "both" else (args.half,)
    answer = None
    if args.echo:
        with tempfile.TemporaryDirectory() as tmp:
            answer = answer_speech(Path(tmp))
    for which in halves:
        results = []
        mine = [c for c in clips if c.half == which]
        if answer is not None:
            echoed, own = over_echo(spotter, mine, answer)
            results = [(c, f, x[8000 : len(x) - 16000]) for c, f, x in echoed]
            print(f"{which} half: firings on the answer's own voice between the clips: {own}")
        for c in mine if answer is None else ():
            pcm = clip16(c.path)
            results.append((c, stream(spotter, pcm)[0], pcm))
        _report(which, results, args.list and which == "tuning")
    with tempfile.TemporaryDirectory() as tmp:
        heard = 0
        for voice, rate in STOP_VOICES:
            wav = Path(tmp) / f"stop-{voice}.wav"
            subprocess.run(["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(wav), "stop"],
                           check=True)
            heard += bool(stream(spotter, clip16(wav))[0])
        print(f"espeak-ng 'stop' (synthetic): caught {heard}/{len(STOP_VOICES)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
