"""Choose and load the speech recognizer the settings ask for.

``auto`` takes, in order: the engine measured best for this user
(``preferred_engine_for_user``); a Vosk model named in the settings
(``[speech_in] model``); Whisper when its model is installed and
every file verifies (it hears real people best: yes/no/stop from many
speakers 95 % against PocketSphinx's 76 %, see docs/speech-in.md); an
English Vosk model; PocketSphinx, which always works because its English
model ships inside the package. The choice is said in one line. A missing or
damaged Whisper model is said too (aloud where the assistant speaks), with
how to repair it, and the next engine is used: never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from voice.config import Config, default_models_dir
from voice.content.model import KnowledgeBase
from voice.errors import ModelMissing
from voice.speech_in.base import Recognizer
from voice.speech_in.pocketsphinx.corpus import build_corpus

if TYPE_CHECKING:
    from voice.speech_in.pocketsphinx.engine import PocketSphinxRecognizer

POCKETSPHINX_LINE = (
    "Using PocketSphinx (built-in English model); "
    "for better accuracy run 'voice models download'."
)
ADAPTED_LINE = "Using the adaptation to your voice (made with 'voice adapt')."
#: When listening has rebuilt it from those sentences and what it heard since.
RELEARNED_LINE = ("Using the adaptation to your voice (made with 'voice adapt', "
                  "updated from what you said since).")
#: Said when listening learns the voice: the user should know what is kept.
LEARNING_LINE = (
    "Getting used to your voice as you speak: your last 60 questions are kept on this "
    "device only ('voice adapt --reset' deletes them; [speech_in] learn_voice = false "
    "switches this off)."
)
#: Ends the line when a damaged Vosk model is replaced by PocketSphinx (auto).
FALLBACK_LINE = "Using PocketSphinx (built-in English model) for now."
#: Said when Whisper is in use (the model's files all verified at load).
WHISPER_LINE = "Using Whisper (whisper-tiny.en, every file verified)."
#: The engines ``[speech_in] recognizer`` may name.
ENGINES = ("whisper", "vosk", "pocketsphinx")


def preferred_engine_for_user(cfg: Config, warn: Callable[[str], None] | None = None
                              ) -> tuple[str, str] | None:
    """(engine, one line saying which and why) when ``voice adapt`` measured
    the installed engines on this user's voice (``own_voice.py``); None when
    nothing was measured, or fewer than two of the engines measured are
    installed now. A damaged measurement is one line to ``warn``, then None.
    """
    from voice.speech_in.own_voice import preferred_engine

    installed = [n for n in ENGINES if n == "pocketsphinx"
                 or (n == "whisper" and _whisper_folder().is_dir())
                 or (n == "vosk" and (cfg.model or _english_vosk_model(default_models_dir())))]
    return preferred_engine(installed, warn=warn)


#: What each engine says when it loads; a measured choice says its own line instead.
def _routine(line: str) -> bool:
    return line in (WHISPER_LINE, POCKETSPHINX_LINE) or line.startswith("Using Vosk (")


def _whisper_folder() -> Path:
    from voice.speech_in.whisper.model_files import model_folder

    return model_folder(default_models_dir())


def _load_whisper(cfg: Config, kb: KnowledgeBase | None) -> Recognizer:
    """Whisper with the verified model; ModelMissing in words when it cannot be."""
    from voice.speech_in.whisper import WhisperRecognizer

    return WhisperRecognizer(_whisper_folder(), _knowledge(cfg, kb))


def _english_vosk_model(models_dir: Path) -> Path | None:
    """An installed English Vosk model folder, or None (another language won't do)."""
    from voice.models.store import installed_models

    for m in installed_models(models_dir):
        if m.kind == "vosk" and m.lang.lower().split("-")[0] == "en":
            return m.path
    return None


def _knowledge(cfg: Config, kb: KnowledgeBase | None) -> KnowledgeBase | None:
    if kb is not None:
        return kb
    from voice.content.loader import load_knowledge

    return load_knowledge(cfg.content_dirs)


def content_grammar(kb: KnowledgeBase | None) -> list[str]:
    """Every word of the content and of the commands, for a Vosk grammar."""
    # The corpus includes every command phrasing the conversation accepts.
    return sorted(set(build_corpus(kb).vocabulary()))


def load_pocketsphinx(kb: KnowledgeBase | None, cache_dir: Path | None = None,
                      mllr: Path | None = None) -> PocketSphinxRecognizer:
    """PocketSphinx adapted to ``kb``, our commands and everyday talk, and to
    the user's voice when ``mllr`` (a ``voice adapt`` transform) is given.

    Nothing outside the package is read: an installed assistant has no tests/.
    """
    from voice.speech_in.pocketsphinx.engine import PocketSphinxRecognizer

    return PocketSphinxRecognizer(build_corpus(kb), cache_dir, mllr=mllr)


def voice_transform(cfg: Config) -> Path | None:
    """The user's voice adaptation, when there is one and the settings allow it."""
    if not cfg.adaptation:
        return None
    from voice.speech_in.pocketsphinx.adaptation import default_transform_path

    path = default_transform_path()
    return path if path.exists() else None


def _pocketsphinx_for(cfg: Config, kb: KnowledgeBase | None,
                      announce: Callable[[str], None],
                      warn: Callable[[str], None], learn: bool = False) -> Recognizer:
    from voice.speech_in.pocketsphinx.adaptation import default_enrolment_dir, kept_sentences
    from voice.speech_in.pocketsphinx.learning import VoiceLearner, start_transform

    enrolled = voice_transform(cfg)
    # After 'voice adapt', learning builds on its sentences (true words) plus
    # what it hears. An adaptation made before the sentences were kept has
    # nothing true to build on: a transform from our own transcripts alone
    # would replace one from the true words, and that this is no worse has
    # not been measured. So that user keeps it as it is, learning off, until
    # 'voice adapt' runs again (voice doctor says so).
    builds_on = default_enrolment_dir() if enrolled is not None else None
    if builds_on is not None and not kept_sentences(builds_on):
        learn = False
    learn = learn and cfg.adaptation and cfg.learn_voice
    # Its own failures are printed only (from a worker thread, in the middle
    # of a conversation): a user whose voice is never learned is no worse off.
    learner = VoiceLearner(enrolled=builds_on) if learn else None
    start = start_transform(enrolled, learner.transform if learner is not None else None)
    rec = load_pocketsphinx(kb, mllr=start)
    if enrolled is not None:
        if start != enrolled:
            announce(RELEARNED_LINE)
        elif rec.mllr_problem:
            warn(rec.mllr_problem)
        elif rec.mllr is not None:
            announce(ADAPTED_LINE)
    # A damaged learned transform is simply learned again: no need to worry the user.
    if learner is not None:
        rec.learn(learner)
        announce(LEARNING_LINE)
    return rec


def load_recognizer(
    cfg: Config,
    announce: Callable[[str], None],
    kb: KnowledgeBase | None = None,
    *,
    grammar: bool = False,
    warn: Callable[[str], None] | None = None,
    learn: bool = False,
) -> Recognizer:
    """The recognizer ``cfg.recognizer`` asks for; says which one in one line.

    ``kb`` saves loading the content a second time when the caller has it.
    ``grammar`` limits Vosk to the content's words (faster, but it cannot
    hear words outside the content at all). ``warn`` (default: ``announce``)
    gets the lines about something broken that was worked around (a damaged
    Vosk model, a damaged voice adaptation): a caller that only prints the
    routine lines still has these said aloud. ``learn``: PocketSphinx gets
    used to the voice it hears (live listening only; see ``learning.py``).
    """
    warn = warn or announce
    choice = cfg.recognizer
    if choice not in ("auto", *ENGINES):
        raise ModelMissing(
            f"I don't know the speech recognizer '{choice}'. "
            "Choose whisper, vosk, pocketsphinx or auto in the settings."
        )
    if choice == "auto":
        preferred = preferred_engine_for_user(cfg, warn)
        if preferred is not None:
            # Measured on this user's voice: that engine, as if chosen, with
            # the measurement as the one line saying which.
            engine, why = preferred
            announce(why)
            return load_recognizer(replace(cfg, recognizer=engine),
                                   lambda line: None if _routine(line) else announce(line),
                                   kb, grammar=grammar, warn=warn, learn=learn)
    whisper_problem = ""
    # A Vosk model named in the settings is a choice of Vosk: auto honours it.
    named_vosk = bool(cfg.model) and Path(cfg.model).expanduser().is_dir()
    if choice == "whisper" or (choice == "auto" and not named_vosk):
        try:
            rec = _load_whisper(cfg, kb)
        except ModelMissing as e:
            if choice == "whisper":
                warn(f"{e.message} {FALLBACK_LINE}")
                return _pocketsphinx_for(cfg, _knowledge(cfg, kb), announce, warn, learn)
            # auto: the next engine, said with the problem in one line below.
            whisper_problem = e.message
        else:
            announce(WHISPER_LINE)
            return rec
    model_path: Path | None = None
    if choice in ("auto", "vosk"):
        if cfg.model:
            model_path = Path(cfg.model).expanduser()
            if choice == "auto" and not model_path.is_dir():
                model_path = None
        else:
            model_path = _english_vosk_model(default_models_dir())
    if choice == "vosk" and model_path is None:
        raise ModelMissing(
            "Vosk was chosen but no English Vosk model is installed. "
            "Run 'voice models download' to install one, "
            "or set the recognizer to pocketsphinx."
        )
    if model_path is not None:
        from voice.speech_in.vosk.engine import VoskRecognizer

        kb = _knowledge(cfg, kb) if grammar else kb
        try:
            rec = VoskRecognizer(model_path, content_grammar(kb) if grammar else None)
        except ModelMissing as e:
            if choice == "vosk":
                raise
            # auto: a broken model must not leave the user without a voice.
            warn(f"{whisper_problem} {e.message} {FALLBACK_LINE}".strip())
            return _pocketsphinx_for(cfg, _knowledge(cfg, kb), announce, warn, learn)
        if whisper_problem:
            warn(f"{whisper_problem} Using Vosk ({model_path.name}) for now.")
        else:
            announce(f"Using Vosk ({model_path.name}).")
        return rec
    if whisper_problem:
        warn(f"{whisper_problem} {FALLBACK_LINE}")
    else:
        announce(POCKETSPHINX_LINE)
    return _pocketsphinx_for(cfg, _knowledge(cfg, kb), announce, warn, learn)


def load_recognizer_or_usual(
    cfg: Config,
    announce: Callable[[str], None],
    kb: KnowledgeBase | None = None,
    *,
    warn: Callable[[str], None] | None = None,
    learn: bool = False,
) -> Recognizer:
    """``load_recognizer`` for the assistant itself: a recognizer or model
    named in a settings file that cannot be loaded ("vosk" with no Vosk model
    installed) is said (``warn``) and the usual choice ("auto") is used, so
    the user is not left without the assistant; one asked for on the command
    line still fails, for whoever typed it to fix."""
    warn = warn or announce
    try:
        return load_recognizer(cfg, announce, kb, warn=warn, learn=learn)
    except ModelMissing as e:
        if "command line" in (cfg.sources.get("recognizer"), cfg.sources.get("model")):
            raise
        if cfg.recognizer == "auto" and not cfg.model:
            raise  # the usual choice itself failed: nothing else to try
        warn(f"{e.message} Until the settings are changed, I'm using the usual recognizer.")
        return load_recognizer(replace(cfg, recognizer="auto", model=""), announce, kb,
                               warn=warn, learn=learn)
