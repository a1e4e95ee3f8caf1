"""Which installed recognizer hears this user best, measured on their own voice.

``voice adapt`` records the user reading sentences whose words are known.
Those recordings give each installed engine a word error rate on this very
voice: PocketSphinx as it would run for them (with the speaker adaptation),
Whisper with its prompt, Vosk when an English model is installed. The result
is kept in the user's state folder; ``auto`` takes the best engine from it
first (``preferred_engine``), and ``voice doctor`` shows the figures.

Fairness. PocketSphinx's adaptation is trained on these same sentences, and
its language model contains the content's answer sentences, which is where
the sentences to read come from. So PocketSphinx is scored on held-out folds:
for each fold, the transform is built from the other recordings only and the
language model leaves the fold's sentences out. Whisper and Vosk never saw
the sentences and are scored on every recording.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from voice.config import user_state_dir
from voice.speech_in.base import Recognizer

#: Folds for PocketSphinx's held-out scoring. Four folds of 20 sentences build
#: each transform from 15 (MLLR from 15 sentences is close to one from 20),
#: and cost four builds of ~2.6 s each on this machine.
FOLDS = 4

#: An engine is preferred over the one ``auto`` would otherwise use only when
#: its word error rate is lower by at least this much. Twenty sentences are
#: about 200 words; at a WER near 0.2 one standard error is
#: sqrt(0.2 * 0.8 / 200) = 0.028, so a smaller gap may be chance, and the
#: usual choice (measured best on many voices) should stand.
MARGIN = 0.03

#: ``auto``'s order when nothing was measured for this user (select.py).
USUAL_ORDER = ("whisper", "vosk", "pocketsphinx")

#: Names as the user reads and hears them.
DISPLAY = {"whisper": "Whisper", "vosk": "Vosk", "pocketsphinx": "PocketSphinx"}

VERSION = 1


def results_path() -> Path:
    """Where the measurement is kept (next to the adaptation it goes with)."""
    return user_state_dir() / "adaptation" / "engines.json"


@dataclass(frozen=True)
class EngineScore:
    """One engine's word errors on the user's recordings."""

    engine: str
    errors: int
    words: int
    clips: int
    how: str
    """How it was run ("speaker adaptation, held out in 4 folds")."""

    @property
    def wer(self) -> float:
        return self.errors / self.words if self.words else 1.0


@dataclass(frozen=True)
class OwnVoiceResult:
    """Every installed engine measured on one reading of ``voice adapt``."""

    scores: tuple[EngineScore, ...]
    measured: str
    """When (UTC, ISO 8601)."""
    best: str | None = None
    """The engine chosen for this user (see ``choose``); None when only one was measured."""
    seconds: float = 0.0
    problems: dict[str, str] = field(default_factory=dict)
    """Engines that could not be measured, with why."""

    def score(self, engine: str) -> EngineScore | None:
        return next((s for s in self.scores if s.engine == engine), None)


def choose(scores: Sequence[EngineScore], usual: Sequence[str] = USUAL_ORDER) -> str | None:
    """The engine to use: the usual first choice among ``scores`` unless another
    made fewer word errors by at least MARGIN. None for fewer than two engines."""
    if len(scores) < 2:
        return None
    ranked = sorted(scores, key=lambda s: usual.index(s.engine) if s.engine in usual
                    else len(usual))
    default = ranked[0]
    best = min(scores, key=lambda s: s.wer)
    return best.engine if best.wer <= default.wer - MARGIN else default.engine


# -- measuring ------------------------------------------------------------------


def word_errors(ref: str, hyp: str) -> tuple[int, int]:
    """(substitutions + deletions + insertions, reference words): Levenshtein on words."""
    r, h = ref.split(), hyp.split()
    row = list(range(len(h) + 1))
    for i in range(1, len(r) + 1):
        prev, row = row, [i] + [0] * len(h)
        for j in range(1, len(h) + 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (r[i - 1] != h[j - 1]))
    return row[len(h)], len(r)


def _words(text: str) -> str:
    from voice.speech_in.pocketsphinx.lexicon import words_of

    return " ".join(words_of(text))


def score_engine(engine: str, rec: Recognizer, recordings: Sequence[object],
                 how: str) -> EngineScore:
    """``rec``'s word errors on ``recordings`` (adaptation.Recording)."""
    errors = words = 0
    for r in recordings:
        heard = rec.transcribe(r.clip)  # type: ignore[attr-defined]
        e, n = word_errors(_words(r.text), _words(heard.text))  # type: ignore[attr-defined]
        errors, words = errors + e, words + n
    return EngineScore(engine, errors, words, len(recordings), how)


def folds(count: int, k: int = FOLDS) -> list[list[int]]:
    """Indices 0..count-1 in at most ``k`` interleaved folds, each leaving at
    least MIN_RECORDINGS others to build a transform from; one fold (nothing
    can be held out) when there are too few."""
    from voice.speech_in.pocketsphinx.adaptation import MIN_RECORDINGS

    k = min(k, count)
    while k > 1 and count - -(-count // k) < MIN_RECORDINGS:
        k -= 1
    return [list(range(i, count, k)) for i in range(max(k, 1))]


def score_pocketsphinx(recordings: Sequence[object], kb: object, adapt: bool = True,
                       k: int = FOLDS) -> EngineScore:
    """PocketSphinx on ``recordings``, each decoded by a recognizer whose
    transform (``adapt``) and language model never saw it."""
    from voice.speech_in.pocketsphinx.adaptation import build_transform
    from voice.speech_in.pocketsphinx.corpus import Corpus, build_corpus
    from voice.speech_in.pocketsphinx.engine import PocketSphinxRecognizer

    full = build_corpus(kb)  # type: ignore[arg-type]
    parts = folds(len(recordings), k if adapt else 1)
    how = f"with your voice adaptation, each sentence held out of it ({len(parts)} folds)"
    if len(parts) == 1:
        how = ("without voice adaptation (too few sentences to hold some out)" if adapt
               else "without voice adaptation")
        adapt = False
    errors = words = 0
    with tempfile.TemporaryDirectory(prefix="voice-own-") as tmp:
        for i, held in enumerate(parts):
            test = [recordings[j] for j in held]
            said = {_words(r.text) for r in test}  # type: ignore[attr-defined]
            corpus = Corpus(tuple(s for s in full.in_scope if _words(s) not in said),
                            full.commands, full.out_of_scope)
            mllr = None
            if adapt:
                train = [r for j, r in enumerate(recordings) if j not in held]
                mllr = build_transform(train, Path(tmp) / f"mllr{i}").path  # type: ignore[arg-type]
            rec = PocketSphinxRecognizer(corpus, Path(tmp) / "lm", mllr=mllr)
            s = score_engine("pocketsphinx", rec, test, "")
            errors, words = errors + s.errors, words + s.words
    return EngineScore("pocketsphinx", errors, words, len(recordings), how)


def measure(recordings: Sequence[object], kb: object,
            others: Mapping[str, Callable[[], Recognizer]], *, adapt: bool = True,
            k: int = FOLDS) -> OwnVoiceResult:
    """Every engine on the user's ``recordings``: PocketSphinx (held out, see
    the module docstring) and each of ``others`` (name -> loader). An engine
    that fails to load or decode is left out, with why in ``problems``."""
    from voice.errors import VoiceError
    from voice.speech_in.pocketsphinx.adaptation import dictionary_words, usable

    started = time.monotonic()
    known = dictionary_words()
    good = [r for r in recordings if usable(r, known)]  # type: ignore[arg-type]
    scores: list[EngineScore] = []
    problems: dict[str, str] = {}
    try:
        scores.append(score_pocketsphinx(good, kb, adapt, k))
    except VoiceError as e:
        problems["pocketsphinx"] = e.message
    for name, load in others.items():
        try:
            scores.append(score_engine(name, load(), good, "as it runs for you"))
        except (VoiceError, OSError, RuntimeError, ValueError) as e:
            problems[name] = getattr(e, "message", str(e)) or type(e).__name__
    return OwnVoiceResult(tuple(scores), time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
                          choose(scores), time.monotonic() - started, problems)


def other_engines(cfg: object, kb: object) -> dict[str, Callable[[], Recognizer]]:
    """Loaders of the installed engines other than PocketSphinx, as ``auto``
    would run them (Whisper with its prompt from ``kb``; an English Vosk
    model: free speech, no grammar). Whisper's files are verified when it
    loads: a damaged model is left out of the measurement, with why."""
    from voice.config import default_models_dir
    from voice.speech_in.select import _english_vosk_model

    out: dict[str, Callable[[], Recognizer]] = {}
    from voice.speech_in.select import _whisper_folder

    if _whisper_folder().is_dir():
        def load_whisper() -> Recognizer:
            from voice.speech_in.whisper import WhisperRecognizer

            return WhisperRecognizer(_whisper_folder(), kb)  # type: ignore[arg-type]

        out["whisper"] = load_whisper
    model = getattr(cfg, "model", "")
    vosk = Path(model).expanduser() if model else _english_vosk_model(default_models_dir())
    if vosk is not None and vosk.is_dir():
        def load_vosk(path: Path = vosk) -> Recognizer:
            from voice.speech_in.vosk.engine import VoskRecognizer

            return VoskRecognizer(path)

        out["vosk"] = load_vosk
    return out


# -- keeping the result ----------------------------------------------------------


def save(result: OwnVoiceResult, path: Path | None = None) -> Path:
    """Write ``result`` atomically (a reader sees the old file or the new)."""
    path = path or results_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": VERSION, "measured": result.measured, "best": result.best,
            "seconds": round(result.seconds, 1), "problems": result.problems,
            "engines": [{**asdict(s), "wer": round(s.wer, 4)} for s in result.scores]}
    fd, part = tempfile.mkstemp(prefix=".engines-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1)
        os.replace(part, path)
    except BaseException:
        Path(part).unlink(missing_ok=True)
        raise
    return path


class ResultsDamaged(ValueError):
    """The kept measurement cannot be read; the message is one line for the user."""


def load(path: Path | None = None) -> OwnVoiceResult | None:
    """The kept measurement; None when there is none. ResultsDamaged when
    it cannot be read (the caller says so in one line and goes on without it)."""
    path = path or results_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError, ValueError):
        raise ResultsDamaged(f"The measurement of which recognizer hears you best ({path}) "
                             "is damaged and was ignored; run 'voice adapt' to measure "
                             "again.") from None
    try:
        if data["version"] != VERSION:
            raise ValueError(data["version"])
        scores = tuple(EngineScore(str(e["engine"]), int(e["errors"]), int(e["words"]),
                                   int(e["clips"]), str(e["how"])) for e in data["engines"])
        best = data["best"]
        if best is not None and best not in {s.engine for s in scores}:
            raise ValueError(best)
        problems = {str(k): str(v) for k, v in dict(data.get("problems") or {}).items()}
        return OwnVoiceResult(scores, str(data["measured"]), best,
                              float(data.get("seconds") or 0.0), problems)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise ResultsDamaged(f"The measurement of which recognizer hears you best ({path}) "
                             "is damaged and was ignored; run 'voice adapt' to measure "
                             "again.") from None


def forget(path: Path | None = None) -> bool:
    path = path or results_path()
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


# -- what auto does with it ------------------------------------------------------


def preferred_engine(installed: Sequence[str], path: Path | None = None,
                     warn: Callable[[str], None] | None = None) -> tuple[str, str] | None:
    """(engine, one line saying why) when the kept measurement names one of the
    ``installed`` engines as best for this user among those installed now;
    None when there is no measurement, it compared fewer than two of them,
    or it is damaged (then ``warn`` gets one line)."""
    try:
        result = load(path)
    except ResultsDamaged as e:
        if warn is not None:
            warn(str(e))
        return None
    if result is None:
        return None
    here = [s for s in result.scores if s.engine in installed]
    best = choose(here)
    if best is None:
        return None
    return best, reason_line(best, here, result.measured)


def _pct(wer: float) -> str:
    return f"{round(100 * wer)}%"


def reason_line(best: str, scores: Sequence[EngineScore], measured: str) -> str:
    """ "Using Whisper: it heard your voice best (...)", in one line."""
    mine = next(s for s in scores if s.engine == best)
    rest = ", ".join(f"{DISPLAY.get(s.engine, s.engine)} {_pct(s.wer)}"
                     for s in scores if s.engine != best)
    lowest = min(scores, key=lambda s: s.wer)
    why = ("it heard your voice best" if lowest.engine == best else
           "the others were not clearly better on your voice")
    return (f"Using {DISPLAY.get(best, best)}: {why} (words wrong: {_pct(mine.wer)}, "
            f"against {rest}; measured by 'voice adapt' on {measured[:10]}).")


def spoken_summary(result: OwnVoiceResult) -> str:
    """What ``voice adapt`` says at the end, for a listener (no figures to read)."""
    if not result.scores:
        return ""
    if result.best is None:
        s = result.scores[0]
        return (f"{DISPLAY.get(s.engine, s.engine)} got about {round(100 * s.wer)} words in "
                "a hundred wrong when you read those sentences.")
    best = result.score(result.best)
    assert best is not None
    others = " and ".join(f"{round(100 * s.wer)} for {DISPLAY.get(s.engine, s.engine)}"
                          for s in result.scores if s.engine != result.best)
    return (f"I compared the speech recognizers on your voice. "
            f"{DISPLAY.get(best.engine, best.engine)} got about {round(100 * best.wer)} words "
            f"in a hundred wrong, against {others}, so I will use "
            f"{DISPLAY.get(best.engine, best.engine)} for you.")


def doctor_lines(result: OwnVoiceResult) -> list[str]:
    """One line per engine for ``voice doctor``."""
    lines = []
    for s in sorted(result.scores, key=lambda s: s.wer):
        mark = "  <- used" if s.engine == result.best else ""
        lines.append(f"{DISPLAY.get(s.engine, s.engine)}: {_pct(s.wer)} of {s.words} words "
                     f"wrong on {s.clips} sentences ({s.how}){mark}")
    for name, why in result.problems.items():
        lines.append(f"{DISPLAY.get(name, name)}: not measured ({why})")
    return lines


def doctor_detail(result: OwnVoiceResult) -> str:
    """The figures in one line for ``voice doctor``."""
    scores = sorted(result.scores, key=lambda s: s.wer)
    figures = ", ".join(f"{DISPLAY.get(s.engine, s.engine)} {_pct(s.wer)}" for s in scores)
    clips = max((s.clips for s in scores), default=0)
    words = max((s.words for s in scores), default=0)
    text = (f"words wrong on your {clips} sentences ({words} words) read on "
            f"{result.measured[:10]}: {figures}")
    if result.best is not None:
        text += f"; auto uses {DISPLAY.get(result.best, result.best)}"
    missing = ", ".join(DISPLAY.get(n, n) for n in result.problems)
    return text + (f"; not measured: {missing}" if missing else "")
