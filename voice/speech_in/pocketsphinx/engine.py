"""PocketSphinx with its bundled en-us model, adapted to our content.

The stock en-us language model knows 130 000 words and turns synthetic or
slurred speech into garbage (MACHINE-NOTES: "default LM garbage"). A small
trigram model built from our own questions, commands and everyday sentences
decodes the same audio almost exactly, 3x faster, and with a dictionary of a
few hundred words it loads in ~10 ms instead of ~0.4 s. The built model is
cached under a hash of its corpus, so start-up after the first run is fast.

The ``pocketsphinx`` import stays inside this module (engine imports are lazy).
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from voice.audio.clip import RECOGNIZER_RATE, AudioClip
from voice.errors import ModelMissing
from voice.speech_in.base import Transcript
from voice.speech_in.gate import SpeechGate
from voice.speech_in.pocketsphinx.corpus import Corpus
from voice.speech_in.pocketsphinx.learning import VoiceLearner
from voice.speech_in.pocketsphinx.lexicon import LEXICON_VERSION, Lexicon

if TYPE_CHECKING:
    from voice.content.model import KnowledgeBase

ENGINE = "pocketsphinx"

log = logging.getLogger("voice.speech_in")


#: Gaussians scored per frame (PocketSphinx's default is 4). Measured on the
#: tuning questions, spoken by three espeak-ng voices, LM without them:
#: topn 4 -> WER 0.32, right entry 79 %, RTF 0.06; 8 -> 0.28, 83 %;
#: 16 -> 0.24, 87 %, RTF 0.08; 32 -> 0.22, 90 %, RTF 0.15 (2 loaded cores).
#: 32 pushed the held-out p95 latency to 360 ms, over the 300 ms target, so 16.
TOPN = 16


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "voice" / "pocketsphinx"


def _pocketsphinx() -> Any:
    try:
        import pocketsphinx
    except ImportError as e:  # pragma: no cover - the package is a dependency
        raise ModelMissing(
            "The PocketSphinx speech recognizer is not installed. "
            "Run scripts/install.sh to install it."
        ) from e
    return pocketsphinx


def _model_dir() -> Path:
    return Path(_pocketsphinx().get_model_path()) / "en-us"


@dataclass(frozen=True)
class AdaptedModel:
    """A built language model and its small dictionary, on disk."""

    lm_path: Path
    """ARPA trigram model."""
    dict_path: Path
    """Pronunciations of exactly the words of the model."""
    guessed: tuple[str, ...]
    """Words whose phones were guessed by rule (worth a hand-written entry)."""
    built: bool
    """True when built now, False when taken from the cache."""


def _writable(path: Path) -> bool:
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / ".probe"
        probe.write_text("")
        probe.unlink()
        return True
    except OSError:
        return False


def build_adapted_model(corpus: Corpus, cache_dir: Path | None = None) -> AdaptedModel:
    """Build (or reuse from the cache) the LM and dictionary for ``corpus``."""
    from pocketsphinx.lm import ArpaBoLM

    lines = corpus.lines()
    key = hashlib.sha256(
        ("lexicon " + LEXICON_VERSION + "\n" + "\n".join(lines)).encode("utf-8")
    ).hexdigest()[:20]
    base = cache_dir or default_cache_dir()
    if not _writable(base):
        # A read-only home (kiosk set-ups) must not stop the assistant.
        base = Path(tempfile.gettempdir()) / "voice-pocketsphinx"
        base.mkdir(parents=True, exist_ok=True)
    target = base / key
    lm_path, dict_path, guessed_path = (target / n for n in ("lm.arpa", "words.dict", "guessed"))
    if lm_path.is_file() and dict_path.is_file() and guessed_path.is_file():
        guessed = tuple(guessed_path.read_text(encoding="utf-8").split())
        return AdaptedModel(lm_path, dict_path, guessed, built=False)

    lexicon = Lexicon.for_words(corpus.vocabulary(), _model_dir() / "cmudict-en-us.dict")
    dict_lines = lexicon.dictionary_lines(corpus.vocabulary())
    lm = ArpaBoLM(text="\n".join(lines) + "\n", add_start=True, case="lower")
    lm.compute()
    # Write into a private folder, then rename: two processes starting at once
    # must never read a half-written model.
    tmp = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=base))
    with open(tmp / "lm.arpa", "w", encoding="utf-8") as f:
        lm.write(f)
    (tmp / "words.dict").write_text("\n".join(dict_lines) + "\n", encoding="utf-8")
    (tmp / "guessed").write_text("\n".join(sorted(lexicon.guessed)) + "\n", encoding="utf-8")
    try:
        os.rename(tmp, target)
    except OSError:
        # Another process won the race; its copy is identical.
        for p in tmp.iterdir():
            p.unlink()
        tmp.rmdir()
    return AdaptedModel(lm_path, dict_path, tuple(sorted(lexicon.guessed)), built=True)


def _clean(hypstr: str) -> str:
    # Fillers (<sil>, [NOISE], <s>) are not words the user said.
    words = [w for w in hypstr.split() if not w.startswith(("<", "["))]
    return " ".join(w.split("(")[0] for w in words).lower()


#: Seconds of trailing quiet after which the final pass starts, before the
#: end-pointer has decided the question is over. The end-pointer waits 2 s by
#: default, so the final pass is usually done when it is asked for.
SPECULATE_AFTER = 0.4

#: Longest speech (seconds) decoded again as a whole at the end. Past this the
#: streamed result is used, so a long ramble never waits seconds for a second
#: pass (~0.09 s per second of speech here, 3-4x that on a Pi).
FINAL_PASS_MAX = 15.0


class _FinalPass:
    """The whole utterance decoded again in one block, in a worker thread.

    Measured on the tuning questions, spoken in six conditions, with a
    language model that had not seen them: the streamed result gets 57 % of
    questions to the right entry, the same audio decoded as one block 66 %
    (the cepstral mean is then taken over the whole utterance instead of
    being estimated as it goes). Starting it at the first pause keeps the
    wait after the end of speech short.
    """

    def __init__(self, owner: PocketSphinxRecognizer, speech: np.ndarray) -> None:
        self.samples = len(speech)
        self._result: Transcript | None = None
        self._thread = threading.Thread(
            target=self._run, args=(owner, speech), daemon=True, name="pocketsphinx-final"
        )
        self._thread.start()

    def _run(self, owner: PocketSphinxRecognizer, speech: np.ndarray) -> None:
        self._result = owner._decode_whole(speech)

    def result(self) -> Transcript | None:
        self._thread.join()
        return self._result


class PocketSphinxStream:
    """One utterance; see ``RecognitionStream``. Obtain from ``stream()``.

    Audio is decoded as it arrives (for partial results); the final
    transcript comes from ``_FinalPass`` over the whole utterance.
    """

    def __init__(self, owner: PocketSphinxRecognizer) -> None:
        self._owner = owner
        self._open = True
        self._partial = ""
        self._gate = SpeechGate()
        self._speech: list[np.ndarray] = []
        self._speech_samples = 0
        self._quiet = 0  # samples pushed since the gate last passed speech
        self._final: _FinalPass | None = None

    def feed(self, clip: AudioClip) -> str:
        if not self._open:
            raise RuntimeError("this utterance is finished; start a new stream()")
        pushed = _samples16k(clip)
        speech = self._gate.push(pushed)
        with self._owner._lock:
            if self._owner._active is not self:
                raise RuntimeError("a newer stream() replaced this one")
            if len(speech):
                self._speech.append(speech)
                self._speech_samples += len(speech)
                self._quiet = 0
                d = self._owner._decoder
                d.process_raw(speech.tobytes(), no_search=False, full_utt=False)
                hyp = d.hyp()
                self._partial = _clean(hyp.hypstr) if hyp is not None else ""
            else:
                self._quiet += len(pushed)
        self._maybe_speculate()
        return self._partial

    def _maybe_speculate(self) -> None:
        if (
            self._final is None
            and self._gate.heard_speech
            and self._quiet >= SPECULATE_AFTER * RECOGNIZER_RATE
            and self._speech_samples <= FINAL_PASS_MAX * RECOGNIZER_RATE
        ):
            self._final = _FinalPass(self._owner, self._whole(self._gate.peek_tail()))
        elif self._final is not None and self._final.samples != self._speech_samples + len(
            self._gate.peek_tail()
        ):
            # The user went on speaking: that guess is stale.
            self._final = None

    def _whole(self, tail: np.ndarray) -> np.ndarray:
        return np.concatenate([*self._speech, tail]) if self._speech else tail

    def finish(self) -> Transcript:
        if not self._open:
            raise RuntimeError("this utterance is already finished")
        self._open = False
        with self._owner._lock:
            if self._owner._active is not self:
                raise RuntimeError("a newer stream() replaced this one")
            self._owner._active = None
            d = self._owner._decoder
            tail = self._gate.flush()
            if len(tail):
                d.process_raw(tail.tobytes(), no_search=False, full_utt=False)
            d.end_utt()
            streamed = self._owner._transcript(d)
        whole = self._whole(tail)
        if len(whole) > FINAL_PASS_MAX * RECOGNIZER_RATE or not self._gate.heard_speech:
            return streamed
        final = self._final
        result = final.result() if final is not None and final.samples == len(whole) else None
        if result is None:
            result = self._owner._decode_whole(whole)
        self._owner._learn(whole, result)
        return result


def _decoders(pocketsphinx: Any, options: dict[str, Any]) -> tuple[Any, Any]:
    """The streaming and the final-pass decoder for ``options``.

    The streaming decoder only gives partial text (and the final text of a
    ramble past FINAL_PASS_MAX): without its two extra passes, ending an
    utterance costs nothing while the final pass's result is waiting.
    """
    return (pocketsphinx.Decoder(**options, fwdflat=False, bestpath=False),
            pocketsphinx.Decoder(**options))


def _samples16k(clip: AudioClip) -> np.ndarray:
    if clip.rate != RECOGNIZER_RATE or clip.channels != 1:
        clip = clip.resampled(RECOGNIZER_RATE)
    return np.asarray(clip.samples, dtype=np.int16).reshape(-1)


class PocketSphinxRecognizer:
    """PocketSphinx en-us; adapted to ``corpus`` when given, else the stock model.

    One decoder serves one utterance at a time: starting a new ``stream()``
    abandons the previous one (a push-to-talk press restarts the question).
    """

    name = ENGINE
    decodes_alongside = False  # every stream uses the one decoder

    def __init__(
        self,
        corpus: Corpus | None = None,
        cache_dir: Path | None = None,
        *,
        topn: int = TOPN,
        mllr: Path | None = None,
    ) -> None:
        pocketsphinx = _pocketsphinx()
        self.adapted: AdaptedModel | None = None
        #: Learns the user's voice from what it hears (see ``learning.py``); None: off.
        self.learner: VoiceLearner | None = None
        #: Decoders built in the background, swapped in between utterances:
        #: (streaming, final, speaker transform, language model).
        self._pending: tuple[Any, Any, Path | None, AdaptedModel | None] | None = None
        #: Held while decoders are built in the background (a new speaker
        #: transform, changed content), so one never drops the other's change.
        self._build_lock = threading.Lock()
        self._content_turn = 0  # bumped by each use_content: only the newest is built
        self._content_thread: threading.Thread | None = None
        #: Seconds the last content rebuild took (None: none yet).
        self.content_seconds: float | None = None
        self._cache_dir = cache_dir
        #: The speaker adaptation in use (``voice adapt``), None for none.
        self.mllr: Path | None = None
        #: Why ``mllr`` was given but not used ("" when it was, or none was given).
        self.mllr_problem = ""
        # dither: exact digital silence (a muted or unplugged input gives
        # zeros) otherwise decodes as a word ("door", "when"); half a bit of
        # noise with a fixed seed keeps results repeatable.
        options: dict[str, Any] = {
            "samprate": RECOGNIZER_RATE, "loglevel": "FATAL", "dither": True, "seed": 1,
        }
        if corpus is not None:
            options["topn"] = topn
        if corpus is not None:
            self.adapted = build_adapted_model(corpus, cache_dir)
            options["lm"] = str(self.adapted.lm_path)
            options["dict"] = str(self.adapted.dict_path)
        self._options = options
        self._load_decoders(pocketsphinx, options, mllr)
        self._lock = threading.RLock()
        self._final_lock = threading.Lock()
        self._active: PocketSphinxStream | None = None

    def _load_decoders(self, pocketsphinx: Any, options: dict[str, Any],
                       mllr: Path | None = None) -> None:
        if mllr is not None:
            from voice.speech_in.pocketsphinx.adaptation import transform_problem

            # PocketSphinx only says "Failed to initialize" for a bad file:
            # check it first so the user hears what is wrong.
            problem = transform_problem(mllr)
            if not problem:
                try:
                    self._load_decoders(pocketsphinx, {**options, "mllr": str(mllr)})
                    self.mllr = mllr
                    return
                except ModelMissing:
                    problem = f"the voice adaptation in {mllr} could not be used."
            # Run unadapted: a damaged adaptation must never cost the user their voice.
            self.mllr_problem = (problem[0].upper() + problem[1:] +
                                 " Running without it; run 'voice adapt' to make it again.")
        try:
            self._decoder, self._final_decoder = _decoders(pocketsphinx, options)
        except (RuntimeError, ValueError) as e:
            raise ModelMissing(
                "The built-in English speech model could not be loaded. "
                "Reinstall the assistant with scripts/install.sh."
            ) from e

    @property
    def stock(self) -> bool:
        """True when running the unadapted en-us language model."""
        return self.adapted is None

    def knows(self, word: str) -> bool:
        """Whether ``word`` is in the decoder's dictionary."""
        with self._lock:
            return self._decoder.lookup_word(word.lower()) is not None

    def learn(self, learner: VoiceLearner) -> None:
        """Learn the user's voice from every utterance heard through ``stream()``."""
        learner.on_transform = self.use_transform
        self.learner = learner

    def use_transform(self, mllr: Path) -> bool:
        """Switch to the speaker transform ``mllr`` from the next utterance on.

        Called from the learner's thread: the decoders are built here, then
        swapped in by ``stream()`` or ``transcribe()``, never mid-utterance.
        A bad transform is refused (False) and the current decoders stay.
        """
        from voice.speech_in.pocketsphinx.adaptation import transform_problem

        if transform_problem(mllr):
            return False
        with self._build_lock:
            # self._options names the newest language model (use_content).
            try:
                streaming, final = _decoders(_pocketsphinx(),
                                             {**self._options, "mllr": str(mllr)})
            except (RuntimeError, ValueError):
                return False
            with self._lock:
                self._pending = (streaming, final, mllr, self._next_model())
        return True

    def _next_model(self) -> AdaptedModel | None:
        # Caller holds self._lock: the language model the next decoders use.
        return self._pending[3] if self._pending is not None else self.adapted

    def _swap_pending(self) -> None:
        # Caller holds self._lock with no utterance under way.
        if self._pending is None:
            return
        with self._final_lock:
            self._decoder, self._final_decoder, mllr, self.adapted = self._pending
            if mllr != self.mllr:
                self.mllr_problem = ""
            self.mllr = mllr
            self._pending = None

    def use_content(self, kb: KnowledgeBase | None) -> None:
        """Rebuild the content language model and dictionary for ``kb``, in the
        background; the new decoders are swapped in by the next ``stream()``
        or ``transcribe()``, never mid-utterance (see ``Recognizer``).

        Only the newest of several quick changes is built. A rebuild that
        fails keeps the current model, said in one logged line. The stock
        model (no content) stays as it is.
        """
        if self.stock:
            return
        with self._lock:
            self._content_turn += 1
            turn = self._content_turn
        thread = threading.Thread(target=self._rebuild, args=(kb, turn), daemon=True,
                                  name="pocketsphinx-content")
        self._content_thread = thread
        thread.start()

    def wait_for_content(self, timeout: float | None = None) -> None:
        """Wait until the rebuild started by the last ``use_content`` is over."""
        thread = self._content_thread
        if thread is not None:
            thread.join(timeout)

    def _rebuild(self, kb: KnowledgeBase | None, turn: int) -> None:
        from voice.speech_in.pocketsphinx.corpus import build_corpus

        with self._build_lock:
            if turn != self._content_turn:
                return  # a newer change is waiting: build that one instead
            started = time.perf_counter()
            try:
                adapted = build_adapted_model(build_corpus(kb), self._cache_dir)
                with self._lock:
                    current = self._next_model()
                    mllr = self._pending[2] if self._pending is not None else self.mllr
                if current is not None and adapted.lm_path == current.lm_path:
                    return  # the same words and sentences: nothing to swap
                options = {**self._options, "lm": str(adapted.lm_path),
                           "dict": str(adapted.dict_path)}
                streaming, final = _decoders(
                    _pocketsphinx(), {**options, "mllr": str(mllr)} if mllr else options)
            except Exception as e:  # any failure keeps the model in use
                log.warning("The content changed, but PocketSphinx's language model could "
                            "not be rebuilt (%s); it keeps the one it had.", e)
                return
            with self._lock:
                self._options = options
                self._pending = (streaming, final, mllr, adapted)
            self.content_seconds = time.perf_counter() - started
            log.debug("PocketSphinx follows the changed content (%.2f s)", self.content_seconds)

    def _learn(self, speech: np.ndarray, result: Transcript) -> None:
        # A ramble (past FINAL_PASS_MAX) is not learned from.
        if (self.learner is not None and result.text
                and len(speech) <= FINAL_PASS_MAX * RECOGNIZER_RATE):
            self.learner.heard(AudioClip(speech, RECOGNIZER_RATE, 1), result.text)

    def stream(self) -> PocketSphinxStream:
        with self._lock:
            if self._active is not None:
                self._active._open = False
                self._decoder.end_utt()
            self._swap_pending()
            s = PocketSphinxStream(self)
            self._decoder.start_utt()
            self._active = s
            return s

    def transcribe(self, clip: AudioClip) -> Transcript:
        gate = SpeechGate()
        speech = np.concatenate([gate.push(_samples16k(clip)), gate.flush()])
        with self._lock:
            if self._active is not None:
                self._active._open = False
                self._active = None
                self._decoder.end_utt()
            self._swap_pending()
        result = self._decode_whole(speech)
        self._learn(speech, result)  # push-to-talk hands over whole recordings
        return result

    def _decode_whole(self, speech: np.ndarray) -> Transcript:
        """Decode ``speech`` as one utterance with the final-pass decoder.

        A decoder of its own, so a final pass can run while the streaming
        decoder already listens to the next question.
        """
        with self._final_lock:
            d = self._final_decoder
            d.start_utt()
            if len(speech):
                # full_utt: the whole clip is known, so decode it as one block.
                d.process_raw(speech.tobytes(), no_search=False, full_utt=True)
            d.end_utt()
            return self._transcript(d)

    def _transcript(self, decoder: Any) -> Transcript:
        hyp = decoder.hyp()
        if hyp is None:
            return Transcript("", ENGINE, None)
        text = _clean(hyp.hypstr)
        prob = float(hyp.prob) if text else None
        confidence = prob if prob is not None and 0.0 <= prob <= 1.0 else None
        words = []
        for seg in decoder.seg():
            word = _clean(seg.word)
            if word:
                # seg.prob is the word's posterior probability in the lattice.
                words.append((word, min(1.0, max(0.0, float(seg.prob)))))
        if " ".join(w for w, _ in words) != text:
            words = []  # never disagree with the text; fall back to all words
        return Transcript(text, ENGINE, confidence, words=tuple(words))
