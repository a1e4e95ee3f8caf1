#!/usr/bin/env python3
"""Measure noise suppression in front of Whisper, on tuning halves only
(tried, not adopted: docs/speech-in.md "Noise suppression").

Each clip is decoded by the Whisper engine as the assistant runs it, with
the gated int16 speech passed through a suppressor (``--variants``) before
the decode, and scored through the app's path for speech (benchmark_audio's
``_heard``/``_match``). Sets:

- ``espeak``: in-scope and out-of-scope questions of tests/data/tuning.tsv
  (every ``--stride``-th from ``--offset``) in the espeak-ng conditions
  ``--conditions`` (default: the two noise conditions and clean en-us);
- ``real``: the tuning half (real_speech.half) of tests/data/real/: commands
  and digits heard right, LibriSpeech sentences' word error rate;
- ``people``: longer real speech, tuning half of its own manifests: WUW
  Corpus II sentences said over the phone (tests/data/real/requests/, those
  with a transcript) and Common Voice health sentences
  (tests/data/real/health_speech/): word error rate, and how many got an
  answer outright (all out of scope).

Variants: ``raw`` (the engine as committed); ``webrtc-L`` (WebRTC level L,
1-4; ``-agcN`` adds its auto gain at target N dBFS below full scale;
``-cold`` skips the warm-up); ``speex[-S]`` (speexdsp's preprocessor,
denoise on, suppression S dB, default 15; ``-agc`` adds its AGC);
``subtract`` (the spectral subtraction of tune_decoding.py); ``rms[-L]`` (tune_hear15.py's
loudness normalisation: the louder half of 20 ms frames at -L dBFS, default
20); ``gate[-P][-sS]``
(spectral_gate.py's stationary spectral gating, P% of a gated bin turned
down, default 100, threshold S spreads above the noise, default 1.5). ``V+long``
(after ``raw`` and ``V`` in the list): ``V`` only where the gated speech is
longer than a short reply (short_replies.is_short), else ``raw``. ``V+long+floorT`` (T in dBFS, e.g.
``speex+long+floor-45``): also only where the utterance's noise floor
(speex_denoise.noise_floor_dbfs) is at least T.

    nice -n 10 .venv/bin/python scripts/tune_denoise.py --variants raw,webrtc-2,speex --sets espeak

Since branch hear24b the engine gates longer utterances over steady noise
itself (voice/speech_in/whisper/noise_gate.py), so ``raw`` is the engine with
that gate and ``gate-60+long+floor-45`` gates twice; the figures that chose it
were taken before (docs/speech-in.md, "Session 23 (branch hear24b)").
``floor-only`` (after ``raw``) is the engine as hear24b shipped it: the gate
wherever the noise floor is at least -45 dBFS, steady or not (session 24,
branch hear25, added the steadiness check); decoded only where the two
rules differ, elsewhere ``raw``'s outcome.
``win-S`` (session 25, branch hear26): the engine with a question's audio
encoded in a window of S seconds instead of 30 (decoder.QUESTION_WINDOW_S).
``--heldout`` runs heldout.tsv and the real recordings' held-out halves
instead, printing counts only.

Per-clip results are kept in ~/.cache/voice/denoise-tuning.jsonl (keyed by
variant, engine code and clip) so a rerun only decodes what is new.
"""

from __future__ import annotations

import argparse
import ctypes
import hashlib
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from benchmark_audio import _heard, _match, pad, word_errors  # noqa: E402
from make_spoken_questions import BENCHMARK_VARIANTS, speak  # noqa: E402
from real_speech import half, is_heard_right, padded, real_clips  # noqa: E402
from speex_denoise import _library, noise_floor_dbfs, suppress_noise  # noqa: E402

from voice.audio.clip import read_wav  # noqa: E402
from voice.content.loader import load_knowledge  # noqa: E402
from voice.matching.matcher import Matcher  # noqa: E402
from voice.speech_in.pocketsphinx.corpus import read_labelled  # noqa: E402
from voice.speech_in.whisper import noise_gate  # noqa: E402
from voice.speech_in.whisper.short_replies import is_short  # noqa: E402

DATA = REPO / "tests" / "data"
RESULTS = Path.home() / ".cache" / "voice" / "denoise-tuning.jsonl"
DEFAULT_CONDITIONS = "en-us,en-gb-x-rp/white20dB,en-us+f4/pink20dB"

Filter = Callable[[np.ndarray], np.ndarray]

_SPEEX_SET_DENOISE = 0
_SPEEX_SET_AGC = 2
_SPEEX_SET_AGC_LEVEL = 6
_SPEEX_SET_NOISE_SUPPRESS = 18


def _webrtc(level: int, auto_gain: int, warm: float) -> Filter:
    """WebRTC's suppressor (``pip install webrtc-noise-gain``: measured, not
    adopted, so not a dependency), warmed as speex_denoise.py warms speexdsp."""
    # Optional, measured and not adopted: not installed, so mypy has no stubs.
    from webrtc_noise_gain import AudioProcessor  # type: ignore[import-not-found]

    def f(s: np.ndarray) -> np.ndarray:
        n = len(s)
        frames = -(-n // 160)
        buf = np.zeros(frames * 160, dtype=np.int16)
        buf[:n] = s
        proc = AudioProcessor(auto_gain, level)
        for i in range(min(frames, int(warm * 100))):
            proc.Process10ms(buf[i * 160 : (i + 1) * 160].tobytes())
        out = np.empty_like(buf)
        for i in range(frames):
            chunk = proc.Process10ms(buf[i * 160 : (i + 1) * 160].tobytes()).audio
            out[i * 160 : (i + 1) * 160] = np.frombuffer(chunk, dtype=np.int16)
        return out[:n]
    return f


def _speex(suppress_db: int, agc: bool) -> Filter:
    """speexdsp's preprocessor with AGC too (without: speex_denoise.py)."""
    if not agc:
        return lambda s: suppress_noise(s, suppress_db)
    lib = _library()

    def f(s: np.ndarray) -> np.ndarray:
        st = lib.speex_preprocess_state_init(160, 16000)
        try:
            on = ctypes.c_int(1)
            lib.speex_preprocess_ctl(st, _SPEEX_SET_DENOISE, ctypes.byref(on))
            db = ctypes.c_int(-suppress_db)
            lib.speex_preprocess_ctl(st, _SPEEX_SET_NOISE_SUPPRESS, ctypes.byref(db))
            if agc:
                lib.speex_preprocess_ctl(st, _SPEEX_SET_AGC, ctypes.byref(on))
                level = ctypes.c_float(8000.0)
                lib.speex_preprocess_ctl(st, _SPEEX_SET_AGC_LEVEL, ctypes.byref(level))
            n = len(s)
            frames = -(-n // 160)
            buf = np.zeros(frames * 160, dtype=np.int16)
            buf[:n] = s
            # Warm on the opening, as speex_denoise.py does.
            for i in range(min(frames, 50)):
                w = np.ascontiguousarray(buf[i * 160 : (i + 1) * 160].copy())
                lib.speex_preprocess_run(st, w.ctypes.data)
            for i in range(frames):
                o = buf[i * 160 : (i + 1) * 160]
                lib.speex_preprocess_run(st, o.ctypes.data)
            return buf[:n]
        finally:
            lib.speex_preprocess_state_destroy(st)
    return f


def _subtract(s: np.ndarray) -> np.ndarray:
    from tune_decoding import _denoise

    return _denoise(s)


def make_filter(name: str) -> Filter | None:
    if name in ("raw", "floor-only") or name.startswith("win-"):
        return None
    parts = name.split("-")
    if parts[0] == "webrtc":
        level = int(parts[1])
        gain = next((int(p[3:]) for p in parts[2:] if p.startswith("agc")), 0)
        warm = 0.0 if "cold" in parts else 0.5
        return _webrtc(level, gain, warm)
    if parts[0] == "speex":
        db = next((int(p) for p in parts[1:] if p.isdigit()), 15)
        return _speex(db, "agc" in parts)
    if name == "subtract":
        return _subtract
    if parts[0] == "rms":  # tune_hear15.py's loudness normalisation, rms-20: -20 dBFS
        from tune_hear15 import _rms

        dbfs = -float(parts[1]) if len(parts) > 1 else -20.0
        return lambda s: np.clip(_rms(s.astype(np.float64) / 32768.0, dbfs) * 32768.0,
                                 -32768, 32767).astype(np.int16)
    if parts[0] == "gate":  # spectral_gate.py: gate[-P][-sS], P% turned down, S spreads
        from spectral_gate import gate

        prop = next((int(p) / 100 for p in parts[1:] if p.isdigit()), 1.0)
        n_std = next((float(p[1:]) for p in parts[1:] if p.startswith("s")), 1.5)
        return lambda s: gate(s, n_std=n_std, prop=prop)
    raise SystemExit(f"unknown variant {name!r}")


def _engine_code() -> str:
    """What shapes a decode. whisper/engine.py and select.py are left out:
    on branch denoise9 they carried only the suppressor's call and setting
    (switched off for these runs), so the cached results stayed valid."""
    h = hashlib.sha256()
    for p in sorted((REPO / "voice" / "speech_in").rglob("*.py")):
        if p.relative_to(REPO).as_posix() in ("voice/speech_in/whisper/engine.py",
                                              "voice/speech_in/select.py"):
            continue
        h.update(p.read_bytes())
    for p in sorted((REPO / "voice" / "matching").rglob("*.py")):
        h.update(p.read_bytes())
    return h.hexdigest()[:12]


def _gated(clip: Any) -> np.ndarray:
    """What the engine's speech gate hands the decoder."""
    from voice.speech_in.gate import SpeechGate

    g = SpeechGate()
    return np.concatenate([g.push(clip.samples), g.flush()])


class Runner:
    """The engine under one filter, loaded on first use; cost of the filter timed."""

    def __init__(self, kb: Any, name: str) -> None:
        self.kb, self.name, self.filter = kb, name, make_filter(name)
        self.rec: Any = None
        self.filter_s = 0.0
        self.audio_s = 0.0

    def transcribe(self, clip: Any) -> Any:
        if self.name.startswith("win-"):  # a question's audio encoded in a shorter window
            from voice.speech_in.whisper import decoder

            kept_window = decoder.QUESTION_WINDOW_S
            decoder.QUESTION_WINDOW_S = float(self.name[4:])
            try:
                return self._transcribe(clip)
            finally:
                decoder.QUESTION_WINDOW_S = kept_window
        if self.name == "floor-only":  # hear24b's rule: the floor alone
            from voice.speech_in.whisper import noise_gate

            kept = noise_gate.MAX_FLOOR_SPREAD_DB
            noise_gate.MAX_FLOOR_SPREAD_DB = float("inf")
            try:
                return self._transcribe(clip)
            finally:
                noise_gate.MAX_FLOOR_SPREAD_DB = kept
        return self._transcribe(clip)

    def _transcribe(self, clip: Any) -> Any:
        if self.rec is None:
            from voice.speech_in.whisper.engine import WhisperRecognizer

            self.rec = WhisperRecognizer(REPO / "models" / "whisper-tiny.en", self.kb)
            f, orig = self.filter, self.rec._decode_heard
            if f is not None:
                def decode_heard(speech: np.ndarray) -> Any:
                    t = time.perf_counter()
                    s = f(speech)
                    self.filter_s += time.perf_counter() - t
                    self.audio_s += len(speech) / 16000
                    return orig(s)
                self.rec._decode_heard = decode_heard
        return self.rec.transcribe(clip)


def espeak_clips(stride: int, offset: int, conditions: set[str],
                 questions: str = "tuning.tsv") -> list[tuple[str, Any, Path]]:
    out = []
    k = -1
    items = read_labelled(DATA / questions)
    for v in BENCHMARK_VARIANTS:
        for q in items:
            k += 1
            if v.name in conditions and k % stride == offset:
                out.append((v.name, q, speak(q.text, v)))
    return out


class PeopleClip:
    """A longer real recording with its transcript (``people`` set)."""

    def __init__(self, path: Path, group: str, transcript: str) -> None:
        self.path, self.set, self.transcript = path, group, transcript


def people_clips(which: str = "tuning") -> list[PeopleClip]:
    out = []
    real = DATA / "real"
    for folder, col_text, col_half in (("requests", 3, 7), ("health_speech", 3, 9)):
        rows = (real / folder / "manifest.tsv").read_text(encoding="utf-8").splitlines()[1:]
        for row in rows:
            f = row.split("\t")
            if f[col_text].strip() and f[col_half] == which:
                out.append(PeopleClip(real / folder / f[0], folder, f[col_text]))
    return out


def filter_cost(names: list[str], clips: list[tuple[str, Any, Path]]) -> int:
    """Milliseconds of CPU time per second of audio each filter takes (best of 3)."""
    audio = [pad(read_wav(w)).samples for _, _, w in clips]
    seconds = sum(len(a) for a in audio) / 16000
    for name in names:
        f = make_filter(name)
        if f is None:
            continue
        best = float("inf")
        for _ in range(3):
            t = time.process_time()
            for a in audio:
                f(a)
            best = min(best, time.process_time() - t)
        print(f"{name}: {1000 * best / seconds:.2f} ms CPU per s of audio "
              f"({len(audio)} clips, {seconds:.0f} s)")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--variants", default="raw,webrtc-2")
    ap.add_argument("--sets", default="espeak,real")
    ap.add_argument("--stride", type=int, default=2)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--conditions", default=DEFAULT_CONDITIONS,
                    help="comma-separated espeak-ng condition names, or 'all'")
    ap.add_argument("--show", action="store_true", help="list clips whose outcome differs from raw")
    ap.add_argument("--heldout", action="store_true",
                    help="the held-out halves (heldout.tsv, real's held-out half), run once at "
                         "the end: counts only (--show refused)")
    ap.add_argument("--cost", action="store_true",
                    help="only time each variant's filter on the espeak clips (no decoding)")
    args = ap.parse_args()
    if args.heldout and args.show:
        raise SystemExit("--heldout prints counts only")
    which = "held-out" if args.heldout else "tuning"
    if args.cost:
        return filter_cost(args.variants.split(","), espeak_clips(
            args.stride, args.offset, set(args.conditions.split(","))))
    kb = load_knowledge([REPO / "content"])
    matcher = Matcher(kb)
    code = _engine_code()
    known: dict[str, dict[str, Any]] = {}
    if RESULTS.is_file():
        for line in RESULTS.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            known[r["key"]] = r
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    conditions = ({v.name for v in BENCHMARK_VARIANTS} if args.conditions == "all"
                  else set(args.conditions.split(",")))
    sets = set(args.sets.split(","))
    todo: list[tuple[str, str, Any, Path]] = []  # (set, group, item, wav)
    if "espeak" in sets:
        todo += [("espeak", c, q, w) for c, q, w in espeak_clips(
            args.stride, args.offset, conditions,
            "heldout.tsv" if args.heldout else "tuning.tsv")]
    if "real" in sets:
        todo += [("real", c.set, c, c.path) for c in real_clips()
                 if c.set in ("commands", "digits", "sentences") and half(c.path) == which]
    if "people" in sets:
        todo += [("people", c.set, c, c.path) for c in people_clips(which)]
    outcomes: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for name in args.variants.split(","):
        derived = "+long" in name
        at_least = float(name.split("+floor")[1]) if "+floor" in name else None
        run = Runner(kb, name.split("+")[0])
        per: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        decoded, t0 = 0, time.time()
        with RESULTS.open("a", encoding="utf-8") as cache:
            for setname, group, item, wav in todo:
                key = f"{name}|{code}|{setname}|{wav.name}"
                r = known.get(key)
                if name == "floor-only":
                    speech = _gated(pad(read_wav(wav)) if setname == "espeak" else padded(wav))
                    if is_short(len(speech)) or noise_gate.is_steady_noise(speech) == (
                            noise_gate.noise_floor_dbfs(speech) >= noise_gate.MIN_FLOOR_DBFS):
                        r = outcomes["raw"][f"{setname}|{wav.name}"]
                if derived:
                    speech = _gated(pad(read_wav(wav)) if setname == "espeak" else padded(wav))
                    keep = is_short(len(speech)) or (
                        at_least is not None and noise_floor_dbfs(speech) < at_least)
                    if keep:
                        r = outcomes["raw"][f"{setname}|{wav.name}"]
                    else:  # the base variant, decoded here only where the rule lets it act
                        key = f"{run.name}|{code}|{setname}|{wav.name}"
                        r = known.get(key)
                if r is None:
                    clip = pad(read_wav(wav)) if setname == "espeak" else padded(wav)
                    t = run.transcribe(clip)
                    decoded += 1
                    r = {"key": key, "text": t.text}
                    if setname in ("espeak", "people"):
                        m = _match(matcher, _heard(t))
                        r["outcome"] = m.outcome
                        r["entry"] = m.entry.id if m.entry is not None else None
                    if setname == "real":
                        from voice.app import query_of

                        r["query"] = query_of(t)
                    known[key] = r
                    cache.write(json.dumps(r) + "\n")
                    cache.flush()
                outcomes[name][f"{setname}|{wav.name}"] = r
                c = per[group]
                if setname == "espeak":
                    e, n = word_errors(item.text, r["text"])
                    if item.expected:
                        right = (r["outcome"] != "no_match"
                                 and r["entry"] in item.expected.split("|"))
                        c["n"] += 1
                        c["right"] += right
                        c["wrong"] += r["outcome"] == "answer" and not right
                        c["offered_wrong"] += r["outcome"] not in ("answer", "no_match") \
                            and not right
                        c["err"] += e
                        c["words"] += n
                    else:
                        c["out"] += 1
                        c["declined"] += r["outcome"] == "no_match"
                else:
                    from real_speech import word_errors as real_errors

                    from voice.matching.normalize import clean

                    e, n = real_errors(clean(item.transcript), clean(r["text"]))
                    c["n"] += 1
                    c["err"] += e
                    c["words"] += n
                    if setname == "people":
                        c["answered"] += r["outcome"] == "answer"
                    elif item.set != "sentences":
                        c["right"] += is_heard_right(item, r["query"])
        cost = (f"; filter {1000 * run.filter_s / run.audio_s:.1f} ms per s of audio"
                if run.audio_s else "")
        print(f"variant {name}: {decoded} clips decoded in {time.time() - t0:.0f} s{cost}")
        total: dict[str, float] = defaultdict(float)
        for g in sorted(per):
            c = per[g]
            line = f"  {g:<28} "
            if g in conditions:
                for k in ("n", "right", "wrong", "offered_wrong", "out", "declined"):
                    total[k] += c[k]
                line += (f"right {int(c['right'])}/{int(c['n'])}, answered wrong "
                         f"{int(c['wrong'])}, offered wrong {int(c['offered_wrong'])}, "
                         f"WER {c['err'] / max(1, c['words']):.3f}, "
                         f"out declined {int(c['declined'])}/{int(c['out'])}")
            elif g in ("sentences", "requests", "health_speech"):
                line += f"WER {c['err'] / max(1, c['words']):.3f} ({int(c['n'])} clips)"
                if g != "sentences":
                    line += f", answered outright {int(c['answered'])}"
            else:
                line += (f"heard right {int(c['right'])}/{int(c['n'])}, "
                         f"WER {c['err'] / max(1, c['words']):.3f}")
            print(line)
        if total["n"]:
            print(f"  {'espeak-ng all':<28} right {int(total['right'])}/{int(total['n'])}, "
                  f"answered wrong {int(total['wrong'])}, offered wrong "
                  f"{int(total['offered_wrong'])}, out declined "
                  f"{int(total['declined'])}/{int(total['out'])}")
    if args.show and "raw" in outcomes:
        for name, res in outcomes.items():
            if name == "raw":
                continue
            for k, r in res.items():
                b = outcomes["raw"].get(k)
                if b is not None and b["text"] != r["text"]:
                    print(f"{name} {k}\n   raw: {b['text']!r}\n   now: {r['text']!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
